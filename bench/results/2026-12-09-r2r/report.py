#!/usr/bin/env python3
"""Reads RUNS_DIR/<variant>-<run>/ and prints the markdown tables for bench/results/2026-12-09-r2r/."""
import csv, re, sys
from pathlib import Path

RUNS = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/r2r/runs")

def jit(path):
    vals = {"methods": 0.0, "jit_s": 0.0, "cpu_s": 0.0}
    if not path.exists():
        return None
    for line in path.read_text().splitlines():
        name, value = line.rsplit(" ", 1)
        if name.startswith("dotnet_jit_compiled_methods_total"): vals["methods"] = float(value)
        elif name.startswith("dotnet_jit_compilation_time_seconds_total"): vals["jit_s"] = float(value)
        elif name.startswith("dotnet_process_cpu_time_seconds_total"): vals["cpu_s"] += float(value)
    return vals

def summary(d):
    out = {}
    for line in (d / "summary.txt").read_text().splitlines():
        m = re.match(r"(first start|restart (\d))[^:]*: ready after ([\d.]+) s, host CPU (\d+) ms; load ([\d.]+)", line)
        if m:
            key = "first" if m.group(1) == "first start" else f"restart{m.group(2)}"
            out[key] = (float(m.group(3)), int(m.group(4)) / 1000, float(m.group(5)))
    return out

def samples(d):
    rows = []
    for line in (d / "samples.txt").read_text().splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[2].isdigit():
            rows.append((float(parts[0]), int(parts[1]), int(parts[2]), float(parts[3])))
    return rows

def lg(d):
    md = next(d.glob("*.md"), None)
    text = md.read_text() if md else ""
    get = lambda label: (re.search(r"\| " + re.escape(label) + r"[^|]*\| ([^|]+) \|", text) or [None, "—"])[1].strip()
    return {"accepted": get("Accepted webhooks/s, sustained"), "ack": get("Acknowledgement latency p50 / p99 / p99.9 (max)"),
            "lost": get("Lost: acknowledged but never stored"), "twice": get("Stored more than once"),
            "drained": get("Backlog drained"), "file": md.name if md else None}

def counters(d):
    path = d / "counters.csv"
    if not path.exists():
        return []
    per = {}
    with path.open() as f:
        for row in csv.reader(f):
            if len(row) < 5 or row[0] == "Timestamp":
                continue
            ts, name, value = row[0], row[2], row[4]
            try: value = float(value)
            except ValueError: continue
            per.setdefault(ts, {})[name] = value
    return sorted(per.items())

def main():
    variants = {}
    for d in sorted(RUNS.iterdir()):
        if (d / "summary.txt").exists():
            variants[d.name] = d
    tck = 100
    for name, d in variants.items():
        s = summary(d)
        print(f"\n## {name}\n")
        print("| start | time to /health/ready | host CPU to ready | methods JIT-compiled to ready | time in the JIT to ready (wall, all threads) | load average (1 min) at start |")
        print("|---|---|---|---|---|---|")
        for key, label in [("first", "first start (fresh database: migrations)"), ("restart1", "restart 1"), ("restart2", "restart 2"), ("restart3", "restart 3 (dotnet-counters attached, then the load)")]:
            if key not in s: continue
            ready, cpu, load = s[key]
            j = jit(d / {"first": "none", "restart1": "jit-restart1.txt", "restart2": "jit-restart2.txt", "restart3": "jit-ready.txt"}[key])
            print(f"| {label} | {ready:.1f} s | {cpu:.1f} s | {int(j['methods']):,} | {j['jit_s']:.1f} s | {load:.0f} |" if j else f"| {label} | {ready:.1f} s | {cpu:.1f} s | — | — | {load:.0f} |")
        rows = samples(d) if (d / "samples.txt").exists() else []
        if rows and max(r[2] for r in rows) == 0:
            print("\nNo message was processed after ready: the load generator did not run (its `lg.txt` says why).")
        elif rows:
            t0, k0, p0, _ = rows[0]
            final = max(r[2] for r in rows)
            done = next(r for r in rows if r[2] == final)
            print(f"\nAfter the measured restart's ready: {final:,} messages processed (the load generator's preflight and its --count), "
                  f"all processed {done[0]-t0:.0f} s after ready; host CPU from ready until then **{(done[1]-k0)/tck:.1f} s = {(done[1]-k0)*1000/tck/final:.1f} ms per message**; "
                  f"load average {rows[0][3]:.0f} → {done[3]:.0f}.")
            for window in (30, 60, 90):
                w = [r for r in rows if r[0] - t0 <= window]
                last = w[-1]
                if last[2] > p0 and window < done[0] - t0:  # past that the tool's lookups of every message weigh in
                    print(f"- first {window} s after ready: host CPU {(last[1]-k0)/tck:.1f} s, {last[2]-p0} processed → {(last[1]-k0)*1000/tck/(last[2]-p0):.1f} ms per processed message")
            je, jr = jit(d / "jit-end.txt"), jit(d / "jit-ready.txt")
            if je and jr:
                print(f"- from ready to the end of the run (load, drain, the tool's lookups of every message): {int(je['methods']-jr['methods']):,} methods JIT-compiled, "
                      f"{je['jit_s']-jr['jit_s']:.1f} s in the JIT, host CPU {je['cpu_s']-jr['cpu_s']:.1f} s ({(je['jit_s']-jr['jit_s'])/(je['cpu_s']-jr['cpu_s'])*100:.0f} % of it, JIT wall time ÷ CPU)")
            r = lg(d)
            print(f"- load generator ({r['file']}): accepted {r['accepted']}, ack p50/p99/p99.9 {r['ack']}, backlog drained {r['drained']}, lost {r['lost']}, stored twice {r['twice']}")
        c = counters(d)
        if c:
            keys = sorted({k for _, v in c for k in v})
            print("\ndotnet-counters (System.Runtime, 5 s intervals) on the measured restart, from its start:\n")
            def pick(v, word):
                return sum(x for k, x in v.items() if word in k)
            print("| 5 s ending (UTC) | host CPU (user + system) | methods JIT-compiled | time in the JIT (wall, all threads) |")
            print("|---|---|---|---|")
            total = [0.0, 0.0, 0.0]
            for ts, v in c:
                row = [pick(v, "process.cpu.time"), pick(v, "jit.compiled_methods"), pick(v, "jit.compilation.time")]
                total = [a + b for a, b in zip(total, row)]
                print(f"| {ts.split(' ')[-1]} | {row[0]:.2f} s | {int(row[1]):,} | {row[2]:.2f} s |")
            print(f"| **total** | **{total[0]:.1f} s** | **{int(total[1]):,}** | **{total[2]:.1f} s** |")

main()
