#!/usr/bin/env bash
# Set up imgs on a fresh Debian machine with Node 20: pnpm, the dependencies, the build, a Docker
# engine and the local base images, and Debian's docker-registry and skopeo for the registry half.
# Safe to run again; it skips what is already there.
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

# The ssh engine tests start their own sshd (Debian's openssh-server, own config, 127.0.0.1, a free
# port). Installed without starting the package's system-wide service.
if [ ! -x /usr/sbin/sshd ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing openssh-server (for the ssh engine tests; its service is not started)" >&2
    policy=/usr/sbin/policy-rc.d
    made_policy=""
    if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; made_policy=1; fi
    status=0
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssh-server; } >&2 || status=$?
    if [ -n "$made_policy" ]; then rm -f "$policy"; fi
    [ "$status" = 0 ] || { echo "setup: installing openssh-server failed" >&2; exit "$status"; }
  else
    echo "setup: /usr/sbin/sshd is missing: the ssh engine tests need Debian's openssh-server (apt-get install openssh-server)" >&2
  fi
fi
bash scripts/history-tools.sh

# python3 reads docker-stacks' images_hierarchy.py in the test of examples/docker-stacks;
# python3-docker and python3-plumbum run docker-stacks' own apps in `pnpm bench docker-stacks`.
missing=()
for p in python3 python3-docker python3-plumbum; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${missing[*]} from Debian" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    echo "setup: missing Debian packages ${missing[*]} (install them as root: apt-get install ${missing[*]})" >&2
    command -v python3 >/dev/null 2>&1 || exit 1
  fi
fi
bash scripts/registry.sh install
echo "setup: done" >&2
