#!/usr/bin/env bash
# Cold job list: 100 failed jobs whose logs nobody has read yet, then GET /api/training/jobs?page_size=100 once and
# print how long the answer took and how many jobs were still pending (issue 13: <= 2 s). Then polls until every count
# is in, and prints how long the whole page took to be counted. Runs the server the way the README does,
# `./errortrace serve` (the Release build, built first when a source changed), unless ERRORTRACE_DLL names another
# build (e.g. artifacts/bin/ErrorTrace.Cli/debug/errortrace.dll). Prints the load average next to each figure: on a
# shared machine the wall clock means little without it. Needs curl and python3 (to write the SQLite jobs table).
# BUSY=1 keeps one core busy with a shell loop while it measures (the "other core busy" case on a quiet machine).
#   scripts/load/joblist-cold.sh [JOBS=100] [LINES_PER_LOG=20000]
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs=${1:-100}
lines=${2:-20000}
serve=(./errortrace)
[ -n "${ERRORTRACE_DLL:-}" ] && serve=(dotnet "$ERRORTRACE_DLL")
port=${PORT:-5931}
dir=$(mktemp -d /tmp/et-joblist.XXXXXX)
busy=""
trap 'kill "$server" $busy 2>/dev/null || true; rm -rf "$dir"' EXIT
mkdir -p "$dir/logs"

python3 - "$dir" "$jobs" "$lines" <<'PY'
import sqlite3, sys, random
d, jobs, lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()
db = sqlite3.connect(f"{d}/jobs.db")
db.execute("CREATE TABLE training_jobs (id TEXT PRIMARY KEY, status TEXT, error_message TEXT, owner TEXT, log_path TEXT, created_at TEXT, updated_at TEXT)")
for j in range(jobs):
    rnd = random.Random(j)
    with open(f"{d}/logs/job_cold{j}.log", "w") as f:
        for i in range(lines):
            if i % 50 == 0:
                f.write(f"[2025-12-10 03:58:22] [trainer] [ERROR] [Train] shard {' '.join(rnd.choice(words) for _ in range(4))} failed\n")
            else:
                f.write(f"[2025-12-10 03:58:22] [trainer] [INFO] [Train] step {i} | loss 1.{i % 1000:03d}\n")
        f.write("Traceback (most recent call last):\n  File \"/home/u/train.py\", line 1, in main\n    step()\nRuntimeError: CUDA error: an illegal memory access was encountered\n")
    db.execute("INSERT INTO training_jobs VALUES (?, 'failed', 'exit 1', 'alice', NULL, ?, ?)", (f"cold{j}", f"2025-12-10T{j // 60:02d}:{j % 60:02d}:00Z", f"2025-12-10T{j // 60:02d}:{j % 60:02d}:00Z"))
db.commit()
PY
token=cold-list-token-0123456789
hash=$(printf %s "$token" | sha256sum | cut -d' ' -f1)
"${serve[@]}" serve --urls "http://127.0.0.1:$port" --data-dir "$dir/data" --logs-dir "$dir/logs" --db "Data Source=$dir/jobs.db" \
  --Demo:Enabled=false --Auth:Tokens:0:Name=bench --Auth:Tokens:0:Sha256="$hash" --Auth:Tokens:0:Admin=true >"$dir/server.log" 2>&1 &
server=$!
load() { cut -d' ' -f1-3 /proc/loadavg; }
# Until it answers (./errortrace may build first: minutes on a fresh clone), or until it has exited.
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do
  kill -0 "$server" 2>/dev/null || { cat "$dir/server.log"; exit 1; }
  sleep 0.2
done
if [ "${BUSY:-0}" = "1" ]; then
  bash -c 'while :; do :; done' &
  busy=$!
fi
echo "logs: $jobs x $(du -sh "$dir/logs" | cut -f1) total, $lines lines each; server: ${serve[*]}; busy loop: ${BUSY:-0}; load average before: $(load)"
start=$(date +%s.%N)
out=$(curl -s -w '\n%{time_total}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/training/jobs?page_size=100")
echo "cold page of $jobs: $(echo "$out" | tail -n 1) s, pending: $(echo "$out" | head -n 1 | grep -o '"analysis_pending":true' | wc -l) (load average $(load))"
while echo "$out" | head -n 1 | grep -q '"analysis_pending":true'; do
  sleep 0.2
  out=$(curl -s -w '\n%{time_total}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/training/jobs?page_size=100")
done
every=$(echo "$(date +%s.%N) - $start" | bc)
# The last poll may itself have waited for the last parses: the warm page is one more request after every count is in.
warm=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/training/jobs?page_size=100")
echo "every count in after $every s; warm page: $warm s (load average $(load))"
