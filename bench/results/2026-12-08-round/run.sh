#!/bin/bash
# One RoutingBench run, with the load average before and after: run.sh <label> <bench dll> <sqlite|postgres> [extra args]
# Output: <label>.md beside this script (stdout, with the load lines; stderr's [bench] lines appended).
set -u
here=$(cd "$(dirname "$0")" && pwd)
label=$1; dll=$2; db=$3; shift 3
PG="Host=127.0.0.1;Port=5432;Username=cc;Password=cc;Database=postgres"
out="$here/$label.md"
{
  echo "<!-- $label: $dll --database $db $* -->"
  echo "<!-- start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg) -->"
} > "$out"
if [ "$db" = postgres ]; then
  dotnet "$dll" --postgres "$PG" "$@" >> "$out" 2> "$here/$label.stderr"
else
  dotnet "$dll" --database sqlite "$@" >> "$out" 2> "$here/$label.stderr"
fi
rc=$?
echo "<!-- end $(date -u +%T) rc=$rc load $(cut -d' ' -f1-3 /proc/loadavg) -->" >> "$out"
grep -v '^\s*at ' "$here/$label.stderr" | grep -v '^$' | sed 's/^/<!-- stderr: /; s/$/ -->/' >> "$out"
rm -f "$here/$label.stderr"
echo "$label rc=$rc"
