#!/usr/bin/env bash
# Installs what the browser test needs into .e2e/ at the repository root (git-ignored): Debian's
# chromium and playwright-core, pinned to the versions the VS Code test uses, so the two share them.
# A step already done is skipped.
set -euo pipefail
cd "$(dirname "$0")/../../.."
# Run from a pnpm script, npm would inherit pnpm's npm_config_* settings.
while read -r name; do unset "$name"; done < <(env | grep -io '^npm_[a-z0-9_]*' || true)
PLAYWRIGHT_VERSION=1.65.1
if ! command -v chromium >/dev/null; then
  echo "web e2e setup: apt-get install chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [[ ! -f .e2e/pw/node_modules/playwright-core/package.json ]] || ! grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" .e2e/pw/node_modules/playwright-core/package.json; then
  echo "web e2e setup: playwright-core $PLAYWRIGHT_VERSION"
  npm install --loglevel=error --no-audit --no-fund --prefix .e2e/pw "playwright-core@$PLAYWRIGHT_VERSION"
fi
