/**
 * The unit, engine and harness tests against another n8n-core + n8n-workflow pair:
 *   N8N_MATRIX=n8n-1.123 npx jest -c test/matrix/jest.matrix.config.js
 * Every dependency the pair's folder declares (test/matrix/<pair>/package.json, installed there
 * with `npm ci`) resolves from that folder for every importer (resolver.js): the nodes, the
 * harness and n8n-core itself then see one copy of each, as inside a real n8n of that line.
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const base = require('../../jest.config.js');

const pair = process.env.N8N_MATRIX;
if (!pair)
	throw new Error('N8N_MATRIX is not set: name a folder under test/matrix (e.g. n8n-1.123)');
const folder = join(__dirname, pair);
const modules = join(folder, 'node_modules');
if (!existsSync(modules))
	throw new Error(`${modules} is missing: run \`npm ci\` in test/matrix/${pair} first`);

module.exports = {
	...base,
	rootDir: join(__dirname, '..', '..'),
	displayName: pair,
	resolver: join(__dirname, 'resolver.js'),
	// test/zod compares zod versions in-process (npm test); the pair does not change that.
	testPathIgnorePatterns: [...base.testPathIgnorePatterns, '/test/zod/'],
	// The pair's own jest cache: transformed files do not depend on it, but module maps do.
	cacheDirectory: join('/tmp', `jest-matrix-${pair}`),
};
