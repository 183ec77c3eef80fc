#!/usr/bin/env bash
# `npm run setup:browsers` (and .ci/run): installs what the browser and HTML tests drive, Debian's
# Chromium and a Java runtime (for the Nu HTML Checker), with apt-get when run as root on Debian.
# Otherwise it says what is missing and stops. `npm test` only checks (scripts/check-browsers.sh).
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the browser and HTML tests…"
  export DEBIAN_FRONTEND=noninteractive
  # Slim images drop man pages; the JRE's postinst fails without this directory.
  mkdir -p /usr/share/man/man1
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "The tests need: ${missing[*]}. Install them (e.g. sudo apt-get install ${missing[*]}), or set CHROMIUM_PATH." >&2
exit 1
