#!/usr/bin/env bash
# Instruction counts of the published CLI (`errortrace analyze FILE --format json`) under callgrind, for one or more
# commits, on the seed-format and the mixed log: the before/after measure that other sessions' builds cannot disturb
# (wall-clock on a shared machine can; see docs/benchmarks.md). Also checks that every commit writes the same report.
#
#   scripts/bench/callgrind.sh --revs main,HEAD               # 64 MiB of each log
#   scripts/bench/callgrind.sh --revs HEAD~2,HEAD~1,HEAD --size 16M --logs seed
#
# Options:
#   --revs LIST    commits to publish and measure, oldest first (default HEAD); each is exported with `git archive`
#                  and published once into the work dir (Release, Native AOT), then reused
#   --logs LIST    seed (scripts/bench/seedlog.py), mixed (scripts/bench/generate_log.py); default seed,mixed
#   --size SIZE    log size, M or G (default 64M: about a minute of callgrind per log and commit)
#   --work DIR     work dir (default /tmp/errortrace-callgrind)
#   --profile      keep callgrind's output files (for callgrind_annotate) next to the table, from binaries published
#                  with their symbols (-p:StripSymbols=false, DWARF dropped: valgrind 3.19 refuses ILC's); the same
#                  machine code, so the same counts, but callgrind_annotate names the functions
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=/tmp/errortrace-callgrind
revs=HEAD
logs=seed,mixed
size=64M
profile=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --revs) revs=$2; shift 2 ;;
    --logs) logs=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --profile) profile=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
# Names (main, HEAD) resolved once: a run takes minutes per commit, and a branch that moves meanwhile must not make the
# report check at the end compare another commit's (missing) report.
resolved=()
for rev in ${revs//,/ }; do resolved+=("$(git -C "$repo" rev-parse --short "$rev")"); done
revs=$(IFS=,; echo "${resolved[*]}")
mkdir -p "$work"
command -v valgrind >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }

mib=${size^^}
case $mib in
  *G) mib=$(( ${mib%G} * 1024 )) ;;
  *M) mib=${mib%M} ;;
  *) echo "size must end in M or G: $size" >&2; exit 2 ;;
esac

log_path() { # kind -> path, generated once
  local kind=$1 path=$work/$1-$size.log
  if [[ ! -s $path ]]; then
    echo "generating the $kind log ($size) ..." >&2
    case $kind in
      seed) python3 "$repo/scripts/bench/seedlog.py" "$mib" "$path.tmp" ;;
      mixed) python3 "$repo/scripts/bench/generate_log.py" --size "$size" --out "$path.tmp" >&2 ;;
      *) echo "unknown log kind: $kind" >&2; exit 2 ;;
    esac
    mv "$path.tmp" "$path"
  fi
  echo "$path"
}

cli_for() { # rev -> path of the published binary
  local commit src
  commit=$(git -C "$repo" rev-parse --short "$1")
  src=$work/src-$commit
  local symbols=()
  if [[ $profile == 1 ]]; then src=$src-symbols; symbols=(-p:StripSymbols=false); fi
  if [[ ! -x $src/bin/errortrace ]]; then
    rm -rf "$src" && mkdir -p "$src"
    git -C "$repo" archive "$commit" | tar -x -C "$src"
    echo "publishing $commit (Release, Native AOT) ..." >&2
    dotnet publish "$src/src/ErrorTrace.Cli" -c Release -o "$src/cli" --artifacts-path "$src/artifacts" \
      -nologo -v quiet -clp:ErrorsOnly "${symbols[@]}" >&2
    # The binary alone: valgrind 3.19 gives up on the compressed debug info of errortrace.dbg beside it (and on the
    # DWARF of a binary that keeps its symbols, so that is stripped and the symbol table kept).
    mkdir -p "$src/bin" && cp "$src/cli/errortrace" "$src/bin/errortrace"
    if [[ $profile == 1 ]]; then objcopy --strip-debug "$src/bin/errortrace"; fi
  fi
  echo "$src/bin/errortrace"
}

results=$work/results-$(date -u +%Y%m%dT%H%M%S).tsv
for rev in ${revs//,/ }; do
  commit=$(git -C "$repo" rev-parse --short "$rev")
  cli=$(cli_for "$rev")
  for kind in ${logs//,/ }; do
    path=$(log_path "$kind")
    echo "callgrind: $commit on $(basename "$path") ..." >&2
    out=$work/cg-$commit-$kind-$size.out
    valgrind --tool=callgrind --callgrind-out-file="$out" "$cli" analyze "$path" --format json \
      >"$work/report-$commit-$kind-$size.json" 2>"$work/cg-$commit-$kind-$size.err" || true
    refs=$(grep -o 'refs: *[0-9,]*' "$work/cg-$commit-$kind-$size.err" | tr -dc 0-9)
    [[ -n $refs ]] || { echo "callgrind failed, see $work/cg-$commit-$kind-$size.err" >&2; exit 1; }
    [[ $profile == 1 ]] || rm -f "$out"
    printf '%s\t%s\t%s\t%s\n' "$kind" "$commit" "$(stat -L -c %s "$path")" "$refs" >>"$results"
  done
done

# Every commit must write the same report for the same log (the run's duration and the tool's version aside).
same=yes
for kind in ${logs//,/ }; do
  first=""
  for rev in ${revs//,/ }; do
    report=$work/report-$(git -C "$repo" rev-parse --short "$rev")-$kind-$size.json
    normal=$(python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
def drop(o):
    if isinstance(o, dict): return {k: drop(v) for k, v in o.items() if k not in ("duration_ms", "elapsed_ms", "analyzed_at", "version", "tool_version")}
    if isinstance(o, list): return [drop(v) for v in o]
    return o
print(json.dumps(drop(d), sort_keys=True))' "$report")
    if [[ -z $first ]]; then first=$normal; elif [[ $normal != "$first" ]]; then same=no; echo "report differs: $report" >&2; fi
  done
done

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), callgrind instruction counts (Ir), whole process; reports identical across commits: $same"
python3 - "$results" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
print("\n| log | commit | instructions | per byte | vs first commit |")
print("|---|---|---:|---:|---:|")
first = {}
for kind, commit, size, refs in rows:
    size, refs = int(size), int(refs)
    base = first.setdefault(kind, refs)
    print(f"| {kind} ({size / 2**20:.0f} MiB) | `{commit}` | {refs:,} | {refs / size:.2f} | {100 * (refs - base) / base:+.1f} % |")
PY
[[ $same == yes ]]
