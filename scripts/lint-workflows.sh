#!/usr/bin/env bash
# Lints .github/workflows/*.yml against GitHub's workflow schema with action-validator (WebAssembly,
# from the npm registry: no binary from anywhere else), then proves the linter bites: a copy of
# publish.yml with one broken value must be refused.
set -euo pipefail
cd "$(dirname "$0")/.."

validate() {
	npm exec --yes --package=@action-validator/core@0.6.0 --package=@action-validator/cli@0.6.0 -- action-validator "$1"
}

for f in .github/workflows/*.yml; do
	validate "$f" >/dev/null || { validate "$f" || true; echo "lint-workflows: $f is not a valid workflow" >&2; exit 1; }
	echo "lint-workflows: $f ok"
done

canary_dir="$(mktemp -d)"
trap 'rm -rf "$canary_dir"' EXIT
sed 's/id-token: write/id-token: writ/' .github/workflows/publish.yml >"$canary_dir/publish.yml"
if cmp -s .github/workflows/publish.yml "$canary_dir/publish.yml"; then
	echo "lint-workflows: publish.yml has no 'id-token: write' to break" >&2
	exit 1
fi
if validate "$canary_dir/publish.yml" >/dev/null 2>&1; then
	echo "lint-workflows: action-validator accepted a broken workflow (id-token: writ)" >&2
	exit 1
fi
echo "lint-workflows: a broken copy (id-token: writ) is refused"
