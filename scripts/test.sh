#!/usr/bin/env bash
# Runs every test: installs and starts what the tests need (scripts/setup.sh), builds warning-free, runs
# the unit and integration tests against the real broker and the real Tesseract, and ends with one line
# "N passed, N failed". Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."
# Whatever goes wrong (set-up, build), the last line is still the summary CI reads.
summary_printed=0
trap '[ $summary_printed -eq 1 ] || echo "0 passed, 1 failed"' EXIT
source scripts/setup.sh

export OMP_THREAD_LIMIT=1
# Snapshooter must fail on a missing snapshot instead of writing one.
[ "${CI:-}" = "true" ] && export SNAPSHOOTER_STRICT_MODE=true

results=var/test-results
rm -rf "$results"
mkdir -p "$results"

status=0
dotnet build ScanPipeline.sln -c Release -nologo -clp:ErrorsOnly
# One run per test project, each with its own TRX file (default TRX names collide within a second).
for project in tests/*/*Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" \
    --blame-hang-timeout 10m "$@" || status=$?
done

# dotnet test's own summary is per project; CI reads this one line, summed over every TRX file.
passed=0; failed=0; found=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  found=1
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters"); t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
  a=$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then failed=1; fi   # a crashed or hung test host counts too

# The fault-injection run (tests/chaos/run.sh) counts as one more test: workers SIGKILLed, the broker
# restarted, nothing lost or filed twice. It runs in every full run and always in CI; a filtered run
# (arguments given) or SCANPIPE_CHAOS=0 outside CI leaves it out.
if [ $# -eq 0 ] && { [ "${CI:-}" = "true" ] || [ "${SCANPIPE_CHAOS:-1}" != "0" ]; }; then
  if chaos=$(bash tests/chaos/run.sh 2>"$results/chaos.log" | tail -n 1) && [ -n "$chaos" ]; then
    passed=$((passed + 1)); echo "fault-injection run passed: $chaos"
  else
    failed=$((failed + 1)); echo "fault-injection run FAILED: ${chaos:-no result} (log: $results/chaos.log)"; tail -n 40 "$results/chaos.log" || true
  fi
fi
[ $found -eq 1 ] || failed=$((failed > 0 ? failed : 1))
summary_printed=1
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
