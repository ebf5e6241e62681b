#!/bin/bash
# Two host processes on one fresh PostgreSQL database (loopback ports), then one load generator attached to each.
set -u
DB=cc_bench_twonode_$(date +%H%M%S)
KEY=cc_bench_twonode_key_$(date +%s)
DLL=/work/wt/bench/host/ContactCenter.Host/bin/Release/net10.0/ContactCenter.Host.dll
OUT=/tmp/benchruns/twonode; mkdir -p $OUT
echo "db $DB start $(date -u) $(cat /proc/loadavg)" > $OUT/progress.txt
PGPASSWORD=cc psql -h 127.0.0.1 -U cc -d postgres -c "CREATE DATABASE $DB" >> $OUT/progress.txt 2>&1
start_node() {
  mkdir -p /tmp/$DB-$1
  ( cd $(dirname $DLL) && ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres \
    ConnectionStrings__Default="Host=127.0.0.1;Port=5432;Username=cc;Password=cc;Database=$DB" \
    ContactCenter__DataDirectory=/tmp/$DB-$1 ContactCenter__SeedDemoData=false ContactCenter__Bootstrap__AdminApiKey=$KEY \
    exec dotnet $DLL --urls=http://127.0.0.1:$2 --contentRoot=$(dirname $DLL) > $OUT/node$1.log 2>&1 ) &
  echo $! > $OUT/node$1.pid
  for i in $(seq 1 240); do curl -sf http://127.0.0.1:$2/health/ready > /dev/null && return 0; sleep 1; done
  echo "node $1 not ready" >> $OUT/progress.txt; return 1
}
start_node A 5181 && echo "A ready $(date -u)" >> $OUT/progress.txt
start_node B 5182 && echo "B ready $(date -u)" >> $OUT/progress.txt
LG=/work/wt/bench/bench/ContactCenter.LoadGenerator/bin/Release/net10.0/ContactCenter.LoadGenerator.dll
cd /work/wt/bench
pids=()
for n in A:5181 B:5182; do
  name=${n%%:*}; port=${n##*:}
  ( timeout 900 dotnet $LG --url http://127.0.0.1:$port --api-key $KEY --provider postgres --postgres "Host=127.0.0.1;Port=5432;Username=cc;Password=cc;Database=cc_test" \
      --connections 8 --duration 10s --duplicates 50 --settle-timeout 240s --poll-interval 250ms --request-timeout 30s --start-timeout 300s --results-dir $OUT/$name > $OUT/lg$name.md 2> $OUT/lg$name.progress; echo "rc=$?" >> $OUT/lg$name.progress ) &
  pids+=($!)
done
wait "${pids[@]}"
echo "loads done $(date -u) $(cat /proc/loadavg)" >> $OUT/progress.txt
for n in A B; do kill -TERM $(cat $OUT/node$n.pid) 2>/dev/null; done
sleep 10
PGPASSWORD=cc psql -h 127.0.0.1 -U cc -d postgres -c "DROP DATABASE $DB WITH (FORCE)" >> $OUT/progress.txt 2>&1
echo "end $(date -u)" >> $OUT/progress.txt
