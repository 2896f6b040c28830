#!/usr/bin/env bash
# Measures the sink's InfluxDB writer: starts a throw-away influxd on a free loopback port (temp data dir, removed
# afterwards) and runs `pipeline bench-sink` against it. Extra arguments go to bench-sink (e.g. --points 1000000 --batch 5000).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v influxd >/dev/null || { echo "influxd missing: run bash scripts/install-deps.sh" >&2; exit 1; }

dir=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http=$(free_port); rpc=$(free_port)
cat > "$dir/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$rpc"
[meta]
  dir = "$dir/meta"
[data]
  dir = "$dir/data"
  wal-dir = "$dir/wal"
  query-log-enabled = false
[http]
  bind-address = "127.0.0.1:$http"
  log-enabled = false
[monitor]
  store-enabled = false
CONF
influxd run -config "$dir/influxdb.conf" >"$dir/influxd.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 100); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/ping" || true) == 204 ]] && break
  sleep 0.1
done
dotnet build cli -c Release --nologo -v q
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(cpu)
dotnet run --project cli -c Release --no-build -- bench-sink --influx "http://127.0.0.1:$http" "$@"
echo "influxd CPU during the run: $(( ($(cpu) - before) / $(getconf CLK_TCK) )) s; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
