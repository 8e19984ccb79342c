/**
 * Install and load checks across n8n lines (test/matrix/*.compat.ts): the packed package as
 * n8n's npm commands install it and as each line's n8n-core loads it. Needs `npm run build` and
 * `npm ci` in test/matrix/n8n-1.82, n8n-1.85, n8n-1.123:
 *   npx jest -c test/matrix/jest.compat.config.js
 */
const base = require('../../jest.config.js');

module.exports = {
	...base,
	rootDir: require('node:path').join(__dirname, '..', '..'),
	roots: ['<rootDir>/test/matrix'],
	testMatch: ['**/*.compat.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 240000,
};
