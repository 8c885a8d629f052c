#!/usr/bin/env bash
# Installs what the browser test needs into .e2e/ at the repository root (git-ignored): Debian's
# chromium and playwright-core, pinned to the versions the VS Code test uses, so the two share them;
# Debian's firefox-esr, and for it playwright-core 1.64.1, the newest whose WebDriver BiDi commands
# Firefox ESR 153 knows (1.65 sends emulation.setMediaFeaturesOverride, which it does not).
# A step already done is skipped.
set -euo pipefail
cd "$(dirname "$0")/../../.."
# Run from a pnpm script, npm would inherit pnpm's npm_config_* settings.
while read -r name; do unset "$name"; done < <(env | grep -io '^npm_[a-z0-9_]*' || true)
PLAYWRIGHT_VERSION=1.65.1
PLAYWRIGHT_FIREFOX_VERSION=1.64.1
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
if ((${#missing[@]})); then
  echo "web e2e setup: apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# playwright-core at a version, into a folder of .e2e/.
install_playwright() {
  local folder=$1 version=$2
  if [[ ! -f .e2e/$folder/node_modules/playwright-core/package.json ]] || ! grep -q "\"version\": \"$version\"" ".e2e/$folder/node_modules/playwright-core/package.json"; then
    echo "web e2e setup: playwright-core $version in .e2e/$folder"
    npm install --loglevel=error --no-audit --no-fund --prefix ".e2e/$folder" "playwright-core@$version"
  fi
}
install_playwright pw "$PLAYWRIGHT_VERSION"
install_playwright pw-firefox "$PLAYWRIGHT_FIREFOX_VERSION"
