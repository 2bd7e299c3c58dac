#!/usr/bin/env bash
# Load and incremental-analysis measurements of `errortrace serve`, on 127.0.0.1 only. Bounded: three wrk runs
# (WARMUP, DURATION, DURATION seconds) and a handful of curl requests; the server is stopped on exit.
#
#   scripts/load/run.sh [LOG_1GIB]     # default: generates /tmp/et-load/big.log with scripts/bench/generate_log.py
#
# Measures (figures go in docs/service.md):
#   1. a cached report under wrk: 64 connections, 2 threads, after a WARMUP-second unmeasured run -> requests/s and
#      p99 latency; then the same with Accept-Encoding: gzip, as a browser asks;
#   2. the time to answer for a 1 GiB running job's log: a full analysis (first request), then after a 1 MiB append
#      (only the new bytes are parsed).
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-5099}
DURATION=${DURATION:-15}
# Tiered JIT and dynamic PGO recompile the hot path during the first seconds under load: a measurement that includes
# them reports the JIT, not the service. WARMUP seconds of the same load run first and are not counted.
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-64}
WORK=${WORK:-/tmp/et-load}
URL="http://127.0.0.1:$PORT"
TOKEN="load-test-token-$(date +%s)"

command -v wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
mkdir -p "$WORK/logs"

echo "== build (Release)"
dotnet build src/ErrorTrace.Cli -c Release --artifacts-path "$WORK/build" 2>&1 | tail -n 1
CLI="$WORK/build/bin/ErrorTrace.Cli/release/errortrace.dll"

BIG=${1:-$WORK/big-source.log}
if [ ! -f "$BIG" ]; then
  echo "== generating a realistic 1 GiB log"
  python3 scripts/bench/generate_log.py --size 1G --out "$BIG"
fi
cp "$BIG" "$WORK/logs/job_big.log"
python3 scripts/bench/generate_log.py --size 16M --out "$WORK/logs/job_cached.log" >/dev/null

echo "== jobs database"
rm -f "$WORK/jobs.db"
python3 - "$WORK/jobs.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TABLE training_jobs (id TEXT PRIMARY KEY, status TEXT, error_message TEXT, owner TEXT, log_path TEXT, created_at TEXT, updated_at TEXT)")
db.execute("INSERT INTO training_jobs VALUES ('cached', 'failed', 'Training process exited with code 1', 'load', NULL, '2025-12-10 00:00:00', '2025-12-10 01:00:00')")
db.execute("INSERT INTO training_jobs VALUES ('big', 'running', NULL, 'load', NULL, '2025-12-10 02:00:00', '2025-12-10 02:00:00')")
db.commit()
PY

echo "== start the service on $URL"
ERRORTRACE_Auth__Tokens__0__Sha256=$(printf %s "$TOKEN" | sha256sum | cut -d' ' -f1) \
ERRORTRACE_Auth__Tokens__0__Admin=true \
ERRORTRACE_Logging__LogLevel__Default=Warning \
  dotnet "$CLI" serve --urls "$URL" --db "Data Source=$WORK/jobs.db" --logs-dir "$WORK/logs" --data-dir "$WORK/data" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "$URL/healthz" >/dev/null && break; sleep 0.2; done

auth=(-H "Authorization: Bearer $TOKEN")
echo "== cached report: wrk -t2 -c$CONNECTIONS -d${DURATION}s"
curl -sf "${auth[@]}" "$URL/api/training/cached/errors" -o /dev/null
# Scrape once first, as Prometheus would: prometheus-net starts its meter adapter at the first scrape, and what it
# listens to then costs on every request (see docs/service.md, Metrics).
curl -sf "$URL/metrics" -o /dev/null
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $TOKEN" "$URL/api/training/cached/errors" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$URL/api/training/cached/errors" | tee "$WORK/wrk.txt"

# A browser (the panel) and most HTTP libraries send Accept-Encoding: the same report, gzip-compressed once.
echo "== cached report as a browser asks for it (Accept-Encoding: gzip): wrk -t2 -c$CONNECTIONS -d${DURATION}s"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" -H "Accept-Encoding: gzip, deflate, br" \
  "$URL/api/training/cached/errors" | tee "$WORK/wrk-gzip.txt"

echo "== 1 GiB running log: full analysis, then a 1 MiB append"
full=$(curl -sf "${auth[@]}" -o /dev/null -w '%{time_total}' "$URL/api/training/big/errors?scan=true")
again=$(curl -sf "${auth[@]}" -o /dev/null -w '%{time_total}' "$URL/api/training/big/errors?scan=true")
head -c 1048576 "$BIG" >> "$WORK/logs/job_big.log"
append=$(curl -sf "${auth[@]}" -o /dev/null -w '%{time_total}' "$URL/api/training/big/errors?scan=true")
echo "full analysis (1 GiB):       ${full} s"
echo "unchanged (cached):          ${again} s"
echo "after a 1 MiB append:        ${append} s"
python3 -c "print(f'append / full:               {100*$append/$full:.3f} %')"
curl -s "$URL/metrics" | grep -E '^errortrace_(cache|bytes)' || true
