#!/usr/bin/env bash
# The programs the build-history tests use besides Node: Debian's Chromium (the HTML site's browser
# test, driven headless by playwright-core) and the Python libraries docker-stacks' wiki code
# imports (the wiki parity test, when DOCKER_STACKS_DIR names a docker-stacks checkout).
# Safe to run again; it installs only what is missing. Called by setup.sh.
set -euo pipefail

PACKAGES=(chromium python3-tabulate python3-plumbum python3-dateutil)

say() { printf 'history-tools: %s\n' "$*" >&2; }

missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  say "missing Debian packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})"
  exit 1
fi
say "installing ${missing[*]} from Debian"
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
