#!/bin/bash
# statements per processed inbox row, by kind (PostgreSQL log), on a warmed host
LABEL=$1; BIN=$2
DB=cc_bench_st_$LABEL; OUT=/tmp/prof/st-$LABEL; rm -rf $OUT; mkdir -p $OUT/data
psql -q "postgresql://cc:cc@127.0.0.1/postgres" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
CONN="Host=127.0.0.1;Port=5432;Username=cc;Password=cc;Database=$DB"
KEY=benchkey-0123456789abcdef0123456789abcdef
cd $BIN
ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres ConnectionStrings__Default="$CONN" ContactCenter__DataDirectory=$OUT/data ContactCenter__SeedDemoData=false ContactCenter__Bootstrap__AdminApiKey=$KEY dotnet ContactCenter.Host.dll --urls=http://127.0.0.1:5199/ > $OUT/host.log 2>&1 &
HOST=$!
cd /work/main
for i in $(seq 1 180); do curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:5199/health/ready | grep -q 200 && break; sleep 1; done
LG="dotnet bench/ContactCenter.LoadGenerator/bin/Release/net10.0/ContactCenter.LoadGenerator.dll --url http://127.0.0.1:5199/ --api-key $KEY --provider postgres --postgres $CONN --phones 100000 --skip-baseline --duplicates 0 --settle-timeout 600s --poll-interval 1000ms"
$LG --duration 5s --results-dir $OUT/warm > $OUT/warm.txt 2>&1
processed() { psql -At "postgresql://cc:cc@127.0.0.1/$DB" -c "select count(*) from \"Channels_Inbox\" where \"Status\"='Processed'"; }
P0=$(processed)
su postgres -c "psql -q -c \"ALTER DATABASE $DB SET log_min_duration_statement = 0\""
LOGSTART=$(wc -l < /var/log/postgresql/postgresql-15-main.log)
# new sessions pick the setting up: clear the host's pool
psql -q "postgresql://cc:cc@127.0.0.1/postgres" -c "select pg_terminate_backend(pid) from pg_stat_activity where datname='$DB' and pid<>pg_backend_pid()" > /dev/null
sleep 2
$LG --duration 5s --results-dir $OUT/measured > $OUT/measured.txt 2>&1 &
LGP=$!
until grep -q "Checking every message" $OUT/measured.txt || ! kill -0 $LGP 2>/dev/null; do sleep 0.2; done
P1=$(processed)
LOGEND=$(wc -l < /var/log/postgresql/postgresql-15-main.log)
wait $LGP; kill $HOST; wait $HOST
sed -n "$((LOGSTART+1)),${LOGEND}p" /var/log/postgresql/postgresql-15-main.log | grep "@$DB " > $OUT/pg.log
echo "rows: $((P1-P0))" > $OUT/summary.txt
python3 "$(dirname "$0")/statements-per-row.py" $OUT/pg.log $((P1-P0)) >> $OUT/summary.txt
psql -q "postgresql://cc:cc@127.0.0.1/postgres" -c "DROP DATABASE IF EXISTS $DB"
cat $OUT/summary.txt
