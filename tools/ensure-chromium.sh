#!/usr/bin/env bash
# The browser suite drives Debian's Chromium. Install it when missing (as CI does), never a
# browser download of a test tool's own: this network allows the npm and Debian registries only.
set -euo pipefail
chromium="${PLUGBOARD_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at $chromium: run 'sudo apt-get install -y chromium'," >&2
echo "or set PLUGBOARD_CHROMIUM to a Chromium or Chrome binary." >&2
exit 1
