/**
 * Publishing: a tag selects exactly one tarball and only at the package's own version, and the
 * publish workflow listens for one tag pattern per package in platforms.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { BuiltPackage } from '../../scripts/packages/build';
import { loadPlatforms, REPO_ROOT } from '../../scripts/packages/platforms';
import { releaseTarget } from '../../scripts/packages/release';

const pkg = (id: string, name: string, version: string): BuiltPackage => ({
	kind: id === 'all' ? 'allInOne' : 'single',
	id,
	name,
	version,
	dir: '',
	tarball: `${name}-${version}.tgz`,
	sourceDir: id === 'all' ? '.' : `packages/${id}`,
});

const built = [
	pkg('keitaro', 'n8n-nodes-keitaro-users', '0.2.0'),
	pkg('all', 'n8n-nodes-user-provisioning', '0.1.0'),
];

describe('release tags', () => {
	it("<platform>-v<version> publishes that platform's tarball; v<version> the all-in-one", () => {
		expect(releaseTarget('keitaro-v0.2.0', built)).toEqual({
			name: 'n8n-nodes-keitaro-users',
			version: '0.2.0',
			tarball: 'dist-packages/n8n-nodes-keitaro-users-0.2.0.tgz',
		});
		expect(releaseTarget('v0.1.0', built).name).toBe('n8n-nodes-user-provisioning');
	});

	it("refuses a tag whose version is not the package's, an unknown platform, and other tags", () => {
		expect(() => releaseTarget('keitaro-v0.3.0', built)).toThrow(
			'tag "keitaro-v0.3.0" says 0.3.0, but packages/keitaro/package.json says n8n-nodes-keitaro-users@0.2.0: bump the version there first',
		);
		expect(() => releaseTarget('v0.2.0', built)).toThrow(
			'but package.json says n8n-nodes-user-provisioning@0.1.0',
		);
		expect(() => releaseTarget('zendesk-v1.0.0', built)).toThrow('no package "zendesk"');
		expect(() => releaseTarget('release-2026', built)).toThrow('is neither v<version>');
	});

	it('publish.yml listens for v* and <id>-v* for every platform in platforms.json, and nothing else', () => {
		const yml = readFileSync(join(REPO_ROOT, '.github', 'workflows', 'publish.yml'), 'utf8');
		const tagBlock = /^ {4}tags:\n((?: {6}- .*\n)+)/m.exec(yml)?.[1] ?? '';
		const tags = [...tagBlock.matchAll(/- '([^']+)'/g)].map((m) => m[1]);
		const { platforms } = loadPlatforms(REPO_ROOT);
		expect(tags.sort()).toEqual(['v*', ...platforms.map((p) => `${p.id}-v*`)].sort());
		expect(yml).toMatch(/id-token: write/);
		expect(yml).toMatch(/npm publish "\$TARBALL" --provenance --access public/);
	});
});
