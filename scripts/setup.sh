#!/usr/bin/env bash
# Installs and starts everything ScanPipeline needs on a fresh Debian 12 machine (run as root):
# Tesseract with German and English data, poppler's pdftoppm, zbar, a local RabbitMQ broker bound to
# loopback with the management API, and for the browser tests Debian's chromium and axe-core (npm ci).
# Safe to run again: it installs only what is missing and starts the broker only when none answers.
# Sourced by run.sh and test.sh; prints what it does.
set -euo pipefail

say() { printf '[setup] %s\n' "$*"; }

APT_PACKAGES=(
  tesseract-ocr tesseract-ocr-deu tesseract-ocr-eng tesseract-ocr-osd
  libtesseract5 liblept5 libgomp1
  poppler-utils libzbar0
  rabbitmq-server
  curl ca-certificates
  python3-sklearn fonts-dejavu-core fonts-liberation2  # classification baseline; fonts of the generated test scans
  chromium  # the browser tests: Playwright drives Debian's chromium (its own browser download is not reachable)
)

install_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "Debian packages present"
    return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    say "missing packages: ${missing[*]} (run as root, or install them first)" >&2
    exit 1
  fi
  say "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # The broker's package would start a node through the init system; we start our own below.
  local policy_created=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy_created=1
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ $policy_created -eq 1 ] && rm -f /usr/sbin/policy-rc.d
  return 0
}

check_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    say "the .NET 10 SDK is not on PATH; install it (https://learn.microsoft.com/dotnet/core/install/linux-debian)" >&2
    exit 1
  fi
}

# The browser tests' axe-core, pinned by the package-lock.json beside them. npm ci runs again only when the
# lock file is newer than the last install (npm writes node_modules/.package-lock.json).
install_browser_test_packages() {
  local dir
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/ScanPipeline.IntegrationTests/Web/Browser"
  if [ -f "$dir/node_modules/axe-core/axe.min.js" ] && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
    say "npm packages of the browser tests present"
    return
  fi
  if ! command -v npm >/dev/null 2>&1; then
    say "npm is not on PATH; install Node.js with npm (apt-get install nodejs npm)" >&2
    exit 1
  fi
  say "installing the browser tests' npm packages (npm ci)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

broker_up() { rabbitmq-diagnostics -q check_port_connectivity >/dev/null 2>&1; }

start_broker() {
  if [ -n "${SCANPIPE_AMQP_URI:-}" ]; then
    say "broker configured by SCANPIPE_AMQP_URI; not starting a local one"
    return
  fi
  mkdir -p /etc/rabbitmq
  if [ ! -f /etc/rabbitmq/rabbitmq.conf ] || ! grep -q 'scanpipe' /etc/rabbitmq/rabbitmq.conf; then
    cat > /etc/rabbitmq/rabbitmq.conf <<'CONF'
# Written by ScanPipeline's scripts/setup.sh: a local node on loopback only.
listeners.tcp.default = 127.0.0.1:5672
management.tcp.ip = 127.0.0.1
management.tcp.port = 15672
# The consumer ack timeout stays at its default of 30 minutes; stages keep each delivery far below it.
CONF
    echo '[rabbitmq_management].' > /etc/rabbitmq/enabled_plugins
  fi
  if broker_up; then
    say "RabbitMQ is running"
  else
    say "starting RabbitMQ"
    chown -R rabbitmq:rabbitmq /var/lib/rabbitmq /var/log/rabbitmq 2>/dev/null || true
    # Run as the rabbitmq user (the Debian wrapper switches to it when called as root).
    rabbitmq-server -detached >/dev/null 2>&1 || true
    local i
    for i in $(seq 1 60); do
      if rabbitmqctl -q await_startup >/dev/null 2>&1; then break; fi
      sleep 1
    done
    broker_up || { say "RabbitMQ did not start; see /var/log/rabbitmq" >&2; exit 1; }
    say "RabbitMQ started"
  fi
  # The management API applies the dead-letter and delivery-limit policies (scanpipe broker init, and the tests).
  for i in $(seq 1 30); do
    curl -fsS -u guest:guest http://127.0.0.1:15672/api/overview >/dev/null 2>&1 && return 0
    sleep 1
  done
  say "RabbitMQ management API did not answer on 127.0.0.1:15672" >&2
  exit 1
}

install_packages
check_dotnet
install_browser_test_packages
start_broker
# Tesseract's OpenMP threads oversubscribe the cores unless limited before libgomp initialises.
export OMP_THREAD_LIMIT=1
say "ready"
