#!/usr/bin/env bash
# The fleet view at scale, on PostgreSQL (run by hand; figures go in docs/fleet.md, not a test):
#   1. JOBS failed jobs (default 10,000) in a PostgreSQL jobs table, their logs on disk (scripts/fleet/make_jobs.py:
#      a training preamble + a real corpus failure each);
#   2. `serve` (Release) started on them: the indexer back-fills every job with no request -> wall time, jobs/s and
#      log bytes/s (the store's own clock: first to last indexed_at), with Fleet:Concurrency as given (default: the
#      service's own default, half the cores);
#   3. GET /api/training/failures, sequential on one connection (scripts/fleet/latency.py), after a warm-up: as an admin
#      (every job), as an owner (a twentieth of them), filtered by category and by host, a signature's page -> p50/p99.
#      Every request is answered from the store: the page memo is off (Fleet:ListCacheSeconds=0) unless CACHE_SECONDS
#      is given, so the figures are those of uncached pages.
#
#   scripts/fleet/bench.sh                 # starts a throw-away PostgreSQL on 127.0.0.1:55439 (as root: needs the
#                                          # postgres user and /usr/lib/postgresql/*/bin), or uses $ERRORTRACE_BENCH_POSTGRES
#   JOBS=2000 CONCURRENCY=2 scripts/fleet/bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

JOBS=${JOBS:-10000}
CONCURRENCY=${CONCURRENCY:-0}
CACHE_SECONDS=${CACHE_SECONDS:-0}
REQUESTS=${REQUESTS:-2000}
PORT=${PORT:-5098}
WORK=${WORK:-/tmp/et-fleet-bench}
URL="http://127.0.0.1:$PORT"
TOKEN="fleet-bench-admin-$(date +%s)"
OWNER_TOKEN="fleet-bench-user07-$(date +%s)"
rm -rf "$WORK/logs" "$WORK/data"
mkdir -p "$WORK"

pgdir=""
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  if [ -n "$pgdir" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
  fi
}
trap cleanup EXIT

PG=${ERRORTRACE_BENCH_POSTGRES:-}
if [ -z "$PG" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pgdir=$(mktemp -d /tmp/et-fleet-pg.XXXXXX)
  chown postgres "$pgdir"
  runuser -u postgres -- "$PGBIN/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p 55439 -k $pgdir -c fsync=off" start >/dev/null
  PG="Host=127.0.0.1;Port=55439;Username=postgres;Database=postgres"
fi
PSQL=(psql -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -p "$(echo "$PG" | sed -n 's/.*Port=\([0-9]*\).*/\1/p')" -U postgres -d postgres)

echo "== $JOBS failed jobs"
python3 scripts/fleet/make_jobs.py --jobs "$JOBS" --logs "$WORK/logs" --csv "$WORK/jobs.csv"
bytes=$(du -sb "$WORK/logs" | cut -f1)
"${PSQL[@]}" <<SQL
DROP SCHEMA IF EXISTS bench CASCADE; DROP SCHEMA IF EXISTS bench_store CASCADE;
CREATE SCHEMA bench;
CREATE TABLE bench.training_jobs (id TEXT PRIMARY KEY, status TEXT NOT NULL, error_message TEXT, owner TEXT, log_path TEXT,
  created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ, host TEXT);
\copy bench.training_jobs (id, status, error_message, owner, created_at, updated_at, host) FROM '$WORK/jobs.csv' WITH (FORMAT csv)
CREATE INDEX ON bench.training_jobs (updated_at);
SQL

echo "== build (Release)"
dotnet build src/ErrorTrace.Server -c Release --artifacts-path "$WORK/build" 2>&1 | tail -n 1
SERVER="$WORK/build/bin/ErrorTrace.Server/release/ErrorTrace.Server.dll"
hash() { printf %s "$1" | sha256sum | cut -d' ' -f1; }

echo "== serve: back-fill"
start=$(date +%s.%N)
ERRORTRACE_Database__ConnectionString="$PG" ERRORTRACE_Jobs__Table=bench.training_jobs ERRORTRACE_Jobs__Columns__Host=host \
ERRORTRACE_Store__Schema=bench_store ERRORTRACE_Paths__DataDir="$WORK/data" ERRORTRACE_Paths__LogsDir="$WORK/logs" \
ERRORTRACE_Fleet__Concurrency="$CONCURRENCY" ERRORTRACE_Fleet__PollSeconds=1 ERRORTRACE_Fleet__ListCacheSeconds="$CACHE_SECONDS" \
ERRORTRACE_Auth__Tokens__0__Name=admin ERRORTRACE_Auth__Tokens__0__Sha256="$(hash "$TOKEN")" ERRORTRACE_Auth__Tokens__0__Admin=true \
ERRORTRACE_Auth__Tokens__1__Name=user07 ERRORTRACE_Auth__Tokens__1__Sha256="$(hash "$OWNER_TOKEN")" ERRORTRACE_Auth__Tokens__1__Owner=user07 \
  dotnet "$SERVER" --urls "$URL" >"$WORK/server.log" 2>&1 &
server=$!
indexed=0
while [ "$indexed" -lt "$JOBS" ]; do
  sleep 1
  indexed=$("${PSQL[@]}" -tAc "SELECT COUNT(*) FROM bench_store.fleet_jobs WHERE state = 'indexed'" 2>/dev/null || echo 0)
  kill -0 "$server" 2>/dev/null || { tail -n 30 "$WORK/server.log"; exit 1; }
done
wall=$(echo "$(date +%s.%N) - $start" | bc)
read -r first last < <("${PSQL[@]}" -tAc "SELECT MIN(indexed_at), MAX(indexed_at) FROM bench_store.fleet_jobs" | tr '|' ' ')
span=$(echo "scale=3; ($last - $first) / 1000" | bc)
echo "   $JOBS jobs, $bytes bytes of logs: all indexed ${wall}s after start; first to last indexed ${span}s"
echo "   indexing: $(echo "scale=1; $JOBS / $span" | bc) jobs/s, $(echo "scale=1; $bytes / $span / 1048576" | bc) MiB/s"
"${PSQL[@]}" -tAc "SELECT COUNT(DISTINCT signature) || ' signatures, max attempts ' || MAX(attempts) FROM bench_store.fleet_jobs"

echo "== GET /api/training/failures ($REQUESTS sequential requests after a warm-up; page memo ${CACHE_SECONDS}s)"
echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
sig=$(curl -s -H "Authorization: Bearer $TOKEN" "$URL/api/training/failures?page_size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["signatures"][0]["signature"])')
for case in "admin, all jobs|$TOKEN|/api/training/failures" \
            "owner user07|$OWNER_TOKEN|/api/training/failures" \
            "admin, since=7d&category=timeout|$TOKEN|/api/training/failures?since=7d&category=timeout" \
            "admin, host=gpu-001|$TOKEN|/api/training/failures?host=gpu-001" \
            "admin, the largest signature's page (100 jobs)|$TOKEN|/api/training/failures/$sig"; do
  IFS='|' read -r name token path <<<"$case"
  printf '   %-48s ' "$name:"
  python3 scripts/fleet/latency.py "$URL$path" "$token" "$REQUESTS"
done
echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"
