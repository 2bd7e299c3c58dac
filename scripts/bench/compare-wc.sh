#!/usr/bin/env bash
# Times `errortrace analyze FILE --format json` against `wc -l FILE` and `rg -c ERROR FILE` on the same big logs, in
# the same run, with a warm page cache: best and median seconds, GB/s, peak RSS and the errortrace/wc ratio, on one
# core (taskset -c 0) and on all cores. wc -l is the floor (it only counts newlines); rg -c ERROR is what a user would
# try first to find the failure in a big log.
#
#   scripts/bench/compare-wc.sh                       # seed-format and mixed logs at 1 GiB and 4 GiB, 5 runs each
#   scripts/bench/compare-wc.sh --logs seed --sizes 1G --runs 3 --cores 1
#   scripts/bench/compare-wc.sh --file big.log --no-publish
#
# Options:
#   --logs LIST      which generated logs: seed (scripts/bench/seedlog.py: the seed's own records, ~78 % INFO step
#                    lines), mixed (scripts/bench/generate_log.py: torchrun + DeepSpeed + tqdm); default seed,mixed
#   --sizes LIST     sizes to generate and measure (default 1G,4G)
#   --file PATH      measure this log instead of generated ones
#   --runs N         timed runs per tool and core setting, after one warm-up (default 5)
#   --cores LIST     1 = pinned to CPU 0 with taskset, all = every core; default 1,all
#   --tools LIST     wc, rg, errortrace (default all three)
#   --rev REV        commit to publish and measure (default HEAD), exported with `git archive` into the work
#                    dir so other engineers' half-written files in the working tree cannot break the build
#   --worktree       publish the working tree as it is instead
#   --no-publish     reuse the CLI already published in the work dir
#   --work DIR       work dir for the published CLI, its artifacts, the logs and reports (default /tmp/errortrace-bench)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# publish_cli, measure and bench_tool.
source "$repo/scripts/bench/measure.sh"
work=/tmp/errortrace-bench
file=""
logs=seed,mixed
sizes=1G,4G
runs=5
cores=1,all
tools=wc,rg,errortrace
publish=1
rev=HEAD

while [[ $# -gt 0 ]]; do
  case "$1" in
    --file) file=$2; shift 2 ;;
    --logs) logs=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --size) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --cores) cores=$2; shift 2 ;;
    --tools) tools=$2; shift 2 ;;
    --also-4g) sizes=1G,4G; shift ;;
    --rev) rev=$2; shift 2 ;;
    --worktree) rev=""; shift ;;
    --no-publish) publish=0; shift ;;
    --work) work=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"

# /usr/bin/time (not the shell keyword) reports peak RSS; ripgrep is the comparison a user would reach for.
need=()
[[ -x /usr/bin/time ]] || need+=(time)
[[ ,$tools, == *,rg,* ]] && ! command -v rg >/dev/null 2>&1 && need+=(ripgrep)
if [[ ${#need[@]} -gt 0 ]]; then
  echo "installing ${need[*]} ..." >&2
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

size_mib() { # 1G -> 1024, 64M -> 64
  local s=${1^^}
  case $s in
    *G) echo $(( ${s%G} * 1024 )) ;;
    *M) echo "${s%M}" ;;
    *) echo "size must end in M or G: $1" >&2; exit 2 ;;
  esac
}

generate() { # kind size -> path
  local kind=$1 size=$2 path=$work/$1-$2.log
  if [[ ! -s $path ]]; then
    echo "generating the $kind log ($size) at $path ..." >&2
    case $kind in
      seed) python3 "$repo/scripts/bench/seedlog.py" "$(size_mib "$size")" "$path.tmp" ;;
      mixed) python3 "$repo/scripts/bench/generate_log.py" --size "$size" --out "$path.tmp" >&2 ;;
      *) echo "unknown log kind: $kind" >&2; exit 2 ;;
    esac
    mv "$path.tmp" "$path"
  fi
  echo "$path"
}

if [[ ,$tools, == *,errortrace,* ]]; then
  if [[ $publish == 1 ]]; then
    publish_cli "$repo" "$rev" "$work"
  else
    label="previously published CLI"
  fi
  cli=$work/cli/errortrace
  [[ -x $cli ]] || { echo "no published CLI at $cli" >&2; exit 1; }
fi

measure_prefix=()

results=$work/results-$(date -u +%Y%m%dT%H%M%S).tsv
report() { # path
  local path=$1 bytes name core line
  bytes=$(stat -L -c %s "$path")
  name=$(basename "$path")
  cat "$path" >/dev/null # warm the page cache; the warm-up runs then keep it warm
  for core in ${cores//,/ }; do
    if [[ $core == 1 ]]; then measure_prefix=(taskset -c 0); else measure_prefix=(); fi
    echo "measuring $name ($bytes bytes, $runs runs per tool after a warm-up, cores: $core, load $(cut -d' ' -f1 /proc/loadavg)) ..." >&2
    for tool in ${tools//,/ }; do
      case $tool in
        wc) line=$(bench_tool wc -l "$path") ;;
        rg) line=$(bench_tool rg -c ERROR "$path") ;;
        # The warm-up's report is kept so a reader can check the analyzer really found the failure.
        errortrace) line=$(warmup_out="$work/report-$name.json" bench_tool "$cli" analyze "$path" --format json) ;;
      esac
      # The 1-minute load average right after the tool's runs: a figure measured on a busy machine says so.
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$bytes" "$core" "$tool" "$line" "$(cut -d' ' -f1 /proc/loadavg)" >>"$results"
    done
  done
}

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), errortrace from ${label:-(not measured)}"
echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -n $file ]]; then
  report "$file"
else
  for size in ${sizes//,/ }; do
    for kind in ${logs//,/ }; do report "$(generate "$kind" "$size")"; done
  done
fi
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg); raw results in $results"

python3 - "$results" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
print("\n| log | cores | tool | best s | median s | GB/s (best) | GB/s (median) | × wc -l (best) | × wc -l (median) | peak RSS MiB | exit | load |")
print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
wc = {(r[0], r[2]): float(r[4].split()[0]) for r in rows if r[3] == "wc"}
wc_median = {(r[0], r[2]): float(r[4].split()[1]) for r in rows if r[3] == "wc"}
names = {"wc": "`wc -l`", "rg": "`rg -c ERROR`", "errortrace": "`errortrace analyze --format json`"}
for name, size, cores, tool, result, load in rows:
    best, median, rss, rc = result.split()
    size, best, median = int(size), float(best), float(median)
    ratio = f"{best / wc[(name, cores)]:.2f}" if (name, cores) in wc else ""
    ratio_median = f"{median / wc_median[(name, cores)]:.2f}" if (name, cores) in wc_median else ""
    label = "1 (taskset)" if cores == "1" else cores
    print(f"| {name} ({size / 2**30:.2f} GiB) | {label} | {names[tool]} | {best:.3f} | {median:.3f} | {size / best / 1e9:.2f} | {size / median / 1e9:.2f} | {ratio} | {ratio_median} | {int(rss) / 1024:.1f} | {rc} | {load} |")
PY
