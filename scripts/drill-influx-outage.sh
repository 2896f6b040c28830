#!/usr/bin/env bash
# The sink's InfluxDB-outage drill with a longer outage than the test run's 20 s:
#   bash scripts/drill-influx-outage.sh [outage seconds, default 300] [ms between samples, default 50]
# Runs SinkInfluxOutageDrillTests against the real influxd and the embedded broker (or KAFKA_BOOTSTRAP_SERVERS) and
# prints the drill's figures: samples delivered, points in InfluxDB, the sink's consumed count at the pause and just
# before the restart, and the /healthz body during the outage. At 2 samples per tick keep the outage's samples below
# the embedded broker's ~5 MiB per partition (300 s at 50 ms: ~12,000 samples, ~3 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
export PIPELINE_DRILL_OUTAGE_S="${1:-300}"
export PIPELINE_DRILL_TICK_MS="${2:-50}"
dotnet test tests/Pipeline.Integration.Tests/Pipeline.Integration.Tests.csproj \
  --filter "FullyQualifiedName~SinkInfluxOutageDrillTests" \
  --logger "console;verbosity=detailed" -- RunConfiguration.TestSessionTimeout=$(( (PIPELINE_DRILL_OUTAGE_S + 300) * 1000 ))
