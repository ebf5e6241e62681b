#!/bin/bash
# usage: cpu.sh <label> <host bin dir> [perf]
REPO=$(pwd)
LABEL=$1; BIN=$2; PERF=$3
DB=cc_inboxcpu_cpu_$LABEL
OUT=/tmp/prof-inboxcpu/cpu-$LABEL; rm -rf $OUT; mkdir -p $OUT/data
psql -q "postgresql://cc:cc@127.0.0.1/postgres" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
CONN="Host=127.0.0.1;Port=5432;Username=cc;Password=cc;Database=$DB"
KEY=benchkey-0123456789abcdef0123456789abcdef
cd $BIN
DOTNET_TieredCompilation=0 DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres ConnectionStrings__Default="$CONN" ContactCenter__DataDirectory=$OUT/data ContactCenter__SeedDemoData=false ContactCenter__Bootstrap__AdminApiKey=$KEY dotnet ContactCenter.Host.dll --urls=http://127.0.0.1:5300/ > $OUT/host.log 2>&1 &
HOST=$!
cd $REPO
for i in $(seq 1 180); do curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:5300/health/ready | grep -q 200 && break; sleep 1; done
LG="dotnet bench/ContactCenter.LoadGenerator/bin/Release/net10.0/ContactCenter.LoadGenerator.dll --url http://127.0.0.1:5300/ --api-key $KEY --provider postgres --postgres $CONN --phones 100000 --skip-baseline --duplicates 0 --settle-timeout 600s --poll-interval 1000ms"
$LG --duration 10s --results-dir $OUT/warm > $OUT/warm.txt 2>&1
ticks() { awk '{print $14+$15}' /proc/$HOST/stat; }
processed() { psql -At "postgresql://cc:cc@127.0.0.1/$DB" -c "select count(*) from \"Channels_Inbox\" where \"Status\"='Processed'"; }
T0=$(ticks); P0=$(processed); L0=$(cut -d' ' -f1 /proc/loadavg)
if [ -n "$PERF" ]; then perf record -F 499 -g -p $HOST -o $OUT/perf.data > /dev/null 2>&1 & PP=$!; fi
$LG --duration 10s --results-dir $OUT/measured > $OUT/measured.txt 2>&1 &
LGP=$!
# stop the clock when the tool starts its per-message audit (one API call per message: not the product's processing)
until grep -q "Checking every message" $OUT/measured.txt || ! kill -0 $LGP 2>/dev/null; do sleep 0.2; done
T1=$(ticks); P1=$(processed); L1=$(cut -d' ' -f1 /proc/loadavg)
if [ -n "$PERF" ]; then kill -INT $PP; wait $PP; fi
TCK=$(getconf CLK_TCK)
echo "$LABEL: host CPU $(( (T1-T0)*1000/TCK )) ms for $((P1-P0)) processed rows = $(echo "scale=2; ($T1-$T0)*1000/$TCK/($P1-$P0)" | bc) ms/row; load $L0 -> $L1" | tee $OUT/summary.txt
wait $LGP; kill $HOST; wait $HOST
psql -q "postgresql://cc:cc@127.0.0.1/postgres" -c "DROP DATABASE IF EXISTS $DB"
