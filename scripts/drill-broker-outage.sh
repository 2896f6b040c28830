#!/usr/bin/env bash
# The broker-outage drill with the brokers down for longer than the normal run's 12 s:
#   bash scripts/drill-broker-outage.sh [outage seconds, default 60]
# Runs BrokerOutageDrillTests (every broker of the embedded cluster down while ~200 samples/s flow into a
# pipeline features process) and prints its figures: samples delivered, windows expected and read, incomplete windows,
# dead letters, how long the source took to deliver again after the brokers came back.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIPELINE_BROKER_DRILL=1
export PIPELINE_BROKER_DRILL_OUTAGE_S="${1:-60}"
dotnet test tests/Pipeline.Integration.Tests/Pipeline.Integration.Tests.csproj \
  --filter "FullyQualifiedName~BrokerOutageDrillTests" \
  --logger "console;verbosity=detailed" -- RunConfiguration.TestSessionTimeout=$(( (PIPELINE_BROKER_DRILL_OUTAGE_S + 300) * 1000 ))
