#!/usr/bin/env bash
# Builds the web app into web/dist with the machine's Node/npm. Called by the Maven build and the
# launcher. Installs dependencies (npm ci, from package-lock.json) only when node_modules is missing
# or older than the lock file, then builds and prints the bundle size.
set -euo pipefail
cd "$(dirname "$0")"

command -v node >/dev/null || { echo "web/build.sh: node is not installed (need Node >= 20.19)" >&2; exit 1; }
command -v npm >/dev/null || { echo "web/build.sh: npm is not installed" >&2; exit 1; }

stamp=node_modules/.package-lock.json   # npm writes this on every install
if [[ ! -d node_modules || ! -f $stamp || package-lock.json -nt $stamp ]]; then
  echo "web/build.sh: installing dependencies (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi

npm run --silent build
node scripts/bundle-size.mjs
