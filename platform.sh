#!/usr/bin/env bash
# The platform's two set-up commands:
#   ./platform.sh run    brings up RabbitMQ, PostgreSQL, the four services, the gateway and the Aspire dashboard
#   ./platform.sh test   runs the whole test suite (unit and integration) and prints 'N passed, N failed'
# Both install what a fresh Debian machine with only the .NET SDK lacks, and both can be run again.
# With the platform running, two helpers print an access token for curl:
#   ./platform.sh token             the proposal office's machine client (office-client.json)
#   ./platform.sh sign-in USER      a person, through the sign-in pages (PASSWORD and CODE or
#                                   AUTHENTICATOR_KEY from the environment, else asked for)
# And one for the reporting service's views:
#   ./platform.sh rebuild-reporting computes them again from its event log (ConnectionStrings__reportingdb,
#                                   else the local PostgreSQL of ./platform.sh run)
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

# Chromium from Debian's packages for the portal's browser tests (Playwright drives it; browsers are
# never downloaded), with the CJK fonts its pages are read in.
install_browser() {
  if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    echo "Installing chromium and fonts-noto-cjk from Debian's packages..."
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fontconfig >/dev/null
  fi
}

# The reply letters' font (the reply service sets its PDF letters in it, read from disk): Debian's
# fonts-lxgw-wenkai, whose faces are TrueType outlines. PDFsharp embeds no font collection (.ttc) and no
# CFF outlines, which is all fonts-noto-cjk has.
install_letter_font() {
  if [ ! -r /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf ]; then
    echo "Installing fonts-lxgw-wenkai (the reply letters' font) from Debian's packages..."
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends fonts-lxgw-wenkai >/dev/null
  fi
}

# Node.js and npm from Debian's packages, for the test that lints the OpenAPI documents with Spectral.
install_node() {
  if ! command -v npx >/dev/null 2>&1; then
    echo "Installing nodejs and npm from Debian's packages..."
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
}

# smtp4dev, the SMTP server with a web inbox that local runs and the tests mail the reminder digests to:
# a dotnet tool from NuGet, installed once under ~/.cache/proposalplatform/tools (the AppHost's script
# would install it on its first start too).
install_mail_server() {
  bash AppHost/Local/smtp4dev.sh --install-only
}

data_directory() {
  if [ "$(id -u)" = 0 ]; then echo /var/lib/proposalplatform; else echo "$HOME/.local/share/proposalplatform"; fi
}

GATEWAY="${GATEWAY:-http://localhost:5100}"

# the value of a field of the JSON on standard input, for the flat answers of the token endpoint and the bootstrap files
json_field() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p" | head -n 1; }

base64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# RFC 6238 TOTP (SHA-1, 30 s, 6 digits) of a base32 key, as an authenticator app shows it
totp() {
  local key counter hmac offset
  key=$(printf '%s' "$1" | tr -d ' =' | tr '[:lower:]' '[:upper:]')
  while [ $(( ${#key} % 8 )) -ne 0 ]; do key="$key="; done
  key=$(printf '%s' "$key" | base32 -d | od -An -v -tx1 | tr -d ' \n')
  counter=$(printf '%016x' $(( $(date +%s) / 30 )))
  hmac=$(printf "$(printf '%s' "$counter" | sed 's/../\\x&/g')" | openssl dgst -sha1 -mac HMAC -macopt "hexkey:$key" -r | cut -d' ' -f1)
  offset=$(( 0x${hmac:39:1} * 2 ))
  printf '%06d\n' $(( (0x${hmac:$offset:8} & 0x7fffffff) % 1000000 ))
}

token_of_office_client() {
  local file id secret
  file="$(data_directory)/office-client.json"
  [ -r "$file" ] || { echo "No $file: start the platform first (./platform.sh run)." >&2; exit 1; }
  id=$(json_field clientId < "$file"); secret=$(json_field clientSecret < "$file")
  curl -sf -X POST "$GATEWAY/connect/token" -d grant_type=client_credentials --data-urlencode "client_id=$id" \
    --data-urlencode "client_secret=$secret" -d scope=api | json_field access_token
}

# The authorization code flow with PKCE, as a browser goes through it: the sign-in form (with its
# antiforgery token), the second factor where the account has one, the code exchanged for a token.
sign_in() {
  local user="$1" password="${PASSWORD:-}" jar page form verifier challenge location code answer
  [ -n "$user" ] || { echo "usage: ./platform.sh sign-in USER" >&2; exit 2; }
  [ -n "$password" ] || { read -rsp "Password for $user: " password; echo >&2; }
  jar=$(mktemp); trap 'rm -f "$jar"' RETURN
  verifier=$(head -c 32 /dev/urandom | base64url)
  challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64url)
  local authorize="/connect/authorize?client_id=platform-cli&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback&scope=openid%20api%20offline_access&code_challenge=$challenge&code_challenge_method=S256&state=cli"
  hidden() { sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" | head -n 1 | sed 's/&amp;/\&/g'; }
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$GATEWAY$authorize")
  page=$(curl -s -c "$jar" -b "$jar" "$location")
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$GATEWAY/account/login" \
    --data-urlencode "userName=$user" --data-urlencode "password=$password" \
    --data-urlencode "returnUrl=$(printf '%s' "$page" | hidden returnUrl)" \
    --data-urlencode "__RequestVerificationToken=$(printf '%s' "$page" | hidden __RequestVerificationToken)")
  [ -n "$location" ] || { echo "Sign-in refused (wrong user name or password, locked out, or disabled)." >&2; exit 1; }
  if [[ "$location" == */account/login-2fa* ]]; then
    code="${CODE:-}"
    [ -n "$code" ] || { [ -n "${AUTHENTICATOR_KEY:-}" ] && code=$(totp "$AUTHENTICATOR_KEY"); }
    [ -n "$code" ] || { read -rp "Authenticator code for $user: " code; }
    page=$(curl -s -c "$jar" -b "$jar" "$location")
    location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$GATEWAY/account/login-2fa" --data-urlencode "code=$code" \
      --data-urlencode "returnUrl=$(printf '%s' "$page" | hidden returnUrl)" \
      --data-urlencode "__RequestVerificationToken=$(printf '%s' "$page" | hidden __RequestVerificationToken)")
    [ -n "$location" ] || { echo "The authenticator code was refused." >&2; exit 1; }
  fi
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$location")
  code=$(printf '%s' "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
  [ -n "$code" ] || { echo "No authorization code came back ($location)." >&2; exit 1; }
  answer=$(curl -s -X POST "$GATEWAY/connect/token" -d grant_type=authorization_code -d client_id=platform-cli \
    --data-urlencode "code=$code" --data-urlencode "redirect_uri=http://127.0.0.1/callback" --data-urlencode "code_verifier=$verifier")
  printf '%s' "$answer" | json_field access_token | grep . || { echo "The token endpoint refused: $answer" >&2; exit 1; }
}

case "${1:-}" in
  run)
    if [ "${Infrastructure__Mode:-auto}" != external ] && { [ "${Infrastructure__Mode:-auto}" = local ] || ! container_engine_answers; }; then
      install_local_servers
    fi
    if [ -z "${Mail__Host:-}" ]; then
      install_mail_server
    fi
    install_letter_font
    dotnet build AppHost/ProposalPlatform.AppHost.csproj -c Release -v quiet -nologo
    echo "Mail: http://localhost:24080/  (smtp4dev's inbox: the units' reminder digests; none with Mail__Host set)"
    echo "Portal: http://localhost:5100/  (sign in as a person; the API under /api/, its reference UI at /scalar)"
    echo "Dashboard: http://localhost:18888  (the login link with its token follows)"
    data=$(data_directory)
    echo "Sign-in for the proposal office (made on the first start): $data/office-admin.json (a person, with the authenticator key)"
    echo "  and $data/office-client.json (its scripts' machine client); ./platform.sh token prints an access token"
    # the built AppHost itself with its launch profile's settings (the "http" profile of AppHost/Properties/launchSettings.json):
    # `dotnet run` would stay alive above it, one more process of 130 MiB; what is set already is kept
    export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:18888}" DOTNET_LAUNCH_PROFILE=http \
      ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}" \
      ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="${ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL:-http://localhost:18889}" \
      ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="${ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL:-http://localhost:18890}" \
      ASPIRE_ALLOW_UNSECURED_TRANSPORT="${ASPIRE_ALLOW_UNSECURED_TRANSPORT:-true}"
    exec AppHost/bin/Release/net10.0/ProposalPlatform.AppHost
    ;;
  test)
    install_local_servers # the integration tests always run the servers locally, in throw-away folders
    install_node
    install_browser
    install_mail_server
    install_letter_font
    log=$(mktemp)
    status=0
    dotnet test ProposalPlatform.sln -c Release 2>&1 | tee "$log" || status=$?
    # every failed test again, its message and the top of its stack, so the end of the output says what failed
    awk '/^  Failed [A-Za-z]/ { shown = 0; keep = 1; if (!heading++) print "\nWhat failed:" }
      /^  Stack Trace:/ { stack = 0 } keep && /^     at / && ++stack > 8 { keep = 0 } keep && shown++ < 40 { print }
      /^$/ { keep = 0 }' "$log"
    # one summary line per test assembly: "Passed!  - Failed:     0, Passed:   166, Skipped:     0, ..."
    awk -F'[:,]' '/(Passed|Failed)! +- Failed:/ { failed += $2; passed += $4; skipped += $6 }
      END { printf "%d passed, %d failed, %d skipped\n", passed, failed + 0, skipped + 0 }' "$log"
    rm -f "$log"
    exit $status
    ;;
  token)
    token_of_office_client
    ;;
  sign-in)
    sign_in "${2:-}"
    ;;
  rebuild-reporting)
    if [ -z "${ConnectionStrings__reportingdb:-}" ]; then
      password_file="$(data_directory)/postgres.password"
      [ -r "$password_file" ] || { echo "No $password_file: start the platform once (./platform.sh run), or set ConnectionStrings__reportingdb." >&2; exit 1; }
      export ConnectionStrings__reportingdb="Host=127.0.0.1;Port=${Infrastructure__Local__PostgresPort:-24432};Database=reportingdb;Username=postgres;Password=$(cat "$password_file")"
    fi
    dotnet build Services/Reporting/ProposalPlatform.Reporting.csproj -c Release -v quiet -nologo
    exec dotnet Services/Reporting/bin/Release/net10.0/ProposalPlatform.Reporting.dll rebuild
    ;;
  *)
    echo "usage: ./platform.sh run | test | token | sign-in USER | rebuild-reporting" >&2
    exit 2
    ;;
esac
