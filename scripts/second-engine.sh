#!/usr/bin/env bash
# A second Docker engine on this machine, playing another platform's builder: its own data root,
# exec root, pid file and bridge, no iptables rules (so it never fights the main engine),
# listening on tcp://127.0.0.1:PORT with TLS from certificates made here with openssl.
#
#   bash scripts/second-engine.sh start DIR   start it; prints the lines to `export` to reach it
#                                             (DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH)
#   bash scripts/second-engine.sh stop DIR    stop it and remove DIR (its data, certificates, log)
#   bash scripts/second-engine.sh base-image DIR IMAGE OS/ARCH
#                                             import a busybox root fs there as IMAGE for platform
#                                             OS/ARCH (the content stays this machine's busybox:
#                                             only the platform metadata matters to an index)
#   bash scripts/second-engine.sh load-as DIR OS/ARCH IMAGE...
#                                             copy images of the main engine there, their configs
#                                             saying OS/ARCH (same layers)
#
# Needs root, Debian's docker.io (dockerd), iproute2 and openssl. Its containers have no way out
# (no NAT): builds there must not download anything.
set -euo pipefail

say() { printf 'second-engine: %s\n' "$*" >&2; }
die() { printf 'second-engine: error: %s\n' "$*" >&2; exit 1; }
# shellcheck source=lib/stop-process.sh
. "$(dirname "$0")/lib/stop-process.sh"

WAIT_SECONDS=${IMGS_SECOND_ENGINE_WAIT_SECONDS:-60}

free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  die "found no free port on 127.0.0.1"
}

# A CA, a server certificate for 127.0.0.1, and a client certificate, as the docker CLI expects
# them in DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem).
make_certificates() { # dir
  local certs=$1/certs
  mkdir -p "$certs"
  (
    cd "$certs"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=imgs test CA" -keyout ca-key.pem -out ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server-key.pem -out server.csr 2>/dev/null
    printf 'subjectAltName = IP:127.0.0.1\nextendedKeyUsage = serverAuth\n' >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 -extfile server.ext -out server-cert.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=imgs test client" -keyout key.pem -out client.csr 2>/dev/null
    printf 'extendedKeyUsage = clientAuth\n' >client.ext
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 -extfile client.ext -out cert.pem 2>/dev/null
    rm -f ./*.csr ./*.ext ./*.srl
  )
}

start() { # dir
  local dir=$1
  [ "$(id -u)" = 0 ] || die "a second dockerd needs root"
  command -v dockerd >/dev/null 2>&1 || die "dockerd is not installed (apt-get install docker.io)"
  mkdir -p "$dir"
  dir=$(realpath "$dir")
  [ -f "$dir/certs/ca.pem" ] || make_certificates "$dir"
  local port
  port=$(free_port)
  echo '{}' >"$dir/daemon.json"
  # A bridge of its own: with --bridge=none, dockerd 20.10 deletes the interface docker0 at start
  # (removeDefaultBridgeInterface), which would cut the main engine's containers off.
  local bridge
  bridge=imgs$(printf '%04x%04x' $RANDOM $RANDOM)
  ip link add name "$bridge" type bridge
  echo "$bridge" >"$dir/bridge"
  setsid dockerd \
    --config-file "$dir/daemon.json" \
    --data-root "$dir/data" \
    --exec-root "$dir/exec" \
    --pidfile "$dir/dockerd.pid" \
    --bridge "$bridge" --iptables=false --ip6tables=false --ip-masq=false --userland-proxy=false \
    --host "tcp://127.0.0.1:$port" \
    --tlsverify --tlscacert "$dir/certs/ca.pem" --tlscert "$dir/certs/server-cert.pem" --tlskey "$dir/certs/server-key.pem" \
    >>"$dir/dockerd.log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
  echo "$port" >"$dir/port"
  local waited=0
  until DOCKER_HOST="tcp://127.0.0.1:$port" DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH="$dir/certs" timeout 5 docker version >/dev/null 2>&1; do
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
      tail -n 10 "$dir/dockerd.log" >&2
      die "dockerd exited at start (log above, from $dir/dockerd.log)"
    fi
    sleep 0.5; waited=$((waited + 1))
    [ "$waited" -lt $((WAIT_SECONDS * 2)) ] || die "the second dockerd did not answer on 127.0.0.1:$port within ${WAIT_SECONDS}s"
  done
  printf 'DOCKER_HOST=tcp://127.0.0.1:%s\nDOCKER_TLS_VERIFY=1\nDOCKER_CERT_PATH=%s\n' "$port" "$dir/certs"
}

stop() { # dir
  local dir=$1
  [ -d "$dir" ] || return 0
  stop_pid_file "$dir/pid" 20
  # The containerd it started (its pid file is under the exec root) must not outlive it.
  stop_pid_file "$dir/exec/containerd/containerd.pid" 5
  if [ -f "$dir/bridge" ]; then ip link delete "$(cat "$dir/bridge")" 2>/dev/null || true; fi
  # Overlay mounts of its data root must go before the folder can.
  local mount
  for mount in $(awk -v prefix="$dir/" 'index($2, prefix) == 1 { print $2 }' /proc/mounts | sort -r); do umount -l "$mount" 2>/dev/null || true; done
  rm -rf "$dir"
}

# The engine of DIR, for the docker CLI.
engine_env() { # dir
  local dir
  dir=$(realpath "$1")
  export DOCKER_HOST="tcp://127.0.0.1:$(cat "$dir/port")" DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH="$dir/certs"
}

# Rewrite the os and architecture of every image config in an unpacked `docker save` folder.
set_platform() { # folder os/arch
  node - "$1" "${2%%/*}" "${2#*/}" <<'NODE'
const fs = require("node:fs"), path = require("node:path"), crypto = require("node:crypto");
const [dir, os, architecture] = process.argv.slice(2);
const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
for (const entry of manifest) {
  const old = entry.Config;
  const config = JSON.parse(fs.readFileSync(path.join(dir, old), "utf8"));
  const text = JSON.stringify({ ...config, os, architecture });
  entry.Config = `${crypto.createHash("sha256").update(text).digest("hex")}.json`;
  fs.writeFileSync(path.join(dir, entry.Config), text);
  if (!manifest.some((e) => e.Config === old)) fs.rmSync(path.join(dir, old), { force: true });
}
fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
fs.rmSync(path.join(dir, "repositories"), { force: true });
NODE
}

# Copy images of the main engine into the second one with another platform in their configs:
# the same layers, as an image built for that platform would have if its content did not matter.
load_as() { # dir os/arch image...
  local dir=$1 platform=$2
  shift 2
  local work
  work=$(mktemp -d -t imgs-images.XXXXXX)
  (unset DOCKER_HOST DOCKER_TLS_VERIFY DOCKER_CERT_PATH DOCKER_CONTEXT; docker save "$@") | tar -x -C "$work"
  set_platform "$work" "$platform"
  engine_env "$dir"
  tar -C "$work" -c . | docker load >/dev/null
  rm -rf "$work"
}

base_image() { # dir image os/arch
  local dir=$1 image=$2 platform=$3
  command -v busybox >/dev/null 2>&1 || [ -x /bin/busybox ] || die "busybox-static is not installed"
  engine_env "$dir"
  local root
  root=$(mktemp -d -t imgs-rootfs.XXXXXX)
  mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/root"
  cp /bin/busybox "$root/bin/busybox"
  local applet
  for applet in $("$root/bin/busybox" --list); do [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"; done
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$root/etc/passwd"
  printf 'root:x:0:\n' >"$root/etc/group"
  chmod 1777 "$root/tmp"
  tar -C "$root" -c . | docker import --platform "$platform" -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' -c 'CMD ["sh"]' - "$image" >/dev/null
  rm -rf "$root"
  local got
  got=$(docker image inspect --format '{{.Os}}/{{.Architecture}}' "$image")
  [ "$got" = "$platform" ] && return 0
  # Engines before 23 ignore the architecture of `docker import --platform`: write it into the
  # image's config (a new config digest) with `docker save` and `docker load`.
  say "the engine imported $image as $got; setting its platform to $platform in its config"
  local work
  work=$(mktemp -d -t imgs-image.XXXXXX)
  docker save "$image" | tar -x -C "$work"
  docker rmi "$image" >/dev/null
  set_platform "$work" "$platform"
  tar -C "$work" -c . | docker load >/dev/null
  rm -rf "$work"
  got=$(docker image inspect --format '{{.Os}}/{{.Architecture}}' "$image")
  [ "$got" = "$platform" ] || die "$image is $got, not $platform"
}

case "${1:-}" in
  start) [ $# -eq 2 ] || die "usage: second-engine.sh start DIR"; start "$2" ;;
  stop) [ $# -eq 2 ] || die "usage: second-engine.sh stop DIR"; stop "$2" ;;
  base-image) [ $# -eq 4 ] || die "usage: second-engine.sh base-image DIR IMAGE OS/ARCH"; base_image "$2" "$3" "$4" ;;
  load-as) [ $# -ge 4 ] || die "usage: second-engine.sh load-as DIR OS/ARCH IMAGE..."; load_as "$2" "$3" "${@:4}" ;;
  *) die "usage: second-engine.sh start DIR | stop DIR | base-image DIR IMAGE OS/ARCH | load-as DIR OS/ARCH IMAGE..." ;;
esac
