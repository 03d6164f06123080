#!/usr/bin/env bash
# A local OCI registry (Debian's docker-registry) on 127.0.0.1, for the tests, the bench and the
# README's example; Debian's skopeo beside it, to check what the registry holds with a client
# that shares no code with imgs.
#
#   bash scripts/registry.sh install                  docker-registry, skopeo, htpasswd (as root, from Debian)
#   bash scripts/registry.sh start DIR [--htpasswd F] start one on a free port; data and log in DIR;
#                                                     prints its address, 127.0.0.1:PORT
#   bash scripts/registry.sh stop DIR                 stop the one started in DIR and remove DIR
#   bash scripts/registry.sh address DIR              print the address of the one running in DIR
#
# DIR must not exist or be empty. The engine pushes to 127.0.0.0/8 over plain HTTP, so no TLS.
# Starting again in a stopped DIR (after `kill`, as the failure tests do) keeps its data.
set -euo pipefail

say() { printf 'registry: %s\n' "$*" >&2; }
die() { printf 'registry: error: %s\n' "$*" >&2; exit 1; }
# shellcheck source=lib/stop-process.sh
. "$(dirname "$0")/lib/stop-process.sh"

PACKAGES=(docker-registry skopeo apache2-utils curl openssl)
WAIT_SECONDS=${IMGS_REGISTRY_WAIT_SECONDS:-30}

install() {
  local missing=()
  for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    die "missing Debian packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})"
  fi
  say "installing ${missing[*]} from Debian"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# A port nothing listens on now; the registry itself is the final judge (see start).
free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  die "found no free port on 127.0.0.1"
}

write_config() { # dir port htpasswd
  local auth=""
  if [ -n "$3" ]; then
    auth=$(printf 'auth:\n  htpasswd:\n    realm: imgs-test\n    path: %s\n' "$3")
  fi
  cat >"$1/config.yml" <<EOF
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $1/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$2
$auth
EOF
}

answers() { # address
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://$1/v2/" 2>/dev/null || true)
  [ "$code" = 200 ] || [ "$code" = 401 ]
}

start() { # dir [--htpasswd file]
  local dir=$1 htpasswd=""
  shift
  if [ "${1:-}" = --htpasswd ]; then htpasswd=$(realpath "$2"); fi
  command -v docker-registry >/dev/null 2>&1 || die "docker-registry is not installed (bash scripts/registry.sh install)"
  mkdir -p "$dir"
  dir=$(realpath "$dir")
  local port
  # A stopped registry is started again on its old port, so references in its data stay valid.
  if [ -f "$dir/port" ]; then port=$(cat "$dir/port"); else port=$(free_port); fi
  [ -f "$dir/config.yml" ] || write_config "$dir" "$port" "$htpasswd"
  setsid docker-registry serve "$dir/config.yml" >>"$dir/registry.log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$dir/pid"
  echo "$port" >"$dir/port"
  local waited=0
  until answers "127.0.0.1:$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 5 "$dir/registry.log" >&2
      die "docker-registry exited at start (log above, from $dir/registry.log)"
    fi
    sleep 0.2; waited=$((waited + 1))
    [ "$waited" -lt $((WAIT_SECONDS * 5)) ] || die "docker-registry did not answer on 127.0.0.1:$port within ${WAIT_SECONDS}s"
  done
  echo "127.0.0.1:$port"
}

stop() { # dir
  local dir=$1
  [ -d "$dir" ] || return 0
  stop_pid_file "$dir/pid" 5
  rm -rf "$dir"
}

case "${1:-}" in
  install) install ;;
  start) [ $# -ge 2 ] || die "usage: registry.sh start DIR [--htpasswd FILE]"; start "${@:2}" ;;
  stop) [ $# -eq 2 ] || die "usage: registry.sh stop DIR"; stop "$2" ;;
  address) [ -f "${2:-}/port" ] || die "no registry was started in ${2:-DIR}"; echo "127.0.0.1:$(cat "$2/port")" ;;
  *) die "usage: registry.sh install | start DIR [--htpasswd FILE] | stop DIR | address DIR" ;;
esac
