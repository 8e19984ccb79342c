/** Real-n8n suite (needs scripts/n8n-install.sh and redis-server): npx jest -c test/e2e/jest.e2e.config.js */
module.exports = {
	rootDir: '../..',
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	testTimeout: 300000,
	// Each test starts n8n processes (~1 GB RAM, CPU-heavy start): one file at a time.
	maxWorkers: 1,
};
