#!/usr/bin/env bash
# Build imgs' builder image, imgs.localhost/imgs:<version of @imgs/cli>, from this checkout:
#
#   bash scripts/builder-image.sh            build the packages, then the image
#   bash scripts/builder-image.sh --print    print the image reference only
#
# The image is builder/Dockerfile FROM imgs.localhost/debian:bookworm (scripts/engine.sh makes it).
# Node: Debian 12's nodejs is 18.x, older than the 20.19 imgs needs, and nothing can be pulled, so
# the Node binary that runs this script is copied in; it must be >= 20.19 and link only against
# glibc and libstdc++, which the Debian base has (checked by running `node --version` in the image).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=$(node -p 'require(process.argv[1]).version' "$ROOT/packages/cli/package.json")
IMAGE=${IMGS_BUILDER_IMAGE:-imgs.localhost/imgs:$VERSION}
if [ "${1:-}" = "--print" ]; then echo "$IMAGE"; exit 0; fi

say() { printf 'builder-image: %s\n' "$*" >&2; }
die() { printf 'builder-image: error: %s\n' "$*" >&2; exit 1; }

NODE=$(readlink -f "$(command -v node)")
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' ||
  die "Node $(node --version) at $NODE is older than 20.19, which imgs needs"
docker image inspect imgs.localhost/debian:bookworm >/dev/null 2>&1 || die "imgs.localhost/debian:bookworm is missing; run bash scripts/engine.sh"

CONTEXT=$(mktemp -d -t imgs-builder.XXXXXX)
trap 'rm -rf "$CONTEXT"' EXIT
say "building the packages"
(cd "$ROOT" && pnpm -r --filter "./packages/**" build >/dev/null)
say "deploying @imgs/cli with its production dependencies"
(cd "$ROOT" && pnpm --filter @imgs/cli deploy --prod --legacy --prefer-offline "$CONTEXT/app" >/dev/null)
cp "$NODE" "$CONTEXT/node"
cp "$ROOT/builder/Dockerfile" "$CONTEXT/Dockerfile"
say "building $IMAGE with Node $(node --version) from $NODE"
docker build --quiet --label "org.opencontainers.image.version=$VERSION" --tag "$IMAGE" "$CONTEXT" >/dev/null
# The copied Node must run on the image's libraries.
docker run --rm --network none --entrypoint /usr/local/bin/node "$IMAGE" --version >/dev/null || die "Node does not run in $IMAGE"
echo "$IMAGE"
