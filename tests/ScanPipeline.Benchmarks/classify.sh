#!/usr/bin/env bash
# Classification speed (issue 4, point 11). From the repository root:
#   bash tests/ScanPipeline.Benchmarks/classify.sh [--count N] [--seconds S] [--model DIR]
# Writes N synthetic letters as text (samples/generator "letters", deterministic; kept in var/benchmark/letters-N),
# then measures in one process: TrainedModel.Predict on the held-out letters of samples/training/test, one thread
# (default model: the active one in models/), and ModelTrainer.Train with the default settings on the N letters.
# Progress goes to stderr; stdout is the table and, as its last line, one JSON object.
set -euo pipefail
cd "$(dirname "$0")/../.."

count=10000
seconds=10
model=""
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --model) model="$2"; shift 2 ;;
    *) echo "usage: $0 [--count N] [--seconds S] [--model DIR]" >&2; exit 2 ;;
  esac
done
if [ -z "$model" ]; then
  active="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' models/active.json)"
  model="models/$active"
fi

folder="var/benchmark/letters-$count"
if [ -d "$folder" ] && [ "$(find "$folder" -name '*.txt' | wc -l)" -eq "$count" ]; then
  echo "[classify] letters: $folder (already written)" >&2
else
  echo "[classify] writing $count letters to $folder" >&2
  dotnet run --project samples/generator -c Release -- letters --count "$count" --out "$folder" >&2
fi

dotnet build tests/ScanPipeline.Benchmarks -c Release -nologo -clp:ErrorsOnly -v q >&2
echo "[classify] cores: $(nproc --all); load: $(cut -d' ' -f1-3 /proc/loadavg); model: $model" >&2
exec dotnet tests/ScanPipeline.Benchmarks/bin/Release/net10.0/ScanPipeline.Benchmarks.dll classify \
  --model "$model" --letters samples/training/test --train "$folder" --seconds "$seconds"
