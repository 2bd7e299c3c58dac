#!/usr/bin/env bash
# How the CLI's time grows with the number of distinct errors in a log: generates logs with N distinct ERROR records
# (default 1,000, 6,000 and 20,000; each record's words differ, so masking numbers cannot fold them into one group),
# each followed by a few quiet INFO records and the whole ended by a traceback, then times
# `errortrace analyze FILE --format json` against `wc -l FILE` on the same file in the same run.
# A benchmark, not a test: the classifier once went quadratic in distinct errors (6,000 took 9 min 33 s; fixed in
# 01f78f2) and only a server test's timeout caught it. Linear growth shows as an exponent near 1 in the last column
# (log of the time ratio over log of the N ratio between one row and the one before, after taking off the CLI's time on
# a log of the traceback alone: start-up, rules, report); quadratic as 2.
#
#   scripts/bench/distinct-errors.sh                          # 1k, 6k, 20k distinct errors, 5 runs each
#   scripts/bench/distinct-errors.sh --counts 500,1000,2000 --runs 3 --no-publish
#   scripts/bench/distinct-errors.sh --cli /path/to/errortrace
#
# Options:
#   --counts LIST    distinct ERROR records per log (default 1000,6000,20000)
#   --info N         quiet INFO records after each error (default 10: errors spread through a log, as in training)
#   --runs N         timed runs per tool after one warm-up (default 5)
#   --timeout S      give up on one errortrace run after S seconds (default 600), reported as "> S"
#   --rev REV        commit to publish and measure (default HEAD), exported with `git archive` (as compare-wc.sh)
#   --worktree       publish the working tree as it is instead
#   --no-publish     reuse the CLI already published in the work dir
#   --cli PATH       measure this errortrace binary (no publish)
#   --work DIR       work dir for the published CLI, the logs and reports (default /tmp/errortrace-distinct)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# publish_cli, measure and bench_tool.
source "$repo/scripts/bench/measure.sh"
work=/tmp/errortrace-distinct
counts=1000,6000,20000
info=10
runs=5
timeout_s=600
publish=1
rev=HEAD
cli=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --counts) counts=$2; shift 2 ;;
    --info) info=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --timeout) timeout_s=$2; shift 2 ;;
    --rev) rev=$2; shift 2 ;;
    --worktree) rev=""; shift ;;
    --no-publish) publish=0; shift ;;
    --cli) cli=$2; publish=0; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
[[ -x /usr/bin/time ]] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

label="CLI at $cli"
if [[ -z $cli ]]; then
  cli=$work/cli/errortrace
  if [[ $publish == 1 ]]; then
    publish_cli "$repo" "$rev" "$work"
  else
    label="previously published CLI"
  fi
fi
[[ -x $cli ]] || { echo "no errortrace binary at $cli" >&2; exit 1; }

# N distinct ERROR records in the seed's format, each with twelve words drawn from forty (40^12 wordings: no two alike,
# and no number to mask), each followed by $info quiet INFO records; a traceback ends the log. Deterministic.
generate() { # count -> path
  local count=$1 path=$work/distinct-$1-info$info.log
  if [[ ! -s $path ]]; then
    python3 - "$count" "$info" "$path.tmp" <<'PY'
import random, sys
count, info, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
words = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec "
         "romeo sierra tango uniform victor whiskey xray yankee zulu amber basalt cobalt dune ember fjord granite "
         "harbor iris jade karst lagoon meadow nectar").split()
rng = random.Random(count)
seen = set()
with open(out, "w") as f:
    step = 0
    for _ in range(count):
        while True:
            head, tail = " ".join(rng.choices(words, k=6)), " ".join(rng.choices(words, k=6))
            if (head, tail) not in seen:
                seen.add((head, tail))
                break
        clock = f"2025-12-10 {step // 3600 % 24:02d}:{step // 60 % 60:02d}:{step % 60:02d}"
        f.write(f"[{clock}] [trainer] [ERROR] [Train] shard {head} could not be loaded: {tail}\n")
        for _ in range(info):
            step += 1
            f.write(f"[{clock}] [__main__] [INFO] [SFT] step {step} loss={rng.uniform(0.5, 3):.4f} lr={rng.uniform(1e-6, 1e-4):.3e}\n")
    f.write('Traceback (most recent call last):\n  File "/home/u/train.py", line 1, in main\n    load()\nRuntimeError: giving up\n')
PY
    mv "$path.tmp" "$path"
  fi
  echo "$path"
}

measure_prefix=(timeout "$timeout_s")

results=$work/results-$(date -u +%Y%m%dT%H%M%S).tsv
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), errortrace from $label, $info INFO records per error, $runs runs per tool"
echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
# The fixed cost: the same CLI on the traceback alone (start-up, reading the rules, writing the report).
fixed_log=$work/traceback-only.log
printf 'Traceback (most recent call last):\n  File "/home/u/train.py", line 1, in main\n    load()\nRuntimeError: giving up\n' >"$fixed_log"
fixed=$(bench_tool "$cli" analyze "$fixed_log" --format json | cut -d' ' -f1)
for count in ${counts//,/ }; do
  path=$(generate "$count")
  cat "$path" >/dev/null # warm the page cache
  echo "measuring $(basename "$path") ($(stat -c %s "$path") bytes, load $(cut -d' ' -f1 /proc/loadavg)) ..." >&2
  wc_line=$(bench_tool wc -l "$path")
  et_line=$(warmup_out="$work/report-$count.json" bench_tool "$cli" analyze "$path" --format json)
  groups=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1])).get("errors") or []))' "$work/report-$count.json" 2>/dev/null || echo "?")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$count" "$(stat -c %s "$path")" "$(wc -l <"$path")" "$wc_line" "$et_line" "$groups" \
    "$(cut -d' ' -f1 /proc/loadavg)" >>"$results"
done
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg); raw results in $results"

python3 - "$results" "$timeout_s" "$fixed" <<'PY'
import math, sys
fixed = float(sys.argv[3])
print(f"\nFixed cost (the CLI on a 4-line log, best of the runs): {fixed:.3f} s")
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
print("\n| distinct errors | MB | lines | `wc -l` best s | errortrace best s | median s | × wc -l (best) | ms per 1,000 errors | growth exponent | groups in report | peak RSS MiB | load |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
previous = None
for count, size, lines, wc, et, groups, load in rows:
    count = int(count)
    wc_best = float(wc.split()[0])
    best, median, rss, rc = et.split()
    if best == "timeout":
        print(f"| {count:,} | {int(size) / 1e6:.1f} | {int(lines):,} | {wc_best:.3f} | > {sys.argv[2]} | | | | | | | {load} |")
        previous = None
        continue
    best, median = float(best), float(median)
    exponent = ""
    if previous and best > fixed and previous[1] > fixed:
        exponent = f"{math.log((best - fixed) / (previous[1] - fixed)) / math.log(count / previous[0]):.2f}"
    print(f"| {count:,} | {int(size) / 1e6:.1f} | {int(lines):,} | {wc_best:.3f} | {best:.3f} | {median:.3f} | {best / wc_best:.0f} | {best / count * 1e6:.1f} | {exponent} | {groups} | {int(rss) / 1024:.1f} | {load} |")
    previous = (count, best)
PY
