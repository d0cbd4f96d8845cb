#!/usr/bin/env bash
# The platform's two set-up commands:
#   ./platform.sh run    brings up RabbitMQ, PostgreSQL, the four services, the gateway and the Aspire dashboard
#   ./platform.sh test   runs the whole test suite (unit and integration) and prints 'N passed, N failed'
# Both install what a fresh Debian machine with only the .NET SDK lacks, and both can be run again.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# MassTransit 8.5 reports usage to its vendor unless told not to; the platform never calls home.
export MASSTRANSIT_USAGE_TELEMETRY=false

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

container_engine_answers() {
  local runtime="${ASPIRE_CONTAINER_RUNTIME:-${DOTNET_ASPIRE_CONTAINER_RUNTIME:-docker}}"
  command -v "$runtime" >/dev/null 2>&1 && timeout 10 "$runtime" info >/dev/null 2>&1
}

# RabbitMQ and PostgreSQL 15 from Debian's packages, for the AppHost's local mode and the tests.
install_local_servers() {
  local missing=()
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  [ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql-15)
  command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} from Debian's packages..."
    as_root apt-get update -qq
    # Debian would start system-wide servers on the default ports; the platform runs its own on its own ports.
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

case "${1:-}" in
  run)
    if [ "${Infrastructure__Mode:-auto}" != external ] && { [ "${Infrastructure__Mode:-auto}" = local ] || ! container_engine_answers; }; then
      install_local_servers
    fi
    dotnet build AppHost/ProposalPlatform.AppHost.csproj -c Release -v quiet -nologo
    echo "Gateway: http://localhost:5100  (API under /api/, reference UI at /scalar)"
    echo "Dashboard: http://localhost:18888  (the login link with its token follows)"
    if [ "$(id -u)" = 0 ]; then data=/var/lib/proposalplatform; else data="$HOME/.local/share/proposalplatform"; fi
    echo "The proposal office's API key (X-Api-Key): $data/office.key  (made on the first start)"
    exec dotnet run --project AppHost/ProposalPlatform.AppHost.csproj -c Release --no-build --launch-profile http
    ;;
  test)
    install_local_servers # the integration tests always run the servers locally, in throw-away folders
    log=$(mktemp)
    status=0
    dotnet test ProposalPlatform.sln -c Release 2>&1 | tee "$log" || status=$?
    # one summary line per test assembly: "Passed!  - Failed:     0, Passed:   166, Skipped:     0, ..."
    awk -F'[:,]' '/(Passed|Failed)! +- Failed:/ { failed += $2; passed += $4; skipped += $6 }
      END { printf "%d passed, %d failed, %d skipped\n", passed, failed + 0, skipped + 0 }' "$log"
    rm -f "$log"
    exit $status
    ;;
  *)
    echo "usage: ./platform.sh run | test" >&2
    exit 2
    ;;
esac
