# Shared by compare-wc.sh and distinct-errors.sh (sourced, not run): one timed run of a command, and a tool's best and
# median over several runs. The caller sets `runs` and may set `measure_prefix` (an array put before the command:
# `taskset -c 0` to pin to one core, `timeout 600` to cap a run that went quadratic) and `warmup_out` (where the
# warm-up run's stdout goes, to keep its report).

# measure CMD...: prints "nanoseconds max_rss_kib exit_code"; stdout goes to $measure_out (default /dev/null).
measure() {
  local rss_file start end rc out=${measure_out:-/dev/null}
  rss_file=$(mktemp)
  start=$(date +%s%N)
  set +e
  /usr/bin/time -f '%M' -o "$rss_file" "${measure_prefix[@]}" "$@" >"$out" 2>/dev/null
  rc=$?
  set -e
  end=$(date +%s%N)
  # A command killed by timeout leaves /usr/bin/time's "Command exited with non-zero status" line, not a number.
  echo "$(( end - start )) $(tail -1 "$rss_file" | grep -Eo '^[0-9]+$' || echo 0) $rc"
  rm -f "$rss_file"
}

# bench_tool CMD...: one warm-up, then $runs timed runs (none after a warm-up that timed out, exit 124): prints
# "best median max_rss exit_code" in seconds and KiB, or "timeout timeout max_rss 124".
bench_tool() {
  local times=() rss_max=0 rc line ns rss
  line=$(measure_out=${warmup_out:-} measure "$@")
  read -r ns rss rc <<<"$line"
  if [[ $rc == 124 ]]; then
    echo "timeout timeout $rss $rc"
    return
  fi
  for _ in $(seq "$runs"); do
    line=$(measure "$@")
    read -r ns rss rc <<<"$line"
    times+=("$ns")
    (( rss > rss_max )) && rss_max=$rss
  done
  python3 - "$rss_max" "$rc" "${times[@]}" <<'PY'
import statistics, sys
rss, rc, *ns = sys.argv[1:]
s = sorted(int(x) / 1e9 for x in ns)
print(f"{s[0]:.3f} {statistics.median(s):.3f} {rss} {rc}")
PY
}
