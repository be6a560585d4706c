#!/usr/bin/env bash
# Inbox list speed at scale (issue 6, point 5). From the repository root:
#   bash tests/ScanPipeline.Benchmarks/inbox.sh [--documents N] [--repeat R]
# Seeds (once; kept in var/benchmark/inbox-N) a department with N documents (default 100,000) plus N/5 for the
# other departments, with the training letters' texts in the FTS5 index, then starts the web role on Kestrel and
# measures the server time (Server-Timing header) of the inbox pages a case worker uses. Progress goes to stderr;
# stdout is the table and, as its last line, one JSON object. Exit code 1 when a request misses 300 ms (p95).
set -euo pipefail
cd "$(dirname "$0")/../.."

documents=100000
repeat=20
while [ $# -gt 0 ]; do
  case "$1" in
    --documents) documents="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    *) echo "usage: $0 [--documents N] [--repeat R]" >&2; exit 2 ;;
  esac
done

dotnet build tests/ScanPipeline.Benchmarks -c Release -nologo -clp:ErrorsOnly -v q >&2
echo "[inbox] cores: $(nproc --all); load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec dotnet tests/ScanPipeline.Benchmarks/bin/Release/net10.0/ScanPipeline.Benchmarks.dll inbox \
  --data "var/benchmark/inbox-$documents" --letters samples/training/train --documents "$documents" --repeat "$repeat"
