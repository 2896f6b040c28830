#!/usr/bin/env bash
# Regenerates the committed result files in docs/results/ (the figures README.md's "Results" quotes, checked by
# tests/Pipeline.Docs.Tests). One evaluate at a time; each run is ~1-3 min. Usage:
#   bash scripts/docs-results.sh            # every file
#   bash scripts/docs-results.sh nasa-7d    # only the named files (without .json)
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build -c Release cli --nologo -v q
pipeline=(dotnet cli/bin/Release/net10.0/pipeline.dll evaluate)
nasa=../shared/traces/nasa_jul95/nasa_jul95.csv
wiki=../shared/traces/wiki_en_hourly/wiki_en_hourly.csv

# name | arguments after "evaluate" (the same lines as docs/results/README.md)
runs=(
  "nasa-7d|--trace $nasa --duration 7d"
  "wiki-7d|--trace $wiki --duration 7d"
  "nasa-7d-from-14d|--trace $nasa --duration 7d --start 14d --autoscaler hpa,predictive,oracle"
  "wiki-7d-from-14d|--trace $wiki --duration 7d --start 14d --autoscaler hpa,predictive,oracle"
  "nasa-7d-sizing-utilization|--trace $nasa --duration 7d --autoscaler hpa,predictive --predictive-sizing utilization"
  "wiki-7d-sizing-utilization|--trace $wiki --duration 7d --autoscaler hpa,predictive --predictive-sizing utilization"
  "nasa-7d-upper-target-expected-target|--trace $nasa --duration 7d --autoscaler hpa,predictive --predictive-sizing utilization --predictive-upper target --predictive-expected target"
  "nasa-7d-upper-0.9-expected-target|--trace $nasa --duration 7d --autoscaler hpa,predictive --predictive-sizing utilization --predictive-upper 0.9 --predictive-expected target"
  "nasa-7d-upper-0.9-expected-0.9|--trace $nasa --duration 7d --autoscaler hpa,predictive --predictive-sizing utilization --predictive-upper 0.9 --predictive-expected 0.9"
  "wiki-7d-upper-target-expected-target|--trace $wiki --duration 7d --autoscaler hpa,predictive --predictive-sizing utilization --predictive-upper target --predictive-expected target"
  "wiki-7d-upper-0.9-expected-target|--trace $wiki --duration 7d --autoscaler hpa,predictive --predictive-sizing utilization --predictive-upper 0.9 --predictive-expected target"
  "wiki-7d-upper-0.9-expected-0.9|--trace $wiki --duration 7d --autoscaler hpa,predictive --predictive-sizing utilization --predictive-upper 0.9 --predictive-expected 0.9"
  "table1-nasa-7d|--trace $nasa --duration 7d --runs threshold+round-robin,hpa+least-request,predictive+learned,sla-oracle+least-request"
  "table1-wiki-7d|--trace $wiki --duration 7d --runs threshold+round-robin,hpa+least-request,predictive+learned,sla-oracle+least-request"
)

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for entry in "${runs[@]}"; do
  name=${entry%%|*}
  args=${entry#*|}
  if (($# > 0)) && [[ " $* " != *" $name "* ]]; then continue; fi
  echo "== $name: evaluate $args"
  # shellcheck disable=SC2086 # the arguments are space-separated on purpose
  "${pipeline[@]}" $args --report "$out/$name"
  cp "$out/$name/results.json" "docs/results/$name.json"
done
