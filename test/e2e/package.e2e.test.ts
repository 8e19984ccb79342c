/**
 * The packed package as n8n sees it: its node types (with AI-tool variants) load, n8n logs no
 * warning about its files, and the tarball and sources pass the lint part of
 * @n8n/scan-community-package (offline: scripts/scan-lint.mjs).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { INodeTypeDescription } from 'n8n-workflow';

import { REPO_ROOT } from './examples';
import { run, runN8n, type CliResult, type Env } from './n8n';
import { warningsAboutPackage } from './package-warnings';
import { PACKAGE_NAME, setUpN8n, type E2eEnv } from './setup';

const NODES = ['keitaro', 'keepnet', 'chatwoot', 'activePlatform', 'davintoo'];
let env: E2eEnv;
let types: INodeTypeDescription[];
const logs: CliResult[] = [];

beforeAll(async () => {
	env = await setUpN8n();
	const file = join(env.folder.dir, 'nodes.json');
	// At debug level n8n also reports what it loaded from each package.
	const res = await runN8n({ ...env.folder, env: { ...env.folder.env, N8N_LOG_LEVEL: 'debug' } }, [
		'export:nodes',
		`--output=${file}`,
	]);
	logs.push(...env.setupLogs, res);
	if (res.code !== 0) throw new Error(`export:nodes failed:\n${res.stdout}\n${res.stderr}`);
	types = JSON.parse(await readFile(file, 'utf8')) as INodeTypeDescription[];
});
afterAll(async () => env?.close());

describe('the packed package inside n8n', () => {
	it('loads all five nodes (and the Chatwoot Trigger) and their eight credentials under the package name', () => {
		const ours = types.filter((t) => t.name.startsWith(`${PACKAGE_NAME}.`));
		for (const n of NODES) {
			const type = ours.find((t) => t.name === `${PACKAGE_NAME}.${n}`);
			expect(type).toBeDefined();
			expect(type?.credentials?.length).toBeGreaterThan(0);
		}
		const creds = ours.flatMap((t) => (t.credentials ?? []).map((c) => c.name));
		expect(new Set(creds)).toEqual(
			new Set([
				'keitaroApi',
				'keepnetOAuth2Api',
				'chatwootPlatformApi',
				'chatwootApi',
				'chatwootAgentBotApi',
				'chatwootClientApi',
				'activePlatformApi',
				'davintooApi',
			]),
		);
		const trigger = ours.find((t) => t.name === `${PACKAGE_NAME}.chatwootTrigger`);
		expect(trigger?.group).toEqual(['trigger']);
		expect(trigger?.webhooks?.length).toBe(1);
	});

	it('offers each node as an AI tool (usableAsTool): the <name>Tool variants exist with ai_tool output', () => {
		for (const n of NODES) {
			const tool = types.find((t) => t.name === `${PACKAGE_NAME}.${n}Tool`);
			expect(tool).toBeDefined();
			expect(JSON.stringify(tool?.outputs)).toContain('ai_tool');
			expect(tool?.properties.some((p) => p.name === 'toolDescription')).toBe(true);
		}
	});

	it('n8n prints no warning or error about the package or its files (import, export:nodes)', () => {
		const text = logs.map((l) => `${l.stdout}\n${l.stderr}`).join('\n');
		// Eight credentials the nodes use, plus keepnetBaseApi (hidden: it only orders Keepnet's form); five nodes and the Chatwoot Trigger.
		expect(text).toMatch(
			new RegExp(
				`Loaded all credentials and nodes from ${PACKAGE_NAME}.*"credentials": 9, "nodes": 6`,
			),
		);
		expect(warningsAboutPackage(text)).toEqual([]);
	});

	it('passes the lint part of @n8n/scan-community-package, on the sources and on the unpacked tarball', async () => {
		const unpacked = join(env.scratch, 'unpacked');
		await mkdir(unpacked, { recursive: true });
		expect(
			(await run('tar', ['-xzf', env.tarball, '-C', unpacked, '--strip-components=1'])).code,
		).toBe(0);
		// Not jest's env: eslint-plugin-n8n-nodes-base changes its filename rules under NODE_ENV=test.
		const nodeEnv: Env = {
			PATH: process.env.PATH ?? '/usr/bin:/bin',
			HOME: process.env.HOME ?? '/tmp',
		};
		const scan = (leg: string, dir: string) =>
			run(process.execPath, [join(REPO_ROOT, 'scripts', 'scan-lint.mjs'), leg, dir], {
				env: nodeEnv,
				cwd: REPO_ROOT,
			});
		for (const [leg, dir] of [
			['source', REPO_ROOT],
			['tarball', unpacked],
		]) {
			const res = await scan(leg, dir);
			expect({ leg, code: res.code, out: res.code ? res.stdout + res.stderr : '' }).toEqual({
				leg,
				code: 0,
				out: '',
			});
			expect(JSON.parse(res.stdout)).toMatchObject({ leg, passed: true });
		}
		// The tarball leg really lints the shipped files: a console call in dist/ is caught.
		await writeFile(join(unpacked, 'dist', 'nodes', 'canary.js'), 'console.log("x");\n');
		const canary = await scan('tarball', unpacked);
		expect(canary.code).toBe(1);
		expect(canary.stdout).toContain('no-console');
	});
});
