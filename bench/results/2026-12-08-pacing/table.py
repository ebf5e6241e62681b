#!/usr/bin/env python3
"""Prints the before/after table from the runs' reports (run from this folder)."""
import glob, re, os
rows = []
for d in sorted(glob.glob('*-[0-9]'), key=lambda p: (int(p.split('-')[-1]), p)):
    md = glob.glob(f'{d}/*.md')
    if not md:
        continue
    text = open(md[0]).read()
    rate = re.search(r'Outbound send rate[^|]*\| (\d+) /s \((\d+) in 1 s\)', text)
    sent = re.search(r'Outbound: replies queued[^|]*\| (\d+) / (\d+) / (\d+) / (\d+)', text)
    load = re.search(r'at the end of the run: ([\d.]+) / ([\d.]+) / ([\d.]+)', text)
    rows.append((d, rate.group(1), rate.group(2), *sent.groups(), load.group(1)))
print('| run | build | sends/s | peak in any 1 s (limit 80, tool allows 84) | queued / sent / never sent / sent twice | load (1 min) at its end |')
print('|---|---|---|---|---|---|')
for d, r, p, q, s, n, t, l in rows:
    build = 'main 95d3083' if d.startswith('before') else ('pacing (strict)' if d.startswith('strict') else 'pacing + catch-up (e96ca0a, reverted)')
    print(f'| {d} | {build} | {r} | {p} | {q} / {s} / {n} / {t} | {l} |')
