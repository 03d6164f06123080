#!/usr/bin/env bash
# The README's first command after set-up (`pnpm run example`): the example tree built, tagged,
# documented, pushed to a local registry and merged into image indexes, then what the registry
# holds. The registry (Debian's docker-registry on 127.0.0.1, data in a temporary folder) is
# stopped at the end, and the local tags made for it removed; IMGS_EXAMPLE_KEEP_REGISTRY=1 keeps
# both, and prints the command that stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

CONFIG=examples/debian-stack/imgs.config.ts
bash scripts/registry.sh install
REGISTRY_DIR=$(mktemp -d -t imgs-example-registry.XXXXXX)/registry
REGISTRY=$(bash scripts/registry.sh start "$REGISTRY_DIR")

cleanup() {
  if [ -n "${IMGS_EXAMPLE_KEEP_REGISTRY:-}" ]; then
    echo "example: the registry keeps running at $REGISTRY; stop it with: bash scripts/registry.sh stop $REGISTRY_DIR" >&2
    return
  fi
  local tags
  tags=$(docker images --format '{{.Repository}}:{{.Tag}}' | grep "^$REGISTRY/" || true)
  # shellcheck disable=SC2086 # one tag a word
  [ -z "$tags" ] || docker rmi $tags >/dev/null
  bash scripts/registry.sh stop "$REGISTRY_DIR"
  rmdir "$(dirname "$REGISTRY_DIR")" 2>/dev/null || true
}
trap cleanup EXIT

echo "example: registry $REGISTRY" >&2
imgs() { pnpm exec imgs -c "$CONFIG" "$@"; }
imgs build --all --registry "$REGISTRY"
imgs hook --all --registry "$REGISTRY"
imgs apply --all --registry "$REGISTRY"
imgs push --all --registry "$REGISTRY"
imgs merge --all --registry "$REGISTRY" --push
imgs hierarchy
echo
echo "The registry $REGISTRY now holds:"
pnpm exec tsx scripts/show-registry.ts "$REGISTRY"
