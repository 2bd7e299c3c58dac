# Shared by compare-wc.sh and distinct-errors.sh (sourced, not run): publishing the CLI, one timed run of a command,
# and a tool's best and median over several runs. The caller sets `runs` and may set `measure_prefix` (an array put
# before the command: `taskset -c 0` to pin to one core, `timeout 600` to cap a run that went quadratic) and `warmup_out`
# (where the warm-up run's stdout goes, to keep its report).

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

# publish_cli REPO REV WORK: publishes the CLI (Release, Native AOT) to WORK/cli, from commit REV exported with
# `git archive` (so other engineers' half-written files in the working tree cannot break the build) or, with REV empty,
# from the working tree. Sets `label` to what was published. Own artifacts path: other engineers build the same projects
# in the repo's artifacts/ concurrently.
publish_cli() {
  local repo=$1 rev=$2 work=$3 commit src_root dirty
  if [[ -n $rev ]]; then
    commit=$(git -C "$repo" rev-parse --short "$rev")
    src_root=$work/src-$commit
    if [[ ! -d $src_root ]]; then
      mkdir -p "$src_root.tmp" && git -C "$repo" archive "$commit" | tar -x -C "$src_root.tmp" && mv "$src_root.tmp" "$src_root"
    fi
    label="commit $commit"
  else
    src_root=$repo
    commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
    dirty=$(git -C "$repo" status --porcelain -- src 2>/dev/null | head -1)
    label="working tree at $commit${dirty:+ (src/ has uncommitted changes)}"
  fi
  echo "publishing the CLI (Release, Native AOT, $label) to $work/cli ..." >&2
  rm -rf "$work/cli"
  dotnet publish "$src_root/src/ErrorTrace.Cli" -c Release -o "$work/cli" --artifacts-path "$work/artifacts" \
    -nologo -v quiet -clp:ErrorsOnly >&2
}
