#!/usr/bin/env python3
"""Count test outcomes in the TRX files of one `dotnet test` run and print `N passed, N failed, N skipped`.

Usage: summarize-trx.py <results-dir> [console-log]
Exit status: 0 when tests ran and none failed; 1 when a test failed, a run reported an error, no test ran,
or the console log counted more tests than the TRX files hold (a TRX file was lost or overwritten).
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
# Everything that is neither a pass nor a skip counts as a failure (Error, Timeout, Aborted, ...).
PASSED = {"Passed", "PassedButRunAborted"}
SKIPPED = {"NotExecuted", "Inconclusive", "NotRunnable", "Pending", "Disconnected"}


def why(result, limit=12):
    """The first lines of a failed test's message and stack: the CI log is often all there is to go on."""
    lines = []
    for tag in ("Message", "StackTrace"):
        node = result.find(f"{NS}Output/{NS}ErrorInfo/{NS}{tag}")
        if node is not None and node.text:
            lines.extend(line.rstrip() for line in node.text.strip().splitlines()[:limit] if line.strip())
    return ["    " + line[:300] for line in lines]


def summarize(results_dir):
    passed = failed = skipped = 0
    problems = []
    files = sorted(glob.glob(os.path.join(results_dir, "**", "*.trx"), recursive=True))
    for path in files:
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as error:
            problems.append(f"UNREADABLE {path}: {error}")
            continue
        for result in root.iter(NS + "UnitTestResult"):
            outcome = result.get("outcome", "")
            if outcome in PASSED:
                passed += 1
            elif outcome in SKIPPED:
                skipped += 1
            else:
                failed += 1
                problems.append(f"FAILED {result.get('testName')} ({outcome}) in {os.path.basename(path)}")
                problems.extend(why(result))
        summary = root.find(NS + "ResultSummary")
        if summary is not None and summary.get("outcome") in ("Error", "Aborted", "Timeout"):
            problems.append(f"RUN {summary.get('outcome')} in {os.path.basename(path)} (test host crashed or hung?)")
    return files, passed, failed, skipped, problems


def console_total(log_path):
    # dotnet test prints one "Passed!/Failed!  - Failed: x, Passed: y, Skipped: z, Total: t" line per assembly.
    if not log_path or not os.path.exists(log_path):
        return None
    with open(log_path, encoding="utf-8", errors="replace") as log:
        text = log.read()
    line = re.compile(r"(?:Passed|Failed)!\s+- Failed:\s+\d+, Passed:\s+\d+, Skipped:\s+\d+, Total:\s+(\d+)")
    return sum(int(m.group(1)) for m in line.finditer(text))


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    files, passed, failed, skipped, problems = summarize(sys.argv[1])
    ok = True
    for line in problems:
        print(line, file=sys.stderr)
        ok = False
    total = console_total(sys.argv[2] if len(sys.argv) > 2 else None)
    if total is not None and total > passed + failed + skipped:
        print(f"dotnet test reported {total} tests but the {len(files)} TRX file(s) hold {passed + failed + skipped}",
              file=sys.stderr)
        ok = False
    if passed + failed == 0:
        print("no test ran", file=sys.stderr)
        ok = False
    ok = ok and failed == 0
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
