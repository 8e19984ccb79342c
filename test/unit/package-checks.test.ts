/**
 * The package checks (scripts/packages/checks.ts) on small hand-made packages: a good one passes,
 * and each rule fails on the package that breaks it. And packages/<id>/ is in step with platforms.json.
 */
import {
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	unlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { checkPackage, type Check } from '../../scripts/packages/checks';
import {
	loadPlatforms,
	REPO_ROOT,
	sourcePaths,
	type Platform,
} from '../../scripts/packages/platforms';
import { checkStub, syncStubs } from '../../scripts/packages/stubs';

const { platforms, allInOne } = loadPlatforms(REPO_ROOT);
const keitaro = platforms.find((p) => p.id === 'keitaro') as Platform;
const dirs: string[] = [];

afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function write(root: string, rel: string, text: string): void {
	mkdirSync(dirname(join(root, rel)), { recursive: true });
	writeFileSync(join(root, rel), text);
}

const nodeJs = (description: Record<string, unknown>, extra = ''): string =>
	`${extra}class Keitaro { constructor() { this.description = ${JSON.stringify(description)}; } }\nmodule.exports = { Keitaro };\n`;

const goodNode = {
	displayName: 'Keitaro',
	name: 'keitaro',
	icon: 'file:keitaro.svg',
	group: ['transform'],
	version: 1,
	usableAsTool: true,
	credentials: [{ name: 'keitaroApi', required: true }],
	properties: [],
};

const credJs = (fields: string): string =>
	`class KeitaroApi { constructor() { this.name = 'keitaroApi'; this.displayName = 'Keitaro API'; this.icon = 'file:../nodes/Keitaro/keitaro.svg'; this.documentationUrl = 'https://example.com/docs'; this.properties = []; ${fields} } }\nmodule.exports = { KeitaroApi };\n`;

/** A minimal single-service package for Keitaro that follows every rule. */
function goodPackage(): string {
	const dir = mkdtempSync(join(tmpdir(), 'pkg-check-'));
	dirs.push(dir);
	write(
		dir,
		'package.json',
		JSON.stringify({
			name: keitaro.package.name,
			version: '0.1.0',
			license: 'MIT',
			keywords: ['n8n-community-node-package'],
			files: ['dist'],
			n8n: {
				n8nNodesApiVersion: 1,
				credentials: ['dist/credentials/KeitaroApi.credentials.js'],
				nodes: ['dist/nodes/Keitaro/Keitaro.node.js'],
			},
			peerDependencies: { 'n8n-workflow': '*' },
		}),
	);
	write(dir, 'README.md', '# Keitaro\n');
	write(dir, 'LICENSE', 'MIT\n');
	write(
		dir,
		'dist/nodes/Keitaro/Keitaro.node.js',
		nodeJs(
			goodNode,
			'require("../shared/core");\nif (false) require("n8n-workflow"); // seen by the import check, not run\n',
		),
	);
	write(dir, 'dist/nodes/shared/core.js', 'module.exports = {};\n');
	write(dir, 'dist/nodes/Keitaro/keitaro.svg', '<svg/>');
	write(
		dir,
		'dist/nodes/Keitaro/Keitaro.node.json',
		JSON.stringify({ node: `${keitaro.package.name}.keitaro` }),
	);
	write(
		dir,
		'dist/credentials/KeitaroApi.credentials.js',
		credJs(`this.test = { request: { url: '/users' } };`),
	);
	return dir;
}

function edit(dir: string, rel: string, change: (text: string) => string): void {
	writeFileSync(join(dir, rel), change(readFileSync(join(dir, rel), 'utf8')));
}

function editManifest(dir: string, change: (m: Record<string, unknown>) => void): void {
	edit(dir, 'package.json', (t) => {
		const m = JSON.parse(t) as Record<string, unknown>;
		change(m);
		return JSON.stringify(m);
	});
}

const run = (dir: string): Check[] => checkPackage(dir, { platform: keitaro, platforms });
const failed = (dir: string): Record<string, string> =>
	Object.fromEntries(
		run(dir)
			.filter((c) => !c.ok)
			.map((c) => [c.name, c.detail]),
	);

describe('package checks', () => {
	it('a package that follows the rules passes every check', () => {
		const checks = run(goodPackage());
		expect(checks.map((c) => c.name)).toEqual([
			'manifest',
			'no-dependencies',
			'nodes',
			'credentials',
			'credential-tests',
			'usable-as-tool',
			'icons',
			'imports',
			'codex',
			'no-other-platform',
		]);
		expect(checks.filter((c) => !c.ok)).toEqual([]);
	});

	it('a runtime dependency, an install script or a missing keyword fail', () => {
		const dir = goodPackage();
		editManifest(dir, (m) => {
			m.dependencies = { axios: '^1.0.0' };
			m.scripts = { postinstall: 'node x.js' };
			m.keywords = [];
		});
		expect(failed(dir)).toEqual({
			manifest: 'keyword n8n-community-node-package missing; install-time scripts: postinstall',
			'no-dependencies': 'runtime dependency axios',
		});
	});

	it('a second regular node fails "exactly one"', () => {
		const dir = goodPackage();
		write(
			dir,
			'dist/nodes/Other/Other.node.js',
			nodeJs({ ...goodNode, name: 'other' }).replace(/Keitaro/g, 'Other'),
		);
		editManifest(dir, (m) => {
			(m.n8n as { nodes: string[] }).nodes.push('dist/nodes/Other/Other.node.js');
		});
		expect(failed(dir).nodes).toMatch(
			/^n8n\.nodes is \[.*Other\.node\.js\], expected \[dist\/nodes\/Keitaro\/Keitaro\.node\.js\]; 2 regular nodes \(keitaro, other\), expected exactly one; unexpected node names: other$/,
		);
	});

	it('a credential without a test fails, unless it is OAuth2', () => {
		const dir = goodPackage();
		write(dir, 'dist/credentials/KeitaroApi.credentials.js', credJs(''));
		expect(failed(dir)).toEqual({ 'credential-tests': 'keitaroApi has no test' });
		const oauth = goodPackage(); // a fresh path: required modules are cached per path
		write(
			oauth,
			'dist/credentials/KeitaroApi.credentials.js',
			credJs(`this.extends = ['oAuth2Api'];`),
		);
		expect(failed(oauth)).toEqual({});
	});

	it("another platform's credential, or one the node does not use, fails", () => {
		const dir = goodPackage();
		write(
			dir,
			'dist/credentials/KeitaroApi.credentials.js',
			credJs(`this.test = {}; this.name = 'keepnetOAuth2Api';`),
		);
		expect(failed(dir).credentials).toBe(
			'credential types [keepnetOAuth2Api], expected [keitaroApi]; credentials no node uses: keepnetOAuth2Api; nodes use credentials the package lacks: keitaroApi',
		);
	});

	it('a node without usableAsTool fails', () => {
		const dir = goodPackage();
		write(
			dir,
			'dist/nodes/Keitaro/Keitaro.node.js',
			nodeJs({ ...goodNode, usableAsTool: undefined }),
		);
		expect(failed(dir)).toEqual({ 'usable-as-tool': 'keitaro lacks usableAsTool' });
	});

	it('an icon that is not in the package fails', () => {
		const dir = goodPackage();
		unlinkSync(join(dir, 'dist/nodes/Keitaro/keitaro.svg'));
		expect(failed(dir)).toEqual({
			icons:
				'dist/nodes/Keitaro/Keitaro.node.js: file:keitaro.svg is not in the package; dist/credentials/KeitaroApi.credentials.js: file:../nodes/Keitaro/keitaro.svg is not in the package',
		});
	});

	it('an import of another module, or of a file outside the package, fails', () => {
		const dir = goodPackage();
		edit(
			dir,
			'dist/nodes/shared/core.js',
			(t) =>
				`if (false) {\nrequire("axios");\nrequire('../../../Chat/x');\nrequire("zod/v4");\n}\n${t}`,
		);
		expect(failed(dir)).toEqual({
			imports:
				'dist/nodes/shared/core.js: imports axios; dist/nodes/shared/core.js: ../../../Chat/x is not in the package',
		});
	});

	it('a codex naming another package fails', () => {
		const dir = goodPackage();
		write(
			dir,
			'dist/nodes/Keitaro/Keitaro.node.json',
			JSON.stringify({ node: `${allInOne.package}.keitaro` }),
		);
		expect(failed(dir)).toEqual({
			codex: `dist/nodes/Keitaro/Keitaro.node.json names ${allInOne.package}.keitaro`,
		});
	});

	it('any file naming another platform fails, with file and line (case-insensitive)', () => {
		const dir = goodPackage();
		edit(dir, 'dist/nodes/shared/core.js', (t) => `${t}// works like the CHATWOOT client\n`);
		edit(dir, 'README.md', (t) => `${t}\nSee also davintoo.\n`);
		expect(failed(dir)).toEqual({
			'no-other-platform':
				'README.md:3 names "Davintoo"; dist/nodes/shared/core.js:2 names "Chatwoot"',
		});
	});

	it('the all-in-one may hold every platform, but not fewer nodes than platforms.json lists', () => {
		const dir = goodPackage();
		const checks = checkPackage(dir, { platforms });
		expect(checks.map((c) => c.name)).not.toContain('no-other-platform');
		expect(checks.find((c) => c.name === 'nodes')?.ok).toBe(false);
	});
});

describe('packages/<id>/ stubs', () => {
	it('the root README\'s "Which package?" table names every package in platforms.json', () => {
		const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
		const table = readme.slice(
			readme.indexOf('### Which package?'),
			readme.indexOf('### How to install'),
		);
		for (const name of [...platforms.map((p) => p.package.name), allInOne.package])
			expect(table).toContain(`| \`${name}\` |`);
	});

	it('the committed stubs match platforms.json (run npm run packages:sync after changing it)', () => {
		expect(Object.fromEntries(platforms.map((p) => [p.id, checkStub(REPO_ROOT, p)]))).toEqual(
			Object.fromEntries(platforms.map((p) => [p.id, []])),
		);
	});

	it('a stale manifest, a wrong link, a stray file and a missing changelog entry are reported', () => {
		const root = mkdtempSync(join(tmpdir(), 'stub-check-'));
		dirs.push(root);
		for (const f of ['platforms.json', 'package.json'])
			copyFileSync(join(REPO_ROOT, f), join(root, f));
		for (const src of platforms.flatMap(sourcePaths)) {
			if (src.endsWith('.ts')) write(root, src, '');
			else mkdirSync(join(root, src), { recursive: true });
		}
		syncStubs(root, platforms, allInOne.package);
		expect(checkStub(root, keitaro)).toEqual([]);

		edit(root, 'packages/keitaro/package.json', (t) =>
			t.replace('"n8n-community-node-package",', ''),
		);
		unlinkSync(join(root, 'packages/keitaro/nodes/shared'));
		symlinkSync('../../../nodes/Chatwoot', join(root, 'packages/keitaro/nodes/shared'));
		symlinkSync('../../../nodes/Chatwoot', join(root, 'packages/keitaro/nodes/Chatwoot'));
		edit(root, 'packages/keitaro/CHANGELOG.md', (t) => t.replace('- 0.1.0', '- 0.0.9'));
		expect(checkStub(root, keitaro)).toEqual([
			'packages/keitaro/package.json is not what platforms.json gives: run npm run packages:sync',
			'packages/keitaro/CHANGELOG.md has no entry "- 0.1.0: ..." for the package\'s version',
			'packages/keitaro/nodes/Chatwoot should not be there',
			'packages/keitaro/nodes/shared should be a link to ../../../nodes/shared: run npm run packages:sync',
		]);
	});
});
