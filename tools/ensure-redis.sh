#!/usr/bin/env bash
# The fleet tests start real Redis servers (Debian's redis-server) on free loopback ports. Install
# it when missing (as CI does); nothing is downloaded but Debian's package.
set -euo pipefail
redis="${PLUGBOARD_REDIS_SERVER:-/usr/bin/redis-server}"
if [ -x "$redis" ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's redis-server for the fleet tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  # The tests start their own servers; the package's service is not needed.
  (systemctl disable --now redis-server >/dev/null 2>&1 || service redis-server stop >/dev/null 2>&1 || true)
  exit 0
fi
echo "The fleet tests need Redis at $redis: run 'sudo apt-get install -y redis-server'," >&2
echo "or set PLUGBOARD_REDIS_SERVER to a redis-server binary." >&2
exit 1
