#!/usr/bin/env bash
# Runs Debian's RabbitMQ as a child of the AppHost: own data folder, node name, ports and epmd,
# so nothing is shared with a system broker and nothing is left behind when the AppHost stops it.
# Exits 0 only when it was asked to stop (SIGTERM, SIGINT, SIGHUP); when the broker ends by itself
# it exits with the broker's status (128 + the signal's number for a broker killed by one), so the
# AppHost sees a crash as a crash and starts it again.
# Inputs (environment): RABBITMQ_DATA_DIR, RABBITMQ_NODE_PORT, RABBITMQ_MANAGEMENT_PORT,
# RABBITMQ_DIST_PORT, ERL_EPMD_PORT, RABBITMQ_NODENAME, RABBITMQ_TUNING (the Erlang VM's tuning).
set -euo pipefail

: "${RABBITMQ_DATA_DIR:?}" "${RABBITMQ_NODE_PORT:?}" "${RABBITMQ_MANAGEMENT_PORT:?}" "${ERL_EPMD_PORT:?}"
: "${RABBITMQ_NODENAME:=proposalplatform@localhost}"
: "${RABBITMQ_DIST_PORT:=$((RABBITMQ_NODE_PORT + 20000))}"

server=/usr/lib/rabbitmq/bin/rabbitmq-server
if [ ! -x "$server" ]; then
  echo "rabbitmq-server is not installed: run 'apt-get install rabbitmq-server' (the README's commands do)" >&2
  exit 127
fi

mkdir -p "$RABBITMQ_DATA_DIR/mnesia" "$RABBITMQ_DATA_DIR/log"
cat > "$RABBITMQ_DATA_DIR/rabbitmq.conf" <<CONF
listeners.tcp.1 = 127.0.0.1:$RABBITMQ_NODE_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RABBITMQ_MANAGEMENT_PORT
loopback_users.guest = true
log.console = true
log.console.level = info
log.file = false
CONF
# the shovel plugins: moving messages from an _error queue back (ErrorQueueReplay, the management UI's "Move messages")
echo '[rabbitmq_management,rabbitmq_shovel,rabbitmq_shovel_management].' > "$RABBITMQ_DATA_DIR/enabled_plugins"

export HOME="$RABBITMQ_DATA_DIR" # the Erlang cookie lives here
export RABBITMQ_NODENAME RABBITMQ_NODE_PORT RABBITMQ_DIST_PORT ERL_EPMD_PORT
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_CONFIG_FILE="$RABBITMQ_DATA_DIR/rabbitmq.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$RABBITMQ_DATA_DIR/enabled_plugins"
export RABBITMQ_MNESIA_BASE="$RABBITMQ_DATA_DIR/mnesia"
export RABBITMQ_LOG_BASE="$RABBITMQ_DATA_DIR/log"
export RABBITMQ_PID_FILE="$RABBITMQ_DATA_DIR/rabbitmq.pid"
export RABBITMQ_CONF_ENV_FILE=/dev/null
export ERL_EPMD_ADDRESS=127.0.0.1

export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} ${RABBITMQ_TUNING:-}"
# rabbitmq-server then execs the Erlang VM in place, as under systemd, instead of keeping a shell in
# front of it that answers 0 however the VM ended; the VM stops gracefully on SIGTERM itself.
export RUNNING_UNDER_SYSTEMD=true

# Our own epmd, in the foreground as a child of this script rather than the daemon Erlang would
# start (which detaches and outlives everything); it and the broker die with this script, so even a
# script killed outright leaves nothing holding the ports. One left by an unclean stop is ended first.
epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true
setpriv --pdeathsig KILL epmd -port "$ERL_EPMD_PORT" -address 127.0.0.1 &
epmd_pid=$!

child=
stop() {
  if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; fi
  kill -TERM "$epmd_pid" 2>/dev/null || true
  exit 0
}
trap stop TERM INT HUP

setpriv --pdeathsig KILL "$server" &
child=$!
status=0
wait "$child" || status=$?
kill -TERM "$epmd_pid" 2>/dev/null || true
echo "RabbitMQ ended without being asked to (status $status)" >&2
exit $(( status == 0 ? 1 : status ))
