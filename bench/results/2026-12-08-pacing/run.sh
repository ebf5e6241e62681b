#!/usr/bin/env bash
# Outbound, all replies queued first then released, at the default 80 /s: main's build (before) and this branch's
# (after), back to back, the same load generator for both. Usage: run.sh <label> <host dll> <results dir>
set -u
LG=/work/wt-pacing/bench/ContactCenter.LoadGenerator/bin/Release/net10.0/ContactCenter.LoadGenerator.dll
PG="Host=127.0.0.1;Port=5432;Username=cc;Password=cc;Database=cc_test"
echo "== $1 start $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet $LG --provider postgres --postgres "$PG" --host-dll "$2" --phones 100000 --duration 8s --skip-baseline --duplicates 0 \
  --settle-timeout 300s --poll-interval 250ms --outbound 400 --start-timeout 300s --results-dir "$3" > "$3/$1.log" 2>&1
echo "   end $(date -u +%H:%M:%S) rc=$? load $(cut -d' ' -f1-3 /proc/loadavg)"
