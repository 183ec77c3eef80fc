#!/usr/bin/env bash
# Runs before `npm test`: the browser and HTML tests need Chromium and a Java runtime. This only
# checks; it never installs anything (`npm run setup:browsers` does, when asked).
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium" ] || missing+=("Chromium (looked for $chromium)")
command -v java >/dev/null 2>&1 || missing+=("a Java runtime (for the Nu HTML Checker)")
[ ${#missing[@]} -eq 0 ] && exit 0

{
  echo "npm test builds the site and drives it in a browser, and this machine lacks:"
  printf '  - %s\n' "${missing[@]}"
  echo "Fix: run \`npm run setup:browsers\` (installs them with apt-get on Debian as root; elsewhere it"
  echo "names the packages), or set CHROMIUM_PATH to a Chromium you have."
  echo "Without a browser, \`npm run test:unit\` runs the unit and fixture tests."
} >&2
exit 1
