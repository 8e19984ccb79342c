# CI steps for the n8n lines other than the one the package builds against (docs/compatibility.md).
# Sourced by .ci/run after the main suites: uses its step() function and $out; each leg is one step.
#
# - matrix folders (npm ci each): n8n-1.85 (oldest supported), n8n-1.123 (newest 1.x), n8n-1.82 (older);
# - nodes/ + credentials/ type-checked against n8n-workflow 1.83.0 (n8n 1.85);
# - unit, engine and harness tests on the n8n-1.85 and n8n-1.123 pairs;
# - npm install as n8n runs it, and each line's package loader;
# - the real-n8n suite's focused subset on every other n8n that installs here (1.85.4, 1.123.81, 2.41.1).
# A leg passes when its failures are exactly those in test/matrix/known-failures.json.

# Each extra n8n costs ~6-8 min to install (cached after) plus ~2-4 min of tests; set
# COMPAT_N8N_VERSIONS to run fewer.
COMPAT_N8N_VERSIONS="${COMPAT_N8N_VERSIONS:-1.85.4 1.123.81 2.41.1}"
compat_e2e_files() { # n8n 1.8x has no `export:nodes`, which the package checks use
	case "$1" in
		1.8*) echo "test/e2e/examples.e2e.test.ts test/e2e/errors.e2e.test.ts" ;;
		*) echo "test/e2e/package.e2e.test.ts test/e2e/examples.e2e.test.ts test/e2e/errors.e2e.test.ts" ;;
	esac
}

for pair in n8n-1.82 n8n-1.85 n8n-1.123; do
	step "matrix-install-$pair" sh -c "cd test/matrix/$pair && npm ci --no-audit --no-fund"
done

step typecheck-oldest-n8n sh -c "npx tsc -p test/matrix/tsconfig.oldest.json --pretty false > $out/tsc-oldest.txt; \
node test/matrix/check-known-failures.js 'typecheck n8n-workflow 1.83.0' $out/tsc-oldest.txt"

for pair in n8n-1.85 n8n-1.123; do
	N8N_MATRIX=$pair npx jest -c test/matrix/jest.matrix.config.js --json --outputFile="$out/jest-$pair.json" > "$out/jest-$pair.log" 2>&1
	step "engine-$pair" node test/matrix/check-known-failures.js "engine $pair" "$out/jest-$pair.json"
done

step compat-install-load npx jest -c test/matrix/jest.compat.config.js

for version in $COMPAT_N8N_VERSIONS; do
	step "n8n-install-$version" bash scripts/n8n-install.sh "$version"
	# shellcheck disable=SC2046 # the file list is meant to split
	N8N_VERSION=$version npx jest -c test/e2e/jest.e2e.config.js $(compat_e2e_files "$version") \
		--json --outputFile="$out/jest-e2e-$version.json" > "$out/jest-e2e-$version.log" 2>&1
	step "e2e-$version" node test/matrix/check-known-failures.js "e2e $version" "$out/jest-e2e-$version.json"
done
