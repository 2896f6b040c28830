#!/usr/bin/env bash
# Installs what the tests need and a fresh Debian machine with only the .NET SDK lacks:
#   influxd (Debian package influxdb)  - the sink and end-to-end tests start their own on a free loopback port
#   prometheus (Debian, 2.42)          - the Prometheus source's tests start their own server on a free loopback port
#   docker-compose (Debian, 1.29)      - `docker-compose config -q` validates docker-compose.yml offline
#   node + npm, then dashboards/schema - @grafana/schema, ts-json-schema-generator and ajv for the dashboard schema check
# Idempotent: installs only what is missing. Needs root (or passwordless sudo) for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v influxd >/dev/null 2>&1 || missing+=(influxdb)
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]} > 0)); then
  echo "install-deps: installing Debian packages: ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo -n); else
    echo "install-deps: need root to apt-get install ${missing[*]}; run as root or install them yourself" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Debian influxdb and prometheus packages may try to start their own services (:8086, :9090); the tests never use them.
echo "install-deps: $(influxd version 2>/dev/null | head -1), $(prometheus --version 2>&1 | head -1), $(docker-compose version --short 2>/dev/null || echo 'docker-compose ?'), node $(node --version)"

# Project-local npm packages for the dashboard schema check (lockfile pinned, node_modules ignored by git).
if [[ ! -d dashboards/schema/node_modules/@grafana/schema || dashboards/schema/package-lock.json -nt dashboards/schema/node_modules/.package-lock.json ]]; then
  echo "install-deps: npm ci in dashboards/schema"
  (cd dashboards/schema && npm ci --no-audit --no-fund --loglevel=error)
fi
