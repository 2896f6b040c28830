#!/usr/bin/env bash
# The one test command (README "Run the tests"): installs what a fresh Debian machine lacks, then runs every test
# in Pipeline.sln and prints one summary line "Summary: N passed, N failed, N skipped".
# Extra arguments go to `dotnet test` (e.g. --no-build after a build, or --filter ...).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Pipeline.sln --nologo "$@" 2>&1 | tee "$log" || status=$?

# Each test assembly ends with "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."; add them up.
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) { v = $(i + 1); gsub(/,/, "", v)
      if ($i == "Failed:") f += v; else if ($i == "Passed:") p += v; else if ($i == "Skipped:") s += v }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")

if ((status == 0 && passed == 0)); then
  echo "test.sh: dotnet test ran no test" >&2
  status=1
fi
echo "Summary: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
