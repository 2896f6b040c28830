#!/usr/bin/env bash
# Measures the YARP proxy's overhead: starts `pipeline replica` (service time 0, many workers) and `pipeline proxy`
# (round robin, one destination, no Kafka) as separate processes on free loopback ports, then runs
# `pipeline proxy-bench`: one client for added p50/p99 latency, then many for requests/s, directly and through the
# proxy (at most 60 s of load; everything stops by itself). Extra arguments go to proxy-bench (e.g. --phase 5s
# --concurrency 64). Release build. Run it on a quiet machine: the load generator, proxy and replica share the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build cli -c Release --nologo -v q
dll=cli/bin/Release/net10.0/pipeline.dll
dir=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
address() { # waits for the "listening http://127.0.0.1:PORT" line of $1
  for _ in $(seq 300); do
    if line=$(grep -m1 '^listening ' "$1" 2>/dev/null); then echo "${line#listening }"; return; fi
    sleep 0.1
  done
  echo "no listening line in $1" >&2; cat "$1" "$1.err" >&2; exit 1
}
DOTNET_gcServer=0 dotnet "$dll" replica --id bench --workers 1024 --service-mean-ms 0 --queue 10000 >"$dir/replica" 2>"$dir/replica.err" &
pids+=($!)
DOTNET_gcServer=0 dotnet "$dll" proxy --service bench --balancer round-robin >"$dir/proxy" 2>"$dir/proxy.err" &
pids+=($!)
replica=$(address "$dir/replica")
proxy=$(address "$dir/proxy")
curl -sf -X PUT -H 'content-type: application/json' -d "{\"address\":\"$replica\"}" "$proxy/admin/destinations/bench" >/dev/null
echo "replica $replica, proxy $proxy; load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
dotnet "$dll" proxy-bench --direct "$replica/work" --proxied "$proxy/work" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
