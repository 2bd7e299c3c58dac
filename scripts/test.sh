#!/usr/bin/env bash
# The README's test command: restores, builds and runs every test project, checks formatting, and ends with the
# line "N passed, N failed, N skipped". Exits non-zero when a test fails or when no test ran.
#   scripts/test.sh          the full run (CI): installs PostgreSQL, Chromium and a C toolchain with apt when missing
#                            (needs root), publishes the Native AOT CLI and smoke-tests it. Fails, never skips, when
#                            PostgreSQL or Chromium cannot be set up.
#   scripts/test.sh --fast   the edit-test loop: no apt, no AOT publish; PostgreSQL and Chromium are used when already
#                            there, and their tests are counted as skipped when not.
set -uo pipefail
cd "$(dirname "$0")/.."
fast=0
[ "${1:-}" = "--fast" ] && fast=1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== restore and build"
dotnet build errortrace.slnx -c Debug 2>&1 | tail -n 3
build=${PIPESTATUS[0]}
if [ "$build" -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== format"
format_failed=0
if [ "${SKIP_FORMAT:-0}" != "1" ]; then
  if ! dotnet format errortrace.slnx --verify-no-changes --no-restore >"$log" 2>&1; then
    cat "$log" | head -n 40
    echo "dotnet format found files to fix: run 'dotnet format errortrace.slnx'"
    format_failed=1
  fi
fi

echo "== postgresql"
# The service's repository tests run against a real PostgreSQL: install it when its binaries are absent, start a
# throw-away cluster on 127.0.0.1:55432 in a temp dir, and stop it on exit. In CI (CI=true) those tests fail, never
# skip, when ERRORTRACE_TEST_POSTGRES is missing. An already-set ERRORTRACE_TEST_POSTGRES is used as is.
pgdir=""
stop_postgres() {
  if [ -n "$pgdir" ] && [ -d "$pgdir" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
  fi
}
trap 'stop_postgres; rm -f "$log"' EXIT
setup_failed=0
if [ -z "${ERRORTRACE_TEST_POSTGRES:-}" ]; then
  if [ "$fast" -eq 0 ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql) >"$log" 2>&1 || tail -n 5 "$log"
  fi
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -n "$PGBIN" ] && id postgres >/dev/null 2>&1; then
    pgdir=$(mktemp -d /tmp/et-pg.XXXXXX)
    chown postgres "$pgdir"
    if runuser -u postgres -- "$PGBIN/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --no-sync >"$log" 2>&1 \
      && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
        -o "-c listen_addresses=127.0.0.1 -p 55432 -k $pgdir -c fsync=off" start >>"$log" 2>&1; then
      export ERRORTRACE_TEST_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres"
      echo "   PostgreSQL on 127.0.0.1:55432 (ERRORTRACE_TEST_POSTGRES set)"
    else
      tail -n 20 "$log"; cat "$pgdir/log" 2>/dev/null | tail -n 20
      echo "   could not start PostgreSQL"
    fi
  else
    echo "   PostgreSQL is not available"
  fi
  if [ -z "${ERRORTRACE_TEST_POSTGRES:-}" ] && [ "$fast" -eq 0 ]; then
    echo "   FAILED: PostgreSQL could not be set up (the full run needs it; scripts/test.sh --fast skips its tests)"
    setup_failed=$((setup_failed + 1))
  fi
fi

echo "== chromium"
# The panel's browser tests (tests/ErrorTrace.Panel.Tests) drive Debian's Chromium through Playwright; install it when
# absent (never Playwright's own browser download). Without it those tests skip locally and fail in CI (CI=true).
if [ "$fast" -eq 0 ] && [ ! -x /usr/bin/chromium ]; then
  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) >"$log" 2>&1 || tail -n 5 "$log"
fi
if [ -x /usr/bin/chromium ]; then
  echo "   $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
elif [ "$fast" -eq 0 ]; then
  echo "   FAILED: Chromium could not be set up (the full run needs it; scripts/test.sh --fast skips its tests)"
  setup_failed=$((setup_failed + 1))
else
  echo "   Chromium is not available: the panel's browser tests are skipped"
fi

passed=0
failed=0
skipped=0
status=0
# tally PASSED FAILED EXIT_CODE [SKIPPED]: prints one step's counts and adds them to the totals.
tally() {
  echo "   ${1:-0} passed, ${2:-0} failed, ${4:-0} skipped"
  passed=$((passed + ${1:-0}))
  failed=$((failed + ${2:-0}))
  skipped=$((skipped + ${4:-0}))
  [ "$3" -ne 0 ] && status=1
  return 0
}

# Runs `dotnet test ARGS...`, shows failures, and adds its counts to the totals.
run_dotnet_tests() {
  # A failed test's own lines follow it indented (the assertion's message, expected/actual, the first stack frames):
  # print them with it, so a CI log says why and not only which.
  # The whole output goes to the log first: a pipe cut short by `head` would cut the log before its summary (the
  # counts below come from it). Skipped tests' reasons name categories such as nccl_error: not errors to show.
  local code=0 p f
  dotnet test "$@" >"$log" 2>&1 || code=$?
  awk '/^failed /{n=12} n>0{print; n--; next} /^skipped /||/^[[:space:]]*pending:/{next} /error/' "$log" | head -n 120 || true
  p=$(grep -E '^\s*succeeded:' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  f=$(grep -E '^\s*failed:' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  s=$(grep -E '^\s*skipped:' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  # A non-zero exit with no failed test is an error outside any test (a crashed test host, a fixture's exception):
  # its cause is only in the full output, so keep that in artifacts/test-logs and show its end.
  if [ "$code" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
    mkdir -p artifacts/test-logs
    local kept="artifacts/test-logs/$(echo "$*" | tr -c 'A-Za-z0-9.' '_' | sed 's/^_*//' | cut -c1-80).log"
    cp "$log" "$kept"
    echo "   exit code $code without a failed test; last lines (whole output in $kept):"
    tail -n 40 "$log" | sed 's/^/   | /'
    f=1
  fi
  tally "$p" "$f" "$code" "$s"
}

for project in tests/*/; do
  ls "$project"*.csproj >/dev/null 2>&1 || continue
  echo "== test ${project%/}"
  run_dotnet_tests --project "${project%/}" --no-build
done

# The byte-level readers have vector paths (AVX2/SSSE3) and scalar twins for CPUs without them; this machine takes
# the vector paths, so their tests run once more with the runtime's hardware intrinsics switched off.
echo "== test tests/ErrorTrace.Core.Tests, byte-level readers without SIMD (DOTNET_EnableHWIntrinsic=0)"
DOTNET_EnableHWIntrinsic=0 run_dotnet_tests --project tests/ErrorTrace.Core.Tests --no-build -- \
  --filter-class "*.AsciiLiteralSetTests" --filter-class "*.LineSplitterTests" --filter-class "*.TimestampReaderTests" \
  --filter-class "*.AsciiScannerTests" --filter-class "*.EngineProperties"

echo "== test web (vitest)"
# The panel's TypeScript helpers; node_modules comes from the server build's npm ci (web/panel.targets).
(cd web && NO_COLOR=1 FORCE_COLOR=0 npx --no-install vitest run) >"$log" 2>&1
code=$?
grep -E "FAIL|AssertionError|Error:" "$log" | head -n 30
p=$(grep -E '^\s*Tests\s' "$log" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)
f=$(grep -E '^\s*Tests\s' "$log" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 0)
s=$(grep -E '^\s*Tests\s' "$log" | grep -oE '[0-9]+ skipped' | grep -oE '[0-9]+' || echo 0)
[ "$code" -ne 0 ] && [ "${f:-0}" -eq 0 ] && f=1 && tail -n 20 "$log"
tally "$p" "$f" "$code" "$s"

if [ "$fast" -eq 1 ]; then
  echo "== published binary: not built (--fast)"
else
echo "== published binary: dotnet publish (Native AOT) and scripts/smoke-published.sh against the JIT build"
# What users run is the published Native AOT executable, whose trimming and lack of a JIT can break what every test
# above passes under the JIT; the smoke script holds it to the JIT build's output, exit codes and HTTP answers.
# The native link needs a C toolchain: install clang when neither it nor gcc is there.
if ! command -v clang >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y clang zlib1g-dev) >"$log" 2>&1 || tail -n 5 "$log"
fi
counts=""
published=$(mktemp -d /tmp/et-published.XXXXXX)
if dotnet publish src/ErrorTrace.Cli -c Release -o "$published/out" --artifacts-path "$published/artifacts" >"$log" 2>&1; then
  JIT_DLL=artifacts/bin/ErrorTrace.Cli/debug/errortrace.dll bash scripts/smoke-published.sh "$published/out" >"$log" 2>&1
  code=$?
  grep -E "^FAIL" "$log" | head -n 30
  counts=$(tail -n 1 "$log")
  p=$(echo "$counts" | grep -oE '^[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)
  f=$(echo "$counts" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 0)
  [ "$code" -ne 0 ] && [ "${f:-0}" -eq 0 ] && f=1 && tail -n 20 "$log"
else
  grep -E "error|warning" "$log" | sort -u | head -n 30
  p=0 f=1 code=1
fi
rm -rf "$published"
s=$(echo "$counts" | grep -oE '[0-9]+ skipped' | grep -oE '[0-9]+' || echo 0)
tally "$p" "$f" "$code" "$s"
fi

[ "$format_failed" -ne 0 ] && failed=$((failed + 1)) && status=1
[ "$setup_failed" -ne 0 ] && failed=$((failed + setup_failed)) && status=1
if [ "$passed" -eq 0 ]; then
  echo "no test ran"
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
