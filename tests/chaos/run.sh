#!/usr/bin/env bash
# The fault-injection run (issue 5): installs and starts what it needs like the test command, builds, then
# runs ScanPipeline as one ingest process and three workers on a virtual host of its own, SIGKILLs a random
# worker 5 times (restarting it), restarts the broker once, and checks that every document ended in exactly
# one place. The last line is one JSON object. Extra arguments go to the run (see tests/ScanPipeline.Chaos/Program.cs).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/setup.sh >&2
export OMP_THREAD_LIMIT=1
dotnet build src/ScanPipeline.Cli -c Release -nologo -clp:ErrorsOnly -v q >&2
dotnet build tests/ScanPipeline.Chaos -c Release -nologo -clp:ErrorsOnly -v q >&2
exec dotnet tests/ScanPipeline.Chaos/bin/Release/net10.0/ScanPipeline.Chaos.dll "$@"
