#!/usr/bin/env bash
# Scores the engine on the real-log corpus against the expert labels (category, root exception type, innermost frame).
#
#   scripts/accuracy/score.sh                         # every case of tests/ErrorTrace.Core.Tests/Corpus/real
#   scripts/accuracy/score.sh --batch a1 --record     # one new batch, BEFORE any fix: writes docs/accuracy/a1.md
#   scripts/accuracy/score.sh --dir /path/to/split --title "Unseen split" --record-to docs/accuracy/unseen.md
#   scripts/accuracy/score.sh --batch a1 --pending-lines   # also print RealLogPending lines for the misses
#
# The engine is this checkout's, built in Release; the record names its commit (and "with uncommitted changes" when
# the tree is dirty), so a figure can always be traced to the code that produced it. Records are never overwritten.
set -euo pipefail
cd "$(dirname "$0")/../.."

dir=tests/ErrorTrace.Core.Tests/Corpus/real
args=()
batches=()
record=""
record_to=""
title=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir=$2; shift 2 ;;
    --batch) batches+=("$2"); args+=(--batch "$2"); shift 2 ;;
    --record) record=1; shift ;;
    --record-to) record_to=$2; shift 2 ;;
    --title) title=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done

commit=$(git rev-parse --short HEAD)
subject=$(git log -1 --format=%s | cut -c1-80)
state=""
[ -n "$(git status --porcelain -- src)" ] && state=" with uncommitted changes under src/"
build="\`$commit\` on $(git rev-parse --abbrev-ref HEAD) (\"$subject\")$state"

if [ -n "$record" ]; then
  if [ ${#batches[@]} -ne 1 ]; then echo "--record needs exactly one --batch" >&2; exit 2; fi
  record_to="docs/accuracy/${batches[0]}.md"
  [ -n "$title" ] || title="Batch ${batches[0]}, scored before fixing"
  args+=(--preface "Scored with the engine as it was when the batch landed, before any rule or parser was written for its logs: this is the honest accuracy on logs the engine had not seen. The record is never edited; later figures are in docs/accuracy.md.")
fi
[ -n "$title" ] && args+=(--title "$title")
[ -n "$record_to" ] && args+=(--record "$record_to")

# The build log is this checkout's own: other worktrees score at the same time.
mkdir -p artifacts
dotnet build tools/ErrorTrace.Accuracy -c Release -v q -nologo >artifacts/accuracy-build.log 2>&1 \
  || { tail -n 20 artifacts/accuracy-build.log; exit 1; }
exec dotnet artifacts/bin/ErrorTrace.Accuracy/release/ErrorTrace.Accuracy.dll --dir "$dir" --build "$build" "${args[@]}"
