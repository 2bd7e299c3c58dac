#!/usr/bin/env bash
# Smoke test of a published errortrace (the Native AOT binary) against the JIT build of the same source.
#
#   scripts/smoke-published.sh [PUBLISHED_DIR]
#
# PUBLISHED_DIR holds the published `errortrace`; without it the CLI is published (dotnet publish -c Release) to a temp
# dir first. The JIT reference is JIT_DLL (an errortrace.dll, e.g. artifacts/bin/ErrorTrace.Cli/debug/errortrace.dll
# after scripts/test.sh's build), else a Release build made here in a temp dir.
#
# analyze: a few real logs of the test corpus, every format, stdin, gzip, --rules, a missing file: the binary's output
#   and exit code must equal the JIT build's.
# serve: both servers on one demo data dir (seeded by the published binary), each on a port of its own (port 0), with
#   CORS, a configured API token and a JWT signing key; every request below must answer the expected status, and the
#   same headers and body from both (trace ids aside), plus checks on key fields. The fleet view: both servers index the
#   demo's failed jobs into one store (replicas of each other) with no request; once every failed job is in it, the
#   failures list (admin, owner, filters, a bad query), a signature, a job's failure and the /failures page are
#   requested from both. With ERRORTRACE_TEST_POSTGRES set (scripts/test.sh sets it) the demo jobs are copied to a
#   PostgreSQL table (the store in a schema of its own) and both serve it too; its failures list must equal SQLite's.
#
# Prints "N passed, N failed" last; exits non-zero on any failure. Stops its servers and removes its files on exit.
set -uo pipefail
# Paths given relative to the caller's directory, resolved before moving to the repository root.
published=${1:+$(realpath -m "$1")}
jit_dll=${JIT_DLL:+$(realpath -m "$JIT_DLL")}
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d /tmp/et-smoke.XXXXXX)
server_pids=()
pg_schema=""
cleanup() {
  for pid in "${server_pids[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  [ -n "$pg_schema" ] && psql_run -c "DROP SCHEMA IF EXISTS $pg_schema CASCADE; DROP SCHEMA IF EXISTS ${pg_schema}_store CASCADE" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
# check NAME COMMAND...: one check, passed when COMMAND succeeds.
check() {
  local name=$1
  shift
  if "$@" >/dev/null 2>&1; then pass; else fail "$name"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
  exit $?
}

# --- the two programs --------------------------------------------------------------------------------------------
if [ -z "$published" ]; then
  echo "== publish src/ErrorTrace.Cli (Release) to a temp dir"
  if ! dotnet publish src/ErrorTrace.Cli -c Release -o "$work/published" --artifacts-path "$work/artifacts" >"$work/publish.log" 2>&1; then
    grep -E "error|warning" "$work/publish.log" | sort -u | head -n 30
    fail "dotnet publish"
    finish
  fi
  published=$work/published
fi
aot=$published/errortrace
if [ ! -x "$aot" ]; then
  fail "no executable errortrace in $published"
  finish
fi

if [ -z "$jit_dll" ]; then
  echo "== build the JIT reference (Release) in a temp dir"
  if ! dotnet build src/ErrorTrace.Cli -c Release --artifacts-path "$work/jit-artifacts" >"$work/jit-build.log" 2>&1; then
    grep -E "error" "$work/jit-build.log" | sort -u | head -n 30
    fail "dotnet build (JIT reference)"
    finish
  fi
  jit_dll=$work/jit-artifacts/bin/ErrorTrace.Cli/release/errortrace.dll
fi
echo "   published: $aot"
echo "   JIT:       dotnet $jit_dll"

# --- analyze -----------------------------------------------------------------------------------------------------
echo "== analyze"
corpus=tests/ErrorTrace.Core.Tests/Corpus/real
rules=src/ErrorTrace.Core/Classification/rules.json
gzip -c "$corpus/yolov7-63-nccl-unhandled-cuda-abort.log" >"$work/job_gz.log.gz"
# compare_analyze NAME [< FILE] ARGS...: stdout, stderr and exit code of both programs must match (and a report that
# succeeded must not be empty). Sets $code to the published binary's exit code.
compare_analyze() {
  local name=$1 input=/dev/null j
  shift
  if [ "$1" = "<" ]; then
    input=$2
    shift 2
  fi
  "$aot" analyze "$@" <"$input" >"$work/a.out" 2>"$work/a.err"
  code=$?
  dotnet "$jit_dll" analyze "$@" <"$input" >"$work/j.out" 2>"$work/j.err"
  j=$?
  if [ "$code" -eq "$j" ] && cmp -s "$work/a.out" "$work/j.out" && cmp -s "$work/a.err" "$work/j.err" &&
    { [ "$code" -ne 0 ] || [ -s "$work/a.out" ]; }; then
    pass
  else
    fail "analyze $name (exit $code vs $j; JIT < > published)"
    diff "$work/j.out" "$work/a.out" | head -n 10
    diff "$work/j.err" "$work/a.err" | head -n 5
  fi
}
for log in yolov7-63-nccl-unhandled-cuda-abort ml-inrflow-1-hydra-override-compact-error transformers-18269-importerror-trainingarguments; do
  compare_analyze "$log json" "$corpus/$log.log" --format json
  compare_analyze "$log markdown" "$corpus/$log.log" --format markdown
  compare_analyze "$log text" "$corpus/$log.log" --format text --no-color
done
compare_analyze "stdin" "<" "$corpus/disc-3-nameerror-is-training.log" - --format json --job-id stdin-job
compare_analyze "gzip" "$work/job_gz.log.gz" --format json
compare_analyze "several files" "$corpus/disc-3-nameerror-is-training.log" "$corpus/yolov3-725-segfault-glued-bar.log" --format json
compare_analyze "--rules, --status, --summary, --timezone" "$corpus/disc-3-nameerror-is-training.log" --format json --rules "$rules" \
  --status failed --summary "exited with code 1" --timezone Europe/Berlin
compare_analyze "missing file" "$work/no-such.log" --format json
check "analyze of a missing file exits 3 (got $code)" test "$code" -eq 3
compare_analyze "bad --rules" "$corpus/disc-3-nameerror-is-training.log" --rules "$work/job_gz.log.gz"
check "analyze with a bad --rules file exits 5 (got $code)" test "$code" -eq 5
"$aot" analyze "$corpus/yolov7-63-nccl-unhandled-cuda-abort.log" --format json >"$work/report.json"
check "analyze json is a report" python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["errors"] and r["status"]' "$work/report.json"

# --- serve -------------------------------------------------------------------------------------------------------
data=$work/data
signing_key=smoke-test-signing-key-of-at-least-32-bytes
bob_token=et_smoke_bob_0123456789abcdef
bob_hash=$(printf %s "$bob_token" | sha256sum | cut -d' ' -f1)
# jwt CLAIMS_JSON: an HS256 token signed with the servers' key, valid for an hour.
jwt() {
  python3 - "$signing_key" "$1" <<'EOF'
import base64, hashlib, hmac, json, sys, time
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
claims = dict(json.loads(sys.argv[2]), exp=int(time.time()) + 3600)
signed = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()) + "." + b64(json.dumps(claims).encode())
print(signed + "." + b64(hmac.new(sys.argv[1].encode(), signed.encode(), hashlib.sha256).digest()))
EOF
}
jwt_alice=$(jwt '{"sub":"alice"}')
jwt_admin=$(jwt '{"sub":"ops","scope":"openid errortrace:admin"}')

# start_server NAME COMMAND...: starts `COMMAND serve ...` on a free port; sets $url, or fails.
start_server() {
  local name=$1
  shift
  "$@" serve --urls http://127.0.0.1:0 --data-dir "$data" --Cors:Origins:0=https://dash.example \
    --Auth:Jwt:SigningKey="$signing_key" --Auth:Tokens:0:Name=smoke-bob --Auth:Tokens:0:Sha256="$bob_hash" \
    --Auth:Tokens:0:Owner=bob "${extra_args[@]}" >"$work/$name.log" 2>&1 &
  server_pids+=($!)
  url=""
  for _ in $(seq 1 300); do
    url=$(grep -oE 'listening on (http://127\.0\.0\.1:[0-9]+)' "$work/$name.log" | head -n 1 | cut -d' ' -f3)
    [ -n "$url" ] && return 0
    kill -0 "$!" 2>/dev/null || break
    sleep 0.2
  done
  fail "serve ($name) did not start"
  tail -n 20 "$work/$name.log"
  return 1
}

# fetch DIR NAME CURL_ARGS...: status, selected headers (lower-cased, sorted) and body of one request.
fetch() {
  local dir=$1 name=$2
  shift 2
  mkdir -p "$dir"
  curl -s --max-time 30 -o "$dir/$name.body" -D "$dir/$name.raw" -w '%{http_code}' "$@" >"$dir/$name.status"
  touch "$dir/$name.body" # curl writes no file for an empty body (304)
  tr -d '\r' <"$dir/$name.raw" | grep -iE '^(content-type|content-encoding|www-authenticate|etag|cache-control|vary|access-control-[a-z-]+|content-security-policy|x-content-type-options):' |
    sed -E 's/^([^:]*)/\L\1/' | sort >"$dir/$name.headers"
}

# requests DIR BASE: every request of the comparison, in a fixed order (metrics last, to see the others' series).
requests() {
  local d=$1 b=$2 admin alice
  admin=$(awk '$1 == "admin" { print $2 }' "$data/demo-tokens.txt")
  alice=$(awk '$1 == "alice" { print $2 }' "$data/demo-tokens.txt")
  fetch "$d" healthz "$b/healthz"
  fetch "$d" readyz "$b/readyz"
  fetch "$d" openapi "$b/openapi/v1.json"
  fetch "$d" page "$b/"
  fetch "$d" page_job "$b/jobs/demo-cuda-oom"
  fetch "$d" panel_js "$b/panel/error-trace-panel.js"
  fetch "$d" panel_gzip -H "Accept-Encoding: gzip" "$b/panel/error-trace-app.js"
  fetch "$d" panel_css "$b/panel/pages.css"
  fetch "$d" panel_missing "$b/panel/nope.js"
  fetch "$d" jobs -H "Authorization: Bearer $admin" "$b/api/training/jobs"
  fetch "$d" jobs_failed -H "Authorization: Bearer $admin" "$b/api/training/jobs?status=failed"
  fetch "$d" jobs_page2 -H "Authorization: Bearer $admin" "$b/api/training/jobs?page=2&page_size=3"
  fetch "$d" jobs_alice -H "Authorization: Bearer $alice" "$b/api/training/jobs"
  fetch "$d" jobs_bob_token -H "Authorization: Bearer $bob_token" "$b/api/training/jobs"
  fetch "$d" jobs_jwt_alice -H "Authorization: Bearer $jwt_alice" "$b/api/training/jobs"
  fetch "$d" jobs_jwt_admin -H "Authorization: Bearer $jwt_admin" "$b/api/training/jobs"
  fetch "$d" jobs_bad_status -H "Authorization: Bearer $admin" "$b/api/training/jobs?status=bogus"
  fetch "$d" jobs_bad_size -H "Authorization: Bearer $admin" "$b/api/training/jobs?page_size=500"
  for id in "${job_ids[@]}"; do
    fetch "$d" "errors_$id" -H "Authorization: Bearer $admin" "$b/api/training/$id/errors"
    fetch "$d" "errors_scan_$id" -H "Authorization: Bearer $admin" "$b/api/training/$id/errors?scan=true"
    fetch "$d" "errors_gzip_$id" -H "Authorization: Bearer $admin" -H "Accept-Encoding: gzip" "$b/api/training/$id/errors"
  done
  local etag
  etag=$(grep -i '^etag:' "$d/errors_demo-cuda-oom.headers" | cut -d' ' -f2-)
  fetch "$d" not_modified -H "Authorization: Bearer $admin" -H "If-None-Match: $etag" "$b/api/training/demo-cuda-oom/errors"
  fetch "$d" no_token "$b/api/training/demo-cuda-oom/errors"
  fetch "$d" bad_token -H "Authorization: Bearer et_not_a_token" "$b/api/training/demo-cuda-oom/errors"
  fetch "$d" bad_jwt -H "Authorization: Bearer ${jwt_alice%?}x" "$b/api/training/demo-cuda-oom/errors"
  fetch "$d" unknown_job -H "Authorization: Bearer $admin" "$b/api/training/no-such-job/errors"
  fetch "$d" bad_job_id -H "Authorization: Bearer $admin" "$b/api/training/bad%21id/errors"
  fetch "$d" other_owner -H "Authorization: Bearer $alice" "$b/api/training/demo-host-oom/errors"
  fetch "$d" other_owner_jwt -H "Authorization: Bearer $jwt_alice" "$b/api/training/demo-host-oom/errors"
  fetch "$d" no_route "$b/no/such/route"
  fetch "$d" wrong_method -X POST "$b/healthz"
  fetch "$d" cors_preflight -X OPTIONS -H "Origin: https://dash.example" -H "Access-Control-Request-Method: GET" \
    -H "Access-Control-Request-Headers: authorization" "$b/api/training/jobs"
  fetch "$d" cors_get -H "Origin: https://dash.example" -H "Authorization: Bearer $admin" "$b/api/training/jobs"
  fetch "$d" cors_other_origin -H "Origin: https://elsewhere.example" -H "Authorization: Bearer $admin" "$b/api/training/jobs"
  fetch "$d" failures -H "Authorization: Bearer $admin" "$b/api/training/failures"
  fetch "$d" failures_alice -H "Authorization: Bearer $alice" "$b/api/training/failures"
  fetch "$d" failures_oom -H "Authorization: Bearer $admin" "$b/api/training/failures?category=oom_training&since=30d"
  fetch "$d" failures_host -H "Authorization: Bearer $admin" "$b/api/training/failures?host=node-4"
  fetch "$d" failures_page2 -H "Authorization: Bearer $admin" "$b/api/training/failures?page=2&page_size=2"
  fetch "$d" failures_bad -H "Authorization: Bearer $admin" "$b/api/training/failures?since=yesterday"
  fetch "$d" failures_no_token "$b/api/training/failures"
  local top
  top=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["signatures"][0]["signature"])' "$d/failures.body" 2>/dev/null)
  fetch "$d" failure_detail -H "Authorization: Bearer $admin" "$b/api/training/failures/$top"
  fetch "$d" failure_unknown -H "Authorization: Bearer $admin" "$b/api/training/failures/oom_training-0123456789abcdef"
  fetch "$d" job_failure -H "Authorization: Bearer $admin" "$b/api/training/jobs/demo-cuda-oom/failure"
  fetch "$d" job_failure_other -H "Authorization: Bearer $alice" "$b/api/training/jobs/demo-host-oom/failure"
  fetch "$d" page_failures "$b/failures"
  fetch "$d" metrics "$b/metrics"
}

# indexed BASE...: waits (up to a minute) until each server's failures list holds every failed demo job — the indexer
# runs with no request; the list is then the same whichever replica answers.
indexed() {
  local b admin n
  admin=$(awk '$1 == "admin" { print $2 }' "$data/demo-tokens.txt")
  for b in "$@"; do
    n=0
    for _ in $(seq 1 300); do
      n=$(curl -s --max-time 10 -H "Authorization: Bearer $admin" "$b/api/training/failures" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["job_count"])' 2>/dev/null)
      [ "${n:-0}" -eq "$demo_failed" ] && break
      sleep 0.2
    done
    check "$b: the indexer stored all $demo_failed failed demo jobs (got ${n:-none})" test "${n:-0}" -eq "$demo_failed"
  done
}

# expect DIR NAME STATUS: the request answered STATUS.
expect() { check "$1: $2 answers $3 (got $(cat "$1/$2.status" 2>/dev/null))" test "$(cat "$1/$2.status" 2>/dev/null)" = "$3"; }
# json DIR NAME PYTHON_EXPR: a check on the JSON body `r` (and the header text `h`).
json() {
  check "$1: $2: $3" python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); h=open(sys.argv[2]).read(); assert eval(sys.argv[3])' \
    "$1/$2.body" "$1/$2.headers" "$3"
}
has_header() { check "$1: $2 has header '$3'" grep -qiF -- "$3" "$1/$2.headers"; }
lacks_header() { check "$1: $2 has no header '$3'" bash -c '! grep -qiF -- "$1" "$2"' _ "$3" "$1/$2.headers"; }
body_has() { check "$1: $2 contains '$3'" grep -qF -- "$3" "$1/$2.body"; }
gunzipped_equals() { check "$1: $2 is gzip of $3" bash -c 'gzip -dc "$1" | cmp -s - "$2"' _ "$1/$2.body" "$1/$3.body"; }

# expectations DIR: statuses and key fields, whatever the other program says.
expectations() {
  local d=$1 id
  expect "$d" healthz 200 && json "$d" healthz 'r == {"status": "ok"}'
  expect "$d" readyz 200 && json "$d" readyz 'r == {"status": "ready"}'
  expect "$d" openapi 200 && json "$d" openapi '"/api/training/{job_id}/errors" in r["paths"] and "/api/training/jobs" in r["paths"]'
  expect "$d" page 200 && has_header "$d" page "content-security-policy:" && body_has "$d" page "<script"
  expect "$d" page_job 200
  expect "$d" panel_js 200 && has_header "$d" panel_js "content-type: text/javascript"
  expect "$d" panel_gzip 200 && has_header "$d" panel_gzip "content-encoding: gzip"
  expect "$d" panel_css 200 && has_header "$d" panel_css "content-type: text/css"
  expect "$d" panel_missing 404
  expect "$d" jobs 200 && json "$d" jobs "r['total'] == $demo_total and len(r['jobs']) == min($demo_total, 20)"
  expect "$d" jobs_failed 200 && json "$d" jobs_failed "r['total'] == $demo_failed and all(j['status'] == 'failed' and j['error_count'] for j in r['jobs'])"
  expect "$d" jobs_page2 200 && json "$d" jobs_page2 'r["page"] == 2 and r["page_size"] == 3 and len(r["jobs"]) == 3'
  expect "$d" jobs_alice 200 && json "$d" jobs_alice 'r["jobs"] and all(j["owner"] == "alice" for j in r["jobs"])'
  expect "$d" jobs_bob_token 200 && json "$d" jobs_bob_token 'r["jobs"] and all(j["owner"] == "bob" for j in r["jobs"])'
  expect "$d" jobs_jwt_alice 200 && json "$d" jobs_jwt_alice 'r["jobs"] and all(j["owner"] == "alice" for j in r["jobs"])'
  expect "$d" jobs_jwt_admin 200 && json "$d" jobs_jwt_admin "r['total'] == $demo_total"
  expect "$d" jobs_bad_status 400 && json "$d" jobs_bad_status 'r["title"] == "Invalid query" and "application/problem+json" in h'
  expect "$d" jobs_bad_size 400
  for id in "${job_ids[@]}"; do
    expect "$d" "errors_$id" 200 && json "$d" "errors_$id" "r['job_id'] == '$id' and 'etag:' in h"
    expect "$d" "errors_scan_$id" 200
    expect "$d" "errors_gzip_$id" 200
    # Reports under 1 KiB (no failure found) are sent as they are; larger ones gzip-compressed.
    if [ "$(stat -c %s "$d/errors_$id.body")" -ge 1024 ]; then
      has_header "$d" "errors_gzip_$id" "content-encoding: gzip" && gunzipped_equals "$d" "errors_gzip_$id" "errors_$id"
    else
      check "$d: errors_gzip_$id is the plain report" cmp -s "$d/errors_gzip_$id.body" "$d/errors_$id.body"
    fi
  done
  json "$d" errors_demo-cuda-oom 'r["status"] == "failed" and r["errors"]'
  expect "$d" not_modified 304
  expect "$d" no_token 401 && has_header "$d" no_token "www-authenticate: Bearer" && json "$d" no_token 'r["status"] == 401'
  expect "$d" bad_token 401
  expect "$d" bad_jwt 401
  expect "$d" unknown_job 404 && json "$d" unknown_job 'r["title"] == "Job not found" and "application/problem+json" in h'
  expect "$d" bad_job_id 400 && json "$d" bad_job_id 'r["title"] == "Invalid job id" and r["status"] == 400'
  expect "$d" other_owner 404
  expect "$d" other_owner_jwt 404
  expect "$d" no_route 404 && json "$d" no_route 'r["status"] == 404'
  expect "$d" wrong_method 405
  expect "$d" cors_preflight 204 && has_header "$d" cors_preflight "access-control-allow-origin: https://dash.example"
  expect "$d" cors_get 200 && has_header "$d" cors_get "access-control-expose-headers: ETag"
  expect "$d" cors_other_origin 200 && lacks_header "$d" cors_other_origin "access-control-allow-origin"
  expect "$d" failures 200 && json "$d" failures "r['job_count'] == $demo_failed and r['total'] == len(r['signatures']) > 1 and \
    r['signatures'][0]['job_count'] == max(s['job_count'] for s in r['signatures']) and \
    sum(s['job_count'] for s in r['signatures']) == $demo_failed and all(s['jobs'] and s['days'] for s in r['signatures'])"
  json "$d" failures "any(h['host'] == 'node-4' for h in r['suspect_hosts'])"
  expect "$d" failures_alice 200 && json "$d" failures_alice "0 < r['job_count'] < $demo_failed"
  expect "$d" failures_oom 200 && json "$d" failures_oom 'r["signatures"] and all(s["category"] == "oom_training" for s in r["signatures"])'
  expect "$d" failures_host 200 && json "$d" failures_host 'r["signatures"] and all(j["host"] == "node-4" for s in r["signatures"] for j in s["jobs"])'
  expect "$d" failures_page2 200 && json "$d" failures_page2 'r["page"] == 2 and len(r["signatures"]) == 2'
  expect "$d" failures_bad 400 && json "$d" failures_bad '"application/problem+json" in h'
  expect "$d" failures_no_token 401
  expect "$d" failure_detail 200 && json "$d" failure_detail 'len(r["jobs"]) == r["job_count"] == sum(x["job_count"] for x in r["days"])'
  expect "$d" failure_unknown 404
  expect "$d" job_failure 200 && json "$d" job_failure 'r["job_id"] == "demo-cuda-oom" and r["signature"].startswith(r["category"] + "-")'
  expect "$d" job_failure_other 404
  expect "$d" page_failures 200 && body_has "$d" page_failures "<script"
  expect "$d" metrics 200 && body_has "$d" metrics 'http_requests_received_total{code="200",method="GET"' &&
    body_has "$d" metrics "errortrace_cache_misses_total" && body_has "$d" metrics "system_runtime_dotnet_gc_collections" &&
    body_has "$d" metrics "errortrace_fleet_jobs_indexed_total"
}

# same A B: every request answered alike by both programs: status, headers, and body (trace ids and the OpenAPI
# document's server address aside; /metrics holds timings, and its series are checked by `expectations`).
same() {
  local a=$1 b=$2 file name
  for file in "$a"/*.status; do
    name=$(basename "$file" .status)
    check "same status: $name" cmp -s "$a/$name.status" "$b/$name.status"
    check "same headers: $name" cmp -s "$a/$name.headers" "$b/$name.headers"
    [ "$name" = metrics ] && continue
    if [[ $name == *gzip* ]] && grep -q "content-encoding: gzip" "$a/$name.headers"; then
      check "same body: $name" bash -c 'cmp -s <(gzip -dc "$1") <(gzip -dc "$2")' _ "$a/$name.body" "$b/$name.body"
    else
      check "same body: $name" cmp -s <(normalize "$a/$name.body") <(normalize "$b/$name.body")
    fi
  done
}
normalize() { sed -E 's/"trace_id":"[^"]*"/"trace_id":""/g; s#"url": "http://127\.0\.0\.1:[0-9]+/"#"url": ""#g' "$1"; }

echo "== serve (SQLite demo database)"
extra_args=()
job_ids=()
if start_server aot "$aot"; then
  aot_url=$url
  # The published binary seeded the demo: its jobs are the ids to ask for.
  fetch "$work/probe" jobs -H "Authorization: Bearer $(awk '$1 == "admin" { print $2 }' "$data/demo-tokens.txt")" "$aot_url/api/training/jobs"
  mapfile -t job_ids < <(python3 -c 'import json,sys; print("\n".join(j["job_id"] for j in json.load(open(sys.argv[1]))["jobs"]))' "$work/probe/jobs.body" 2>/dev/null)
  check "demo seeded 18 jobs" test "${#job_ids[@]}" -eq 18
  # The list's expected totals come from the seeded database itself, so a demo that grows needs no edit here.
  read -r demo_total demo_failed < <(python3 - "$data/errortrace.db" <<'EOF'
import sqlite3, sys
print(*sqlite3.connect(sys.argv[1]).execute("select count(*), sum(status = 'failed') from training_jobs").fetchone())
EOF
)
  if start_server jit dotnet "$jit_dll"; then
    indexed "$aot_url" "$url"
    requests "$work/sqlite-aot" "$aot_url"
    requests "$work/sqlite-jit" "$url"
    expectations "$work/sqlite-aot"
    same "$work/sqlite-aot" "$work/sqlite-jit"
  fi
fi

# --- PostgreSQL ----------------------------------------------------------------------------------------------------
psql_bin=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1)
# psql_run ARGS...: psql against ERRORTRACE_TEST_POSTGRES (an Npgsql connection string).
psql_run() {
  eval "$(python3 - "$ERRORTRACE_TEST_POSTGRES" <<'EOF'
import shlex, sys
keys = {"host": "PGHOST", "server": "PGHOST", "port": "PGPORT", "username": "PGUSER", "user id": "PGUSER",
        "userid": "PGUSER", "password": "PGPASSWORD", "database": "PGDATABASE"}
for part in sys.argv[1].split(";"):
    key, _, value = part.partition("=")
    if key.strip().lower() in keys:
        print(f"export {keys[key.strip().lower()]}={shlex.quote(value.strip())}")
EOF
)"
  "$psql_bin" -X -q -v ON_ERROR_STOP=1 "$@"
}
if [ -n "${ERRORTRACE_TEST_POSTGRES:-}" ] && [ -n "$psql_bin" ] && [ "${#job_ids[@]}" -gt 0 ]; then
  echo "== serve (PostgreSQL: the demo jobs in a timestamptz table)"
  pg_schema=et_smoke_$(date +%s)_$$
  # The demo rows as SQLite holds them, into a table whose timestamps are timestamptz (what Npgsql returns as DateTime).
  python3 - "$data/errortrace.db" "$pg_schema" >"$work/pg.sql" <<'EOF'
import sqlite3, sys
db, schema = sys.argv[1], sys.argv[2]
q = lambda v: "NULL" if v is None else "'" + str(v).replace("'", "''") + "'"
print(f"CREATE SCHEMA {schema};")
print(f"CREATE TABLE {schema}.training_jobs (id text PRIMARY KEY, status text NOT NULL, error_message text, owner text,"
      " log_path text, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);")
for row in sqlite3.connect(db).execute("SELECT id, status, error_message, owner, log_path, created_at, updated_at FROM training_jobs"):
    values = [q(v) for v in row[:5]] + [q(v) + " AT TIME ZONE 'UTC'" for v in row[5:]]
    print(f"INSERT INTO {schema}.training_jobs VALUES ({', '.join(values)});")
EOF
  if psql_run -f "$work/pg.sql" >"$work/psql.log" 2>&1; then
    pass
    extra_args=(--db "$ERRORTRACE_TEST_POSTGRES" --logs-dir "$data/logs" --Jobs:Table="$pg_schema.training_jobs"
      --Store:Schema="${pg_schema}_store")
    if start_server pg-aot "$aot"; then
      pg_aot_url=$url
      if start_server pg-jit dotnet "$jit_dll"; then
        indexed "$pg_aot_url" "$url"
        requests "$work/pg-aot" "$pg_aot_url"
        requests "$work/pg-jit" "$url"
        expectations "$work/pg-aot"
        same "$work/pg-aot" "$work/pg-jit"
        # The same jobs and logs give the same reports, whichever database holds the rows.
        for id in "${job_ids[@]}"; do
          check "PostgreSQL report = SQLite report: $id" cmp -s "$work/pg-aot/errors_$id.body" "$work/sqlite-aot/errors_$id.body"
        done
        check "PostgreSQL job list = SQLite job list" cmp -s "$work/pg-aot/jobs.body" "$work/sqlite-aot/jobs.body"
        for name in failures failures_alice failures_oom failures_host failure_detail job_failure; do
          check "PostgreSQL store = SQLite store: $name" cmp -s "$work/pg-aot/$name.body" "$work/sqlite-aot/$name.body"
        done
      fi
    fi
  else
    fail "could not create the PostgreSQL table"
    tail -n 5 "$work/psql.log"
  fi
else
  echo "   (no PostgreSQL: set ERRORTRACE_TEST_POSTGRES to check it too)"
fi

finish
