#!/usr/bin/env node
// The offline lint part of @n8n/scan-community-package (the gate n8n runs before verifying a
// package), without its registry/provenance/GitHub steps: the scanner's own analyzePackage()
// with the same file patterns it uses for the source checkout and for the unpacked tarball.
// usage: node scripts/scan-lint.mjs source <repo dir>
//        node scripts/scan-lint.mjs tarball <unpacked package dir>
import { resolve } from 'node:path';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const [leg, dir] = process.argv.slice(2);
const patterns = { source: SOURCE_FILE_PATTERNS, tarball: ['**/*.js', 'package.json'] }[leg];
if (!patterns || !dir) {
	console.error('usage: scan-lint.mjs source|tarball <dir>');
	process.exit(2);
}
const result = await analyzePackage(resolve(dir), patterns);
console.log(JSON.stringify({ leg, dir, ...result, error: undefined }));
process.exit(result.passed ? 0 : 1);
