#!/usr/bin/env bash
# Writes .env next to docker-compose.yml with a random password for each secret docker-compose.yml asks for
# (Grafana admin, InfluxDB admin, the sink's write-only user, Grafana's read-only user), readable by you only.
# An existing .env is left as it is (delete it to rotate; the InfluxDB users are created on its first start only).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -e .env ]]; then
  echo ".env exists; left unchanged"
  exit 0
fi
secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=' ; }
umask 077
{
  echo "GRAFANA_ADMIN_PASSWORD=$(secret)"
  echo "INFLUXDB_ADMIN_PASSWORD=$(secret)"
  echo "INFLUX_WRITE_PASSWORD=$(secret)"
  echo "INFLUX_READ_PASSWORD=$(secret)"
} > .env
echo "wrote .env (mode 600): GRAFANA_ADMIN_PASSWORD, INFLUXDB_ADMIN_PASSWORD, INFLUX_WRITE_PASSWORD, INFLUX_READ_PASSWORD"
