#!/usr/bin/env bash
# The fleet tests start their own Redis servers (Debian's redis-server) on free loopback ports;
# the package's own service is not used.
set -euo pipefail
exec bash "$(dirname "$0")/ensure-debian-package.sh" "${PLUGBOARD_REDIS_SERVER:-/usr/bin/redis-server}" redis-server \
  'the fleet tests' PLUGBOARD_REDIS_SERVER
