#!/usr/bin/env bash
# Creates a throwaway SoftHSM2 token for development and tests (never for real keys: the PINs appear
# on command lines). Usage: scripts/softhsm-token.sh DIR LABEL SO_PIN USER_PIN
# Prints SOFTHSM2_CONF=… and SOFTHSM2_MODULE=… lines; export SOFTHSM2_CONF before using the module.
set -euo pipefail
if [ $# -ne 4 ]; then
  echo "usage: $0 DIR LABEL SO_PIN USER_PIN" >&2
  exit 64
fi
dir=$1 label=$2 so_pin=$3 pin=$4

if ! command -v softhsm2-util >/dev/null 2>&1; then
  echo "softhsm2-util not found: install SoftHSM2 and OpenSC with scripts/install-system-deps.sh" >&2
  exit 69
fi
module=
for candidate in ${SOFTHSM2_MODULE:-} /usr/lib/softhsm/libsofthsm2.so /usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so \
  /usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so /usr/lib64/pkcs11/libsofthsm2.so /usr/local/lib/softhsm/libsofthsm2.so \
  /opt/homebrew/lib/softhsm/libsofthsm2.so; do
  if [ -f "$candidate" ]; then module=$candidate; break; fi
done
if [ -z "$module" ]; then
  echo "libsofthsm2.so not found (set SOFTHSM2_MODULE): install SoftHSM2 with scripts/install-system-deps.sh" >&2
  exit 69
fi

mkdir -p "$dir/tokens"
dir=$(cd "$dir" && pwd)
cat >"$dir/softhsm2.conf" <<CONF
directories.tokendir = $dir/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
CONF
SOFTHSM2_CONF="$dir/softhsm2.conf" softhsm2-util --init-token --free --label "$label" --so-pin "$so_pin" --pin "$pin" >/dev/null
echo "SOFTHSM2_CONF=$dir/softhsm2.conf"
echo "SOFTHSM2_MODULE=$module"
