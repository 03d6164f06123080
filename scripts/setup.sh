#!/usr/bin/env bash
# Set up imgs on a fresh Debian machine with Node 20: pnpm, the dependencies, the build, a Docker
# engine and the local base images. Safe to run again; it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error(`setup: Node ${process.versions.node} is too old; imgs needs Node 20.19 or newer`); process.exit(1) }'

if ! command -v pnpm >/dev/null 2>&1; then
  echo "setup: installing pnpm 10 with npm" >&2
  npm install -g pnpm@10 >/dev/null
fi

if [ -n "${CI:-}" ]; then pnpm install --frozen-lockfile; else pnpm install; fi
pnpm build
bash scripts/engine.sh
echo "setup: done" >&2
