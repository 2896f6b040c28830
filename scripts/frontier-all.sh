#!/usr/bin/env bash
# Regenerates docs/frontier/: the HPA frontier (evaluate --frontier) with the predictive policy's defaults on every
# workload: NASA and Wikipedia, two different weeks each, and the four synthetic shapes (pipeline synth-trace, 8 days,
# seed 42, the first 6 evaluated). One evaluate at a time (2-3 min each on 2 cores). Usage:
#   bash scripts/frontier-all.sh               # every workload
#   bash scripts/frontier-all.sh flash-crowd   # only the named ones
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build -c Release cli --nologo -v q
pipeline=(dotnet cli/bin/Release/net10.0/pipeline.dll)
nasa=../shared/traces/nasa_jul95/nasa_jul95.csv
wiki=../shared/traces/wiki_en_hourly/wiki_en_hourly.csv
shapes=$(mktemp -d)
trap 'rm -rf "$shapes"' EXIT
for shape in smooth-diurnal flash-crowd daily-outage sparse-bursts; do
  "${pipeline[@]}" synth-trace --shape "$shape" --days 8 --seed 42 --out "$shapes/$shape.csv" >/dev/null
done

# name | arguments after "evaluate --frontier"
runs=(
  "nasa-7d|--trace $nasa --duration 7d"
  "nasa-7d-from-14d|--trace $nasa --duration 7d --start 14d"
  "wiki-7d|--trace $wiki --duration 7d"
  "wiki-7d-from-14d|--trace $wiki --duration 7d --start 14d"
  "smooth-diurnal|--trace $shapes/smooth-diurnal.csv --duration 6d"
  "flash-crowd|--trace $shapes/flash-crowd.csv --duration 6d"
  "daily-outage|--trace $shapes/daily-outage.csv --duration 6d"
  "sparse-bursts|--trace $shapes/sparse-bursts.csv --duration 6d"
)
for entry in "${runs[@]}"; do
  name=${entry%%|*}
  args=${entry#*|}
  if (($# > 0)) && [[ " $* " != *" $name "* ]]; then continue; fi
  echo "== $name: evaluate --frontier $args"
  mkdir -p "docs/frontier/$name"
  start=$(date +%s)
  # shellcheck disable=SC2086 # the arguments are space-separated on purpose
  "${pipeline[@]}" evaluate --frontier $args --report "docs/frontier/$name" | tee "docs/frontier/$name/frontier.txt"
  echo "wall: $(($(date +%s) - start)) s" | tee -a "docs/frontier/$name/frontier.txt"
done
