#!/usr/bin/env bash
# The kill -9 drill: features, predictor, actuator and sink as separate processes (embedded broker, real influxd) while
# samples stream in; each stage is killed with SIGKILL at a random moment and restarted, ROUNDS times (default 5).
#   bash scripts/drill-kill.sh [rounds] [features engine: loop (default) or streamiz]
# Prints the drill's counts: kills, samples, windows published and over-counted, decisions, actuation results,
# decisions applied twice, samples found in InfluxDB. Each round streams 40 windows (600 virtual seconds, 24 s).
# The filter also runs IngestKillDrillTests (pipeline ingest --source http killed PIPELINE_INGEST_KILLS times, default
# 5, while a client pushes samples; it runs in the normal test run too): samples acknowledged vs on pipeline.metrics.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIPELINE_KILL_DRILL=1
export PIPELINE_KILL_DRILL_ROUNDS="${1:-5}"
export PIPELINE_KILL_DRILL_ENGINE="${2:-loop}"
dotnet test tests/Pipeline.Integration.Tests/Pipeline.Integration.Tests.csproj \
  --filter "FullyQualifiedName~KillDrillTests" \
  --logger "console;verbosity=detailed" -- RunConfiguration.TestSessionTimeout=$(( (PIPELINE_KILL_DRILL_ROUNDS * 60 + 600) * 1000 ))
