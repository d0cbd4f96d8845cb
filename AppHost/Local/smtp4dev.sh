#!/usr/bin/env bash
# Runs smtp4dev, an SMTP server with a web inbox, as a child of the AppHost: the reminder digests of a
# local run land there. Installs the dotnet tool first where it is missing (one folder per version, so
# this is done once), keeps its messages in memory and listens on loopback only.
# Inputs (environment): SMTP_PORT, INBOX_PORT, SMTP4DEV_DATA (its settings folder);
# SMTP4DEV_DIR (where the tool is installed; default under ~/.cache/proposalplatform/tools).
# With --install-only: installs the tool and exits (./platform.sh does, ahead of a run).
set -euo pipefail

version=3.15.0
dir="${SMTP4DEV_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/proposalplatform/tools/smtp4dev-$version}"
tool="$dir/smtp4dev"

if [ ! -x "$tool" ]; then
  mkdir -p "$(dirname "$dir")"
  # two runs starting at once install it once
  (
    flock 9
    if [ ! -x "$tool" ]; then
      echo "Installing smtp4dev $version into $dir..."
      dotnet tool install --tool-path "$dir" Rnwood.Smtp4dev --version "$version" >&2
    fi
  ) 9>"$dir.lock"
fi

if [ "${1:-}" = --install-only ]; then
  exit 0
fi

: "${SMTP_PORT:?}" "${INBOX_PORT:?}" "${SMTP4DEV_DATA:?}"
mkdir -p "$SMTP4DEV_DATA"
# --db= keeps the messages in memory; no IMAP or POP3; the settings of no user folder
exec "$tool" --db= --smtpport="$SMTP_PORT" --bindaddress=127.0.0.1 --imapport= --pop3port= \
  --urls="http://127.0.0.1:$INBOX_PORT" --hostname=localhost --nousersettings --baseappdatapath="$SMTP4DEV_DATA"
