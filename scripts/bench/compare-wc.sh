#!/usr/bin/env bash
# Times `errortrace analyze FILE --format json` against `wc -l FILE` on the same big log, on one core with a
# warm page cache, and reports best/median seconds, GB/s, peak RSS and the errortrace/wc ratio.
# wc -l is the floor: it only counts newlines, so the ratio says how close the analyzer gets to "just reading".
#
#   scripts/bench/compare-wc.sh                     # 1 GiB log under /tmp (generated if missing)
#   scripts/bench/compare-wc.sh --also-4g           # then the same at 4 GiB: peak RSS must not grow
#   scripts/bench/compare-wc.sh --file big.log --runs 5 --no-publish
#
# Options:
#   --file PATH      log to measure (default /tmp/errortrace-bench/train-1G.log, generated if missing)
#   --size SIZE      size to generate when --file is missing (default 1G)
#   --runs N         timed runs per tool after one warm-up (default 3)
#   --also-4g        also measure a generated 4 GiB log (/tmp/errortrace-bench/train-4G.log)
#   --runs-4g N      timed runs per tool at 4 GiB (default 1: that size is there to show flat memory)
#   --rev REV        commit to publish and measure (default HEAD), exported with `git archive` into the work
#                    dir so other engineers' half-written files in the working tree cannot break the build
#   --worktree       publish the working tree as it is instead
#   --no-publish     reuse the CLI already published in the work dir
#   --work DIR       work dir for the published CLI, its artifacts and reports (default /tmp/errortrace-bench)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=/tmp/errortrace-bench
file=""
size=1G
runs=3
also4g=0
runs4g=1
publish=1
rev=HEAD

while [[ $# -gt 0 ]]; do
  case "$1" in
    --file) file=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --also-4g) also4g=1; shift ;;
    --runs-4g) runs4g=$2; shift 2 ;;
    --rev) rev=$2; shift 2 ;;
    --worktree) rev=""; shift ;;
    --no-publish) publish=0; shift ;;
    --work) work=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
file=${file:-$work/train-$size.log}

# /usr/bin/time (not the shell keyword) is what reports peak RSS.
if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time for peak RSS..." >&2
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
# Pin to one core where taskset exists: the target is single-core throughput, and the runtime's
# background threads (GC, tiered JIT) must share that core rather than borrow the other one.
pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c 0); fi

generate() { # path size
  if [[ ! -s $1 ]]; then
    echo "generating $2 log at $1 ..." >&2
    python3 "$repo/scripts/bench/generate_log.py" --size "$2" --out "$1"
  fi
}

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

cli_dir=$work/cli
if [[ $publish == 1 ]]; then
  echo "publishing the CLI (Release, $label) to $cli_dir ..." >&2
  # Own artifacts path: other engineers build the same projects in the repo's artifacts/ concurrently.
  rm -rf "$cli_dir"
  dotnet publish "$src_root/src/ErrorTrace.Cli" -c Release -o "$cli_dir" --artifacts-path "$work/artifacts" \
    -nologo -v quiet -clp:ErrorsOnly >&2
else
  label="previously published CLI"
fi
cli=$cli_dir/errortrace
[[ -x $cli ]] || { echo "no published CLI at $cli" >&2; exit 1; }

# One measured run: prints "seconds peak_rss_kib exit_code".
measure() {
  local rss_file start end rc out=${measure_out:-/dev/null} err=/dev/null
  [[ -n ${measure_out:-} ]] && err=$measure_out.stderr
  rss_file=$(mktemp)
  start=$(date +%s%N)
  set +e
  /usr/bin/time -f '%M' -o "$rss_file" "${pin[@]}" "$@" >"$out" 2>"$err"
  rc=$?
  set -e
  end=$(date +%s%N)
  echo "$(( end - start )) $(tail -1 "$rss_file") $rc"
  rm -f "$rss_file"
}

# Runs a tool once to warm up (its output kept in $warmup_out when set), then $runs times;
# prints "best median max_rss rc" (seconds, KiB).
bench_tool() {
  local times=() rss_max=0 rc=0 line ns rss
  measure_out=${warmup_out:-} measure "$@" >/dev/null
  for _ in $(seq "$runs"); do
    line=$(measure "$@")
    read -r ns rss rc <<<"$line"
    times+=("$ns")
    (( rss > rss_max )) && rss_max=$rss
  done
  python3 - "$rss_max" "$rc" "${times[@]}" <<'EOF'
import statistics, sys
rss, rc, *ns = sys.argv[1:]
s = sorted(int(x) / 1e9 for x in ns)
print(f"{s[0]:.3f} {statistics.median(s):.3f} {rss} {rc}")
EOF
}

report() { # path
  local path=$1 bytes wc_line et_line
  generate "$path" "$size"
  bytes=$(stat -c %s "$path")
  cat "$path" >/dev/null # warm the page cache; the warm-up runs then keep it warm
  echo "measuring $(basename "$path") ($bytes bytes, $runs runs each after a warm-up, ${pin[*]:-unpinned}) ..." >&2
  wc_line=$(bench_tool wc -l "$path")
  # The warm-up's report is kept so a reader can check the analyzer really found the failure.
  et_line=$(warmup_out="$work/report-$(basename "$path").json" bench_tool "$cli" analyze "$path" --format json)
  python3 - "$path" "$bytes" "$wc_line" "$et_line" <<'EOF'
import sys
path, size, wc, et = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), sys.argv[4].split()
print(f"\n{path}: {size:,} bytes ({size / 2**30:.2f} GiB)\n")
print("| tool | best s | median s | GB/s (best) | GB/s (median) | peak RSS MiB | exit |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name, (best, median, rss, rc) in (("wc -l", wc), ("errortrace analyze --format json", et)):
    best, median = float(best), float(median)
    print(f"| {name} | {best:.3f} | {median:.3f} | {size / best / 1e9:.2f} | {size / median / 1e9:.2f} | {int(rss) / 1024:.1f} | {rc} |")
print(f"\nratio errortrace/wc: {float(et[0]) / float(wc[0]):.2f}x (best), {float(et[1]) / float(wc[1]):.2f}x (median)")
EOF
}

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), errortrace from $label"
echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
report "$file"
if [[ $also4g == 1 ]]; then
  size=4G
  runs=$runs4g
  report "$work/train-4G.log"
fi
