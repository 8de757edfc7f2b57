#!/bin/sh
# Builds the site's CSS and JavaScript from the npm packages pinned in package-lock.json.
# Run by `make run` and `make test`; reinstalls npm packages only when the lock file changed.
set -eu
cd "$(dirname "$0")/.."

if ! command -v npm >/dev/null 2>&1; then
    echo "build_frontend: npm is missing. Install Node.js 20 and npm (Debian: apt-get install nodejs npm)." >&2
    exit 1
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi

out=commons/static/commons/build
mkdir -p "$out"
node_modules/.bin/sass --quiet-deps --no-source-map --style=compressed \
    --load-path=node_modules commons/frontend/commons.scss "$out/commons.css"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/govuk-frontend.min.js"
echo "build_frontend: built $out"
