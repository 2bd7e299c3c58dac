#!/usr/bin/env bash
# Trains the learned classifier (FailureClassifiers "learned" / "rules+learned") on every labelled case of the real-log
# corpus and writes its model file, which the library embeds:
#
#   scripts/accuracy/train.sh            # rewrites src/ErrorTrace.Core/Classification/Learned/model.txt
#   scripts/accuracy/train.sh --cv 10    # cross-validates instead (docs/accuracy-learned.md), writes nothing
#   scripts/accuracy/train.sh --cv-fallback 10   # only the fallback's abstention tables (folds grouped by project) and
#                                                # the held-out checks (i1-i3; j1-j6, k1, k2, k4; k3, k5-k10), which
#                                                # choose LearnedDeferral.MinProbability
#   scripts/accuracy/train.sh --experiment all   # the feature / model / deferral experiments, one row each (grouped by
#                                                # project; docs/accuracy-learned.md), writes nothing
#   scripts/accuracy/train.sh --cv-phase 10      # the learned phase of OOMs no phase hint placed, against the default
#                                                # (folds grouped by project; off in the shipped classifier), writes nothing
#
# Deterministic: the same corpus and engine give the same file, so a retrained model's diff shows which tokens moved.
# Retrain after a batch lands (its labels are then training data) and after rule changes land (the model decides where
# the rules defer, so it should match the rules it falls back from); the held-out splits (Corpus/unseen) are never read.
set -euo pipefail
cd "$(dirname "$0")/../.."

dir=tests/ErrorTrace.Core.Tests/Corpus/real
model=src/ErrorTrace.Core/Classification/Learned/model.txt

mkdir -p artifacts
dotnet build tools/ErrorTrace.Accuracy -c Release -v q -nologo >artifacts/accuracy-build.log 2>&1 \
  || { tail -n 20 artifacts/accuracy-build.log; exit 1; }
if [ "${1:-}" = "--cv" ] || [ "${1:-}" = "--cv-fallback" ] || [ "${1:-}" = "--cv-phase" ] || [ "${1:-}" = "--experiment" ]; then
  exec dotnet artifacts/bin/ErrorTrace.Accuracy/release/ErrorTrace.Accuracy.dll --dir "$dir" "$@"
fi
exec dotnet artifacts/bin/ErrorTrace.Accuracy/release/ErrorTrace.Accuracy.dll --dir "$dir" --train-out "$model" "$@"
