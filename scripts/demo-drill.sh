#!/usr/bin/env bash
# Runs `pipeline demo` on a trace for every policy x routing variant RUNS times each and counts the exits
# (issue 10: a stage used to stop with "outputs not delivered within 30 s"). Usage:
#   bash scripts/demo-drill.sh [RUNS=5] [TRACE=../shared/traces/nasa_jul95/nasa_jul95.csv] [DURATION=30s]
# Needs a build (dotnet build cli). Prints one line per run and a summary per variant; exit 1 if any run failed.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
trace=${2:-../shared/traces/nasa_jul95/nasa_jul95.csv}
duration=${3:-30s}
dll=cli/bin/Debug/net10.0/pipeline.dll
[[ -f $dll ]] || { echo "demo-drill: $dll not found; run: dotnet build cli" >&2; exit 2; }
[[ -f $trace ]] || { echo "demo-drill: trace $trace not found" >&2; exit 2; }
log=$(mktemp -d)
failed=0
for policy in predictive hpa; do
  for routing in learned equal; do
    ok=0
    for ((i = 1; i <= runs; i++)); do
      out="$log/$policy-$routing-$i.log"
      KAFKA_BOOTSTRAP_SERVERS= INFLUX_URL= timeout 300 dotnet "$dll" demo --trace "$trace" --duration "$duration" \
        --policy "$policy" --routing "$routing" --plain >"$out" 2>&1
      rc=$?
      decisions=$(grep -c '^decision' "$out")
      undelivered=$(grep -c 'not delivered' "$out")
      echo "demo-drill: $policy + $routing run $i: exit $rc, $decisions decisions, 'not delivered' lines $undelivered"
      if ((rc == 0 && undelivered == 0)); then ok=$((ok + 1)); else failed=1; echo "  log kept: $out"; fi
    done
    echo "demo-drill: $policy + $routing: $ok of $runs runs exited 0"
  done
done
exit $failed
