#!/usr/bin/env bash
# ScanPipeline's speed and memory benchmark (issue 3, points 8 and 9). From the repository root:
#   bash tests/ScanPipeline.Benchmarks/run.sh [--pages N] [--repeat R] [--runs a,c,a-pdf,c-text,b,d,text-layer,b-pdf]
# Installs and starts what it needs (scripts/setup.sh; ocrmypdf and the generator's fonts from Debian), writes
# N generated 300-dpi A4 letter pages (samples/generator, deterministic; kept in var/benchmark/pages-N), and
# measures side by side on the same pages and cores: (a) the tesseract CLI, (b) ocrmypdf, (c) ScanPipeline's
# OCR stage, (d) the whole pipeline, and born-digital PDF pages through the recognizer. Progress goes to
# stderr; stdout is the table and, as its last line, one JSON object. All results: var/benchmark/results-N.json.
set -euo pipefail
cd "$(dirname "$0")/../.."

pages=60
repeat=3
runs=""
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) pages="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "usage: $0 [--pages N] [--repeat R] [--runs LIST]" >&2; exit 2 ;;
  esac
done

# setup.sh defines its own say (on stdout); ours reports on stderr.
note() { printf '[benchmark] %s\n' "$*" >&2; }

source scripts/setup.sh >&2
# OCRmyPDF (b) and the generator's fonts come from Debian.
missing=()
for p in ocrmypdf fonts-dejavu-core fonts-liberation2; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  note "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
# Every measured process gets the limit (the benchmark sets it for its children as well). Note that GNU nproc
# obeys OMP_THREAD_LIMIT too, so cores are counted with nproc --all.
export OMP_THREAD_LIMIT=1

folder="var/benchmark/pages-$pages"
if [ -f "$folder/pages.json" ] && grep -q "\"count\": $pages," "$folder/pages.json"; then
  note "pages: $folder (already written)"
else
  note "writing $pages pages to $folder"
  dotnet run --project samples/generator -c Release -- pages --count "$pages" --out "$folder" >&2
fi

dotnet build tests/ScanPipeline.Benchmarks -c Release -nologo -clp:ErrorsOnly -v q >&2
note "cores: $(nproc --all); load: $(cut -d' ' -f1-3 /proc/loadavg); tesseract $(tesseract --version 2>&1 | head -n1 | cut -d' ' -f2); ocrmypdf $(ocrmypdf --version)"
args=(compare --pages "$folder" --repeat "$repeat" --results "var/benchmark/results-$pages.json")
[ -n "$runs" ] && args+=(--runs "$runs")
exec dotnet tests/ScanPipeline.Benchmarks/bin/Release/net10.0/ScanPipeline.Benchmarks.dll "${args[@]}"
