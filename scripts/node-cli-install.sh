#!/usr/bin/env bash
# Installs @n8n/node-cli (n8n's `n8n-node` tool: its strict lint is what n8n's reviewers expect)
# into a cache folder outside the repo, once. Not a devDependency: its tree pulls in ~600 packages
# (700 MB), a pnpm-only preinstall and a native module that builds only on Node 24.
# `npm run check:packages` runs `n8n-node lint` from here on each package.
#
# Usage: scripts/node-cli-install.sh            install if needed, print the folder
# Env:   N8N_CACHE_DIR  cache root (default: $HOME/.cache/n8n-nodes-user-provisioning)
set -euo pipefail

NODE_CLI_VERSION="0.48.3"
CACHE_ROOT="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-user-provisioning}"
DIR="$CACHE_ROOT/node-cli-$NODE_CLI_VERSION"
MARKER="$DIR/.installed"
BIN="$DIR/node_modules/.bin/n8n-node"

if [[ -f "$MARKER" && -x "$BIN" ]]; then
  echo "$DIR"
  exit 0
fi

start=$SECONDS
rm -rf "$DIR"
mkdir -p "$DIR"
NPM_TMP_CACHE="$(mktemp -d)"
trap 'rm -rf "$NPM_TMP_CACHE"' EXIT
export npm_config_cache="$NPM_TMP_CACHE"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel=error npm_config_package_lock=false

echo "node-cli-install: @n8n/node-cli@$NODE_CLI_VERSION -> $DIR (about a minute)" >&2
# --ignore-scripts: a lint plugin's preinstall insists on pnpm; lint needs no install script.
(cd "$DIR" && echo '{"private":true}' >package.json &&
  npm install "@n8n/node-cli@$NODE_CLI_VERSION" --ignore-scripts --no-save >&2)
"$BIN" --version >/dev/null
date -u +%FT%TZ >"$MARKER"
echo "node-cli-install: done in $((SECONDS - start)) s, $(du -sh "$DIR" | cut -f1)" >&2
echo "$DIR"
