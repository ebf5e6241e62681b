#!/bin/bash
# usage: measure.sh <variant: plain|r2r> <run label> <port> <messages>
# A published host (/tmp/r2r/<variant>) on a fresh PostgreSQL database: first start (migrations) and three restarts
# timed to /health/ready; on the last restart the load generator attached with --url posts <messages> webhooks
# (new phone each), and the host's CPU, processed rows and JIT counters are sampled until every one is processed.
V=$1; RUN=$2; PORT=$3; N=$4
DIR=/tmp/r2r/$V; OUT=/tmp/r2r/runs/$V-$RUN; rm -rf $OUT; mkdir -p $OUT/data
DB=cc_bench_r2r_${V}_$RUN
PGADMIN="postgresql://cc:cc@127.0.0.1/postgres"
psql -q "$PGADMIN" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
CONN="Host=127.0.0.1;Port=5432;Username=cc;Password=cc;Database=$DB"
KEY=benchkey-0123456789abcdef0123456789abcdef
URL=http://127.0.0.1:$PORT
TCK=$(getconf CLK_TCK)
now() { date +%s.%N; }
load() { cut -d' ' -f1 /proc/loadavg; }
ticks() { awk '{print $14+$15}' /proc/$1/stat; }
processed() { psql -At "postgresql://cc:cc@127.0.0.1/$DB" -c "select count(*) from \"Channels_Inbox\" where \"Status\"='Processed'" 2>/dev/null; }
spawn() {
  (cd $DIR && exec env ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres ConnectionStrings__Default="$CONN" \
    ContactCenter__DataDirectory=$OUT/data ContactCenter__SeedDemoData=false ContactCenter__Bootstrap__AdminApiKey=$KEY \
    dotnet ContactCenter.Host.dll --urls=$URL/ >> $OUT/host-$1.log 2>&1) &
  echo $!
}
wait_ready() {  # prints seconds from $2 (spawn time) to the first 200 of /health/ready
  for i in $(seq 1 3000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' $URL/health/ready)" = 200 ]; then echo "$(now) - $2" | bc; return 0; fi
    kill -0 $1 2>/dev/null || { echo "host died" >&2; return 1; }
    sleep 0.1
  done
  return 1
}
stop() {  # the host is not this shell's child (spawned in a command substitution): poll until it is gone
  kill -TERM $1
  for i in $(seq 1 600); do kill -0 $1 2>/dev/null || break; sleep 0.1; done
  kill -0 $1 2>/dev/null && { echo "host $1 did not stop in 60 s: killed" >&2; kill -9 $1; sleep 1; }
  if curl -s -o /dev/null $URL/health/live; then echo "something still answers on $URL" >&2; exit 1; fi
}
jitmetrics() { curl -s $URL/metrics | grep -E '^(dotnet_jit_|dotnet_process_cpu)' ; }

echo "variant $V run $RUN" | tee $OUT/summary.txt
# 1. first start: creates the schema
T=$(now); L0=$(load); P=$(spawn first); R=$(wait_ready $P $T) || exit 1
echo "first start (fresh database, migrations): ready after $R s, host CPU $(( $(ticks $P)*1000/TCK )) ms; load $L0" | tee -a $OUT/summary.txt
stop $P
# 2. restarts
for k in 1 2; do
  T=$(now); L0=$(load); P=$(spawn restart$k); R=$(wait_ready $P $T) || exit 1
  C=$(( $(ticks $P)*1000/TCK ))
  echo "restart $k: ready after $R s, host CPU $C ms; load $L0" | tee -a $OUT/summary.txt
  jitmetrics > $OUT/jit-restart$k.txt
  stop $P
done
# 3. the measured restart and its first N messages
T=$(now); L0=$(load); P=$(spawn measured)
sleep 0.2
/tmp/dtools/dotnet-counters collect -p $P --counters System.Runtime --refresh-interval 5 --format csv -o $OUT/counters.csv > $OUT/counters.log 2>&1 &
DC=$!
R=$(wait_ready $P $T) || exit 1
C=$(( $(ticks $P)*1000/TCK ))
echo "restart 3 (measured, dotnet-counters attached): ready after $R s, host CPU $C ms; load $L0" | tee -a $OUT/summary.txt
jitmetrics > $OUT/jit-ready.txt
( while true; do echo "$(now) $(ticks $P) $(processed) $(load)"; sleep 1; done ) > $OUT/samples.txt &
S=$!
dotnet /work/wt/r2r/bench/ContactCenter.LoadGenerator/bin/Release/net10.0/ContactCenter.LoadGenerator.dll --url $URL/ --api-key $KEY \
  --provider postgres --postgres "$CONN" --phones 100000 --skip-baseline --duplicates 0 --warmup 0s --count $N --duration 120s \
  --settle-timeout 600s --poll-interval 250ms --results-dir $OUT > $OUT/lg.txt 2>&1
echo "load generator exit $?" | tee -a $OUT/summary.txt
kill $S
jitmetrics > $OUT/jit-end.txt
kill -TERM $DC; wait $DC
stop $P
psql -q "$PGADMIN" -c "DROP DATABASE IF EXISTS $DB"
