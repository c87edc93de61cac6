#!/usr/bin/env bash
# The browser suite drives Debian's Chromium.
set -euo pipefail
exec bash "$(dirname "$0")/ensure-debian-package.sh" "${PLUGBOARD_CHROMIUM:-/usr/bin/chromium}" chromium \
  'the browser tests' PLUGBOARD_CHROMIUM
