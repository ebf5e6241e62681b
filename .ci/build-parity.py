#!/usr/bin/env python3
"""build.sh and build.ps1 must do the same steps (issue 12): Linux admins run one, Windows admins the other.

Each script is read as the ordered steps it takes: its dotnet commands, the environment it gives migrations-script,
the files it writes under the publish folder and what it checks them for. Variables are named alike
({configuration}, {out}, {scratch}, {rid}) so the two read as one list; any difference is printed and fails.
`--self-test` checks that a build.ps1 missing a step is caught (the check can fail).
"""
import re
import sys
from pathlib import Path


def normalise(text: str) -> str:
    text = re.sub(r'"?\$[cC]onfiguration"?', "{configuration}", text)
    text = re.sub(r'"?\$scratch(\.FullName)?"?', "{scratch}", text)
    text = re.sub(r'"?\$out"?', "{out}", text)
    text = re.sub(r'"?\$rid"?', "{rid}", text)  # the runtime identifier differs by design: linux-x64, win-x64
    return re.sub(r"\s+", " ", text.replace("'", "").replace('"', "")).strip()


def steps_of_sh(text: str) -> list:
    steps = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            continue
        if m := re.match(r"^(dotnet .*?)\s*\\?$", line):
            steps.append(("dotnet", normalise(m.group(1))))
        elif m := re.match(r"^(\w+__\w+)=(.+?)\s*\\$", line):
            steps.append(("env", m.group(1), normalise(m.group(2))))
        steps += [("writes", f) for f in re.findall(r"\$out/(db/[\w.]+)", line) if not line.startswith("[")]
        if "__EFMigrationsHistory" in line:
            steps.append(("checks", "__EFMigrationsHistory"))
    return steps


def steps_of_ps1(text: str) -> list:
    steps = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#") or line.startswith("function "):
            continue
        if m := re.search(r"exec \{ (dotnet .*?) \}", line):
            steps.append(("dotnet", normalise(m.group(1))))
        elif m := re.match(r"^\$env:(\w+__\w+) = (.+)$", line):
            steps.append(("env", m.group(1), normalise(m.group(2))))
        steps += [("writes", f) for f in re.findall(r"\$out/(db/[\w.]+)", line)]
        if "__EFMigrationsHistory" in line:
            steps.append(("checks", "__EFMigrationsHistory"))
    return steps


def compare(sh_text: str, ps1_text: str) -> list:
    sh, ps1 = steps_of_sh(sh_text), steps_of_ps1(ps1_text)
    if not any(s[0] == "dotnet" for s in sh):
        return ["build.sh: no dotnet step found (has its form changed? update .ci/build-parity.py)"]
    problems = []
    for i in range(max(len(sh), len(ps1))):
        a = sh[i] if i < len(sh) else None
        b = ps1[i] if i < len(ps1) else None
        if a != b:
            problems.append(f"step {i + 1}: build.sh {a} but build.ps1 {b}")
            break  # after the first difference the rest is shifted: one line says where they part
    return problems


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    sh_text = (root / "build.sh").read_text(encoding="utf-8")
    ps1_text = (root / "build.ps1").read_text(encoding="utf-8")
    if "--self-test" in sys.argv:
        broken = ps1_text.replace("exec { dotnet test ContactCenter.sln -c $Configuration --no-build }\n", "")
        if broken == ps1_text or not compare(sh_text, broken):
            print("build-parity self-test: a build.ps1 without its test step was not caught", file=sys.stderr)
            return 1
    problems = compare(sh_text, ps1_text)
    for problem in problems:
        print(f"build.sh / build.ps1 differ: {problem}", file=sys.stderr)
    if not problems:
        print(f"build.sh and build.ps1 take the same {len(steps_of_sh(sh_text))} steps")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
