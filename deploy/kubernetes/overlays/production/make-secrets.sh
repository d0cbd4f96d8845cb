#!/usr/bin/env bash
# Writes the Secrets this overlay's kustomization.yaml names (secrets/*.env) with new random values, each
# file only if it is not there yet: run it once per environment, keep secrets/ safe (it is never committed),
# and keep the files for as long as the data they open (the personal-data key ring above all). A file the
# relay or a rotation needs changed is edited by hand, then `kubectl apply -k` again.
set -euo pipefail
cd "$(dirname "$0")"
umask 077
mkdir -p secrets

hex() { head -c "$1" /dev/urandom | od -An -v -tx1 | tr -d ' \n'; }

write() { # file, then its lines
  local file=secrets/$1
  shift
  if [ -e "$file" ]; then
    echo "kept    $file"
    return
  fi
  printf '%s\n' "$@" >"$file"
  echo "written $file"
}

for file in $(grep -o 'secrets/[a-z0-9-]*\.env' kustomization.yaml | sed 's|secrets/||' | sort -u); do
  case "$file" in
    *db-owner.env | *db-runtime.env)
      # a database role (intakedb-owner.env: the role intakedb_owner) and its password
      role=${file%.env}
      write "$file" "username=${role//-/_}" "password=$(hex 24)"
      ;;
    identity-bootstrap.env)
      # as the AppHost makes them: a password of the identity service's rules, an authenticator key in base32
      write "$file" \
        "Identity__Bootstrap__AdminPassword=Pp-$(hex 12)" \
        "Identity__Bootstrap__AdminAuthenticatorKey=$(head -c 20 /dev/urandom | base32)" \
        "Identity__Bootstrap__OfficeClientSecret=$(hex 24)"
      ;;
    personal-data-keys.env)
      # the ring's first key, k1 (PersonalData__CurrentKey in kustomization.yaml): 32 random bytes
      write "$file" "PersonalData__Keys__k1=$(head -c 32 /dev/urandom | base64)"
      ;;
    mail.env)
      # empty for a relay that takes mail without signing in
      write "$file" "Mail__UserName=" "Mail__Password="
      ;;
    *)
      echo "make-secrets.sh does not know how to make secrets/$file" >&2
      exit 1
      ;;
  esac
done
