#!/usr/bin/env bash
# Runs the mailroom end to end on the bundled samples: installs and starts what it needs
# (scripts/setup.sh), builds, then feeds samples/scans through both scanner lines and prints one row per
# document and the totals. With --watch it keeps running and watches the scanner-line hot folders instead.
# Every other argument goes to `scanpipe run` (see `scanpipe run --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
# Set-up and build report on stderr; stdout carries the table.
source scripts/setup.sh >&2
export OMP_THREAD_LIMIT=1
dotnet build src/ScanPipeline.Cli -c Release -nologo -clp:ErrorsOnly -v q >&2
# Policies (dead-lettering, delivery limit), queues and delay queues on the configured vhost, before any worker.
dotnet src/ScanPipeline.Cli/bin/Release/net10.0/scanpipe.dll broker init >&2
exec dotnet src/ScanPipeline.Cli/bin/Release/net10.0/scanpipe.dll run "$@"
