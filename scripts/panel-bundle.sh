#!/usr/bin/env bash
# Rebuilds the committed panel bundle (web/bundle/), which the server embeds when the machine has no Node. Run it, and
# commit web/bundle/, whenever web/src changes: a server test (PanelBundleTests) fails while the committed bundle
# differs from a fresh build. Needs Node 20+ and npm.
set -euo pipefail
cd "$(dirname "$0")/../web"
# npm ci when package.json or the lock changed since the last one (the build's rule, web/panel.targets).
stamp=node_modules/.errortrace-npm-ci
if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error && touch "$stamp"
fi
node node_modules/typescript/bin/tsc --noEmit -p .
node build.mjs --outdir bundle
echo "web/bundle/ rebuilt: $(ls bundle | tr '\n' ' ')— commit it with your panel change."
