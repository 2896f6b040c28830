#!/usr/bin/env bash
# Issue 14's must-show, to watch: a real prometheus (scraping itself every second, on a free loopback port) feeds
# `pipeline ingest --source prometheus --prometheus-mode query` -> embedded broker -> `pipeline features` (5 s windows).
# The demo sends REQUESTS requests to prometheus' /-/healthy in three bursts; ingest's PromQL counts exactly those
# (prometheus_http_requests_total{handler="/-/healthy"}), and the script prints every feature window and the totals:
# requests sent, the counter's increase in Prometheus, the samples' sum and the windows' sum.
# Usage: bash scripts/demo-prometheus.sh [REQUESTS=90]
# Needs: dotnet build cli, prometheus (scripts/install-deps.sh), kcat (apt-get install kcat). Everything stops at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-90}
dll=cli/bin/Debug/net10.0/pipeline.dll
[[ -f $dll ]] || { echo "demo-prometheus: $dll not found; run: dotnet build cli" >&2; exit 2; }
for tool in prometheus kcat curl; do command -v $tool >/dev/null || { echo "demo-prometheus: $tool not found" >&2; exit 2; }; done
dir=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 19090)
prom=http://127.0.0.1:$port
sel='handler="/-/healthy"'
healthy_count() { curl -sG "$prom/api/v1/query" --data-urlencode "query=sum(prometheus_http_requests_total{$sel})" | grep -o '"[0-9.]*"\]' | tr -d '"]' || echo 0; }

printf 'global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: self\n    static_configs:\n      - targets: ["127.0.0.1:%s"]\n' "$port" >"$dir/prometheus.yml"
prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" --web.listen-address="127.0.0.1:$port" >"$dir/prometheus.log" 2>&1 &
pids+=($!)
until curl -sf "$prom/-/ready" >/dev/null; do sleep 0.3; done
curl -sf "$prom/-/healthy" >/dev/null    # the series exists before ingest's first reading (its baseline)
until [[ $(healthy_count) != 0 ]]; do sleep 0.5; done   # scraped
before=$(healthy_count)
echo "demo-prometheus: prometheus on $prom, /-/healthy counter at $before"

dotnet "$dll" broker --bootstrap-file "$dir/bootstrap" >"$dir/broker.log" 2>&1 &
pids+=($!)
until [[ -s $dir/bootstrap ]]; do sleep 0.3; done
bootstrap=$(cat "$dir/bootstrap")
common=(--bootstrap "$bootstrap" --metrics-port 0)
dotnet "$dll" ingest --source prometheus --prometheus-mode query --prometheus-url "$prom" --service prometheus --interval 1s \
  --query-requests "sum by (\$replica) (prometheus_http_requests_total{$sel})" \
  --query-errors "sum by (\$replica) (prometheus_http_requests_total{$sel, code=~\"5..\"})" \
  --query-latency-buckets "sum by (\$replica, le) (prometheus_http_request_duration_seconds_bucket{$sel})" \
  --query-latency-sum "sum by (\$replica) (prometheus_http_request_duration_seconds_sum{$sel})" \
  --query-in-flight '' "${common[@]}" >"$dir/ingest.log" 2>&1 &
pids+=($!)
dotnet "$dll" features --window 5s --grace 2s "${common[@]}" >"$dir/features.log" 2>&1 &
pids+=($!)
sleep 6

for burst in 1 2 3; do
  for ((i = 0; i < requests / 3; i++)); do curl -sf "$prom/-/healthy" >/dev/null; done
  echo "demo-prometheus: burst $burst: $((requests / 3)) requests sent"
  sleep 4
done
sent=$((requests / 3 * 3))
sleep 12    # the last windows close once event time passes their end + grace

echo "demo-prometheus: feature windows of service prometheus (requests = rate x window length):"
kcat -C -b "$bootstrap" -t pipeline.features -e -q -f '%s\n' 2>/dev/null |
  awk -F'"requestRate":' '{ split($2, r, ","); match($0, /"windowStart":"[^"]*"/); printf "  %s  %.0f requests\n", substr($0, RSTART + 15, RLENGTH - 16), r[1] * 5; total += r[1] * 5 }
       END { printf "demo-prometheus: windows hold %.0f requests\n", total }'
kcat -C -b "$bootstrap" -t pipeline.metrics -e -q -f '%s\n' 2>/dev/null |
  awk -F'"requests":' '{ split($2, r, ","); total += r[1] } END { printf "demo-prometheus: samples hold %d requests\n", total }'
echo "demo-prometheus: sent $sent; Prometheus counter increase $(awk "BEGIN { print $(healthy_count) - $before }")"
