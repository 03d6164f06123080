# Sourced by the scripts that start daemons of their own (registry.sh, second-engine.sh).

# stop_pid_file FILE SECONDS: end the process whose pid FILE holds, if it is alive: SIGTERM, then
# SIGKILL when it has not gone within SECONDS.
stop_pid_file() {
  local file=$1 seconds=$2 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq $((seconds * 10))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
