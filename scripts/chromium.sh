#!/bin/bash
# Makes sure Debian's Chromium is here for the browser tests and prints its path.
set -euo pipefail
SCRIPT_NAME=chromium
. "$(dirname "$0")/lib.sh"

path=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$path" ]; then
    apt_install chromium
    [ -x "$path" ] || die "Chromium is not at $path after installing; set CHROMIUM_PATH"
fi
echo "$path"
