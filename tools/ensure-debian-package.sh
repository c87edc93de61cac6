#!/usr/bin/env bash
# Installs a Debian package when the program a test suite needs is missing (as CI does), never a
# test tool's own download: this network allows the npm and Debian registries only.
# Usage: ensure-debian-package.sh <program path> <package> <what needs it> <variable naming another path>
set -euo pipefail
program="$1" package="$2" purpose="$3" variable="$4"
if [ -x "$program" ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's $package for $purpose"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  exit 0
fi
echo "$purpose need $program: run 'sudo apt-get install -y $package'," >&2
echo "or set $variable to another path." >&2
exit 1
