#!/usr/bin/env bash
# Runs Debian's PostgreSQL 15 as a child of the AppHost on its own data folder and port.
# PostgreSQL refuses to run as root, so as root the server runs as the 'postgres' user
# (setpriv execs in place, so the signal the AppHost sends reaches the server itself).
# Exits 0 only when it was asked to stop (SIGTERM, SIGINT, SIGHUP); when the server ends by itself
# it exits with the server's status (128 + the signal's number for a server killed by one), so the
# AppHost sees a crash as a crash and starts it again.
# Inputs (environment): PGDATA_DIR, PGPORT, POSTGRES_PASSWORD; arguments: the server's settings
# ("-c name=value" ...), passed on to postgres.
set -euo pipefail

: "${PGDATA_DIR:?}" "${PGPORT:?}" "${POSTGRES_PASSWORD:?}"
bin=/usr/lib/postgresql/15/bin
if [ ! -x "$bin/postgres" ]; then
  echo "PostgreSQL 15 is not installed: run 'apt-get install postgresql-15' (the README's commands do)" >&2
  exit 127
fi

# the server dies with this script, so a script killed outright leaves no server holding the port;
# as root it runs as the postgres user
launch=(setpriv --pdeathsig KILL)
if [ "$(id -u)" = 0 ]; then
  launch+=(--reuid=postgres --regid=postgres --init-groups --inh-caps=-all)
  mkdir -p "$PGDATA_DIR"
  chown postgres:postgres "$PGDATA_DIR"
  chmod 700 "$PGDATA_DIR"
  # every folder above the data folder must be traversable by the postgres user
  d=$(dirname "$PGDATA_DIR"); while [ "$d" != / ]; do chmod o+x "$d" 2>/dev/null || true; d=$(dirname "$d"); done
fi

if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  chmod 644 "$pwfile"
  "${launch[@]}" "$bin/initdb" -D "$PGDATA_DIR" -U postgres --pwfile="$pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
fi

"${launch[@]}" "$bin/postgres" -D "$PGDATA_DIR" -p "$PGPORT" \
  -c listen_addresses=127.0.0.1 -c unix_socket_directories='' "$@" &
child=$!

# PostgreSQL grows a table by writing empty pages and never asks the kernel to write them out (its
# *_flush_after settings cover only the pages it writes later). The kernel writes dirty pages back
# once they are 30 s old, all of a file's at once: 30 s after the assigning office's batches came in,
# 120-150 MB in a fraction of a second, and every commit's WAL flush waited behind it (one stall of
# 230 ms in every request). Syncing the data's file system each second writes them in small parts.
( while kill -0 "$child" 2>/dev/null; do sleep 1; sync -f "$PGDATA_DIR" || true; done ) &
flusher=$!

# SIGINT is PostgreSQL's fast shutdown: it does not wait for clients to disconnect.
asked_to_stop=
trap 'asked_to_stop=1; kill -INT "$child" 2>/dev/null || true' TERM INT HUP
# a trapped signal ends 'wait' early (status > 128) while the server is still shutting down: wait again
status=0
while kill -0 "$child" 2>/dev/null; do status=0; wait "$child" || status=$?; done
kill "$flusher" 2>/dev/null || true
if [ -n "$asked_to_stop" ]; then
  exit 0
fi
echo "PostgreSQL ended without being asked to (status $status)" >&2
exit $(( status == 0 ? 1 : status ))
