#!/usr/bin/env bash
# Make sure a Docker engine answers and the local base images exist; used by the README's set-up,
# by the Docker test project's global setup, and (through setup.sh) by .ci/run.
#
#   bash scripts/engine.sh            engine + every base image
#   bash scripts/engine.sh --engine   engine only
#
# An engine that already answers (DOCKER_HOST, the current docker context, or the default socket)
# is used as it is. Otherwise, as root on Debian/Ubuntu, Debian's docker.io is installed and dockerd
# started in the background, logging to $IMGS_DOCKERD_LOG. Base images are made without any
# registry and are named imgs.localhost/*, a host name that can never be a real registry.
set -euo pipefail

BUSYBOX_IMAGE=${IMGS_BUSYBOX_IMAGE:-imgs.localhost/busybox:latest}
DEBIAN_IMAGE=${IMGS_DEBIAN_IMAGE:-imgs.localhost/debian:bookworm}
DEBIAN_MIRROR=${IMGS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
DOCKERD_LOG=${IMGS_DOCKERD_LOG:-/var/log/imgs-dockerd.log}
ENGINE_WAIT_SECONDS=${IMGS_ENGINE_WAIT_SECONDS:-60}
LABEL=dev.imgs.base-image

say() { printf 'engine: %s\n' "$*" >&2; }
die() { printf 'engine: error: %s\n' "$*" >&2; exit 1; }

engine_answers() { command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; }

can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_install() { # package...
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  can_install || die "missing Debian packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})"
  say "installing ${missing[*]} from Debian"
  # A stale package index makes installs fail with 404s; refresh it once per run.
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq >&2; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

start_local_dockerd() {
  apt_install docker.io
  # A pid file left by a daemon that no longer runs stops dockerd from starting.
  if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
    rm -f /var/run/docker.pid
  fi
  say "starting dockerd in the background (log: $DOCKERD_LOG)"
  mkdir -p "$(dirname "$DOCKERD_LOG")"
  setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
  local waited=0
  until engine_answers; do
    sleep 1; waited=$((waited + 1))
    if [ "$waited" -ge "$ENGINE_WAIT_SECONDS" ]; then
      tail -n 20 "$DOCKERD_LOG" >&2 || true
      die "dockerd did not answer within ${ENGINE_WAIT_SECONDS}s (log above, from $DOCKERD_LOG)"
    fi
  done
  say "dockerd answers after ${waited}s"
}

ensure_engine() {
  engine_answers && return 0
  if [ -n "${DOCKER_HOST:-}" ] || [ -n "${DOCKER_CONTEXT:-}" ]; then
    die "the Docker engine at ${DOCKER_HOST:-context $DOCKER_CONTEXT} does not answer; start it, or unset DOCKER_HOST/DOCKER_CONTEXT to use a local one"
  fi
  if can_install && grep -qiE '^ID(_LIKE)?=.*(debian|ubuntu)' /etc/os-release 2>/dev/null; then
    start_local_dockerd
  else
    die "no Docker engine answers. Start one (e.g. 'sudo systemctl start docker', or run 'sudo dockerd &'), or point DOCKER_HOST at one; as root on Debian/Ubuntu this script installs and starts it itself"
  fi
}

SCRATCH=()
# Sets $dir to a new scratch folder that is removed when the script exits.
new_scratch_dir() { dir=$(mktemp -d -t imgs-rootfs.XXXXXX); SCRATCH+=("$dir"); }
cleanup() { [ ${#SCRATCH[@]} -eq 0 ] || rm -rf "${SCRATCH[@]}"; }
trap cleanup EXIT

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

import_rootfs() { # dir image cmd
  tar -C "$1" -c . | docker import \
    -c "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    -c "CMD [\"$3\"]" -c "LABEL $LABEL=true" - "$2" >/dev/null
}

ensure_busybox() {
  image_exists "$BUSYBOX_IMAGE" && return 0
  apt_install busybox-static
  local dir; new_scratch_dir
  mkdir -p "$dir/bin" "$dir/tmp" "$dir/etc" "$dir/root"
  cp /bin/busybox "$dir/bin/busybox"
  local applet
  for applet in $("$dir/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$dir/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$dir/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$dir/etc/group"
  chmod 1777 "$dir/tmp"
  import_rootfs "$dir" "$BUSYBOX_IMAGE" sh
  say "made $BUSYBOX_IMAGE from Debian's busybox-static"
}

ensure_debian() {
  image_exists "$DEBIAN_IMAGE" && return 0
  apt_install debootstrap
  local dir; new_scratch_dir
  local log=$dir.log; SCRATCH+=("$log")
  say "making $DEBIAN_IMAGE with debootstrap (about 30 s)"
  debootstrap --variant=minbase bookworm "$dir" "$DEBIAN_MIRROR" >"$log" 2>&1 \
    || { tail -n 20 "$log" >&2; die "debootstrap failed (log above)"; }
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  import_rootfs "$dir" "$DEBIAN_IMAGE" bash
  say "made $DEBIAN_IMAGE"
}

main() {
  ensure_engine
  [ "${1:-}" = --engine ] && return 0
  # Several callers (setup, parallel test runs) may get here at once; one makes the images.
  exec 9>"${TMPDIR:-/tmp}/imgs-engine.lock"
  flock 9
  ensure_busybox
  ensure_debian
}

main "$@"
