/**
 * The six packages from `npm run pack:all` inside a real n8n:
 * - each single-service package installed ALONE into a fresh user folder: it loads with no warning,
 *   offers its node and the node's AI-tool variant and nothing else, and its example workflow (node
 *   types renamed to the package) runs against the sandbox sending exactly what the all-in-one sends;
 * - the all-in-one and the Keitaro package SIDE BY SIDE: both load and both nodes run with the one
 *   stored credential, but n8n keeps one definition per credential type name for both packages and
 *   lists the type twice to the editor. Hence README: install one or the other.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { INodeTypeDescription } from 'n8n-workflow';

import { buildAll, type BuiltPackage } from '../../scripts/packages/build';
import { readExample, retarget, type ExampleWorkflow } from '../../scripts/packages/example';
import { loadPlatforms, type Platform } from '../../scripts/packages/platforms';
import { startSandbox, type Sandbox } from '../sandbox';
import type { LoggedRequest } from '../sandbox/types';
import { exampleCredentials, REPO_ROOT } from './examples';
import {
	createUserFolder,
	executeWorkflow,
	importCredentials,
	importWorkflows,
	login,
	ownerEnv,
	runN8n,
	startN8n,
	stopAll,
	type CliResult,
	type ExecuteResult,
	type UserFolder,
	type WorkflowFile,
} from './n8n';
import { warningsAboutPackage } from './package-warnings';

const { platforms, allInOne } = loadPlatforms(REPO_ROOT);
const folders: UserFolder[] = [];
let built: BuiltPackage[];
let sandbox: Sandbox;
/** What the all-in-one's example for each platform sent (from the side-by-side folder). */
const reference: Record<string, string[]> = {};

/** The suite packs its own copies (not dist-packages/, which holds what check:packages checked). */
const OUT = join(REPO_ROOT, '.build', 'e2e-packages');
const tarballOf = (id: string): string =>
	join(OUT, built.find((b) => b.id === id)?.tarball ?? `missing-${id}`);
const nameOf = (p: Platform): string => p.package.name;

/** A request as compared between packages: what went out, not when or with which token. */
const wire = (r: LoggedRequest): string =>
	`${r.method} ${r.path} ${JSON.stringify(r.query)} ${JSON.stringify(r.body ?? null)}`;

function credentialsFor(p: Platform): ReturnType<typeof exampleCredentials> {
	const types = new Set(p.credentials.map((c) => c.type));
	return exampleCredentials(sandbox).filter((c) => types.has(c.type));
}

/** `n8n export:nodes` at debug level (n8n then also logs what it loaded from each package). */
async function exportNodesDebug(
	folder: UserFolder,
): Promise<{ types: INodeTypeDescription[]; log: CliResult }> {
	const file = join(folder.dir, 'nodes.json');
	const log = await runN8n({ ...folder, env: { ...folder.env, N8N_LOG_LEVEL: 'debug' } }, [
		'export:nodes',
		`--output=${file}`,
	]);
	if (log.code !== 0) throw new Error(`export:nodes failed:\n${log.stdout}\n${log.stderr}`);
	return { types: JSON.parse(await readFile(file, 'utf8')) as INodeTypeDescription[], log };
}

const text = (logs: CliResult[]): string => logs.map((l) => `${l.stdout}\n${l.stderr}`).join('\n');

async function runExample(
	folder: UserFolder,
	id: string,
): Promise<{ res: ExecuteResult; sent: LoggedRequest[] }> {
	sandbox.reset();
	const res = await executeWorkflow(folder, id);
	const why = res.run?.data.resultData.error?.message ?? res.stderr.slice(-1500);
	expect({ id, ok: res.ok, why }).toEqual({ id, ok: true, why: expect.anything() });
	return { res, sent: [...sandbox.log] };
}

interface Installed {
	folder: UserFolder;
	types: INodeTypeDescription[];
	/** Output of every n8n CLI call made while setting the folder up. */
	logs: CliResult[];
}

/** A fresh user folder with these tarballs, credentials and workflows imported, and its node types. */
async function install(
	tarballs: string[],
	creds: ReturnType<typeof exampleCredentials>,
	workflows: WorkflowFile[],
): Promise<Installed> {
	const folder = await createUserFolder({
		packageTarball: tarballs[0],
		extraTarballs: tarballs.slice(1),
	});
	folders.push(folder);
	const logs = [await importCredentials(folder, creds), await importWorkflows(folder, workflows)];
	const exported = await exportNodesDebug(folder);
	return { folder, types: exported.types, logs: [...logs, exported.log] };
}

/** Runs the jobs two at a time: n8n CLI calls are CPU-bound and CI has two cores. */
async function twoAtATime<T>(jobs: Array<() => Promise<T>>): Promise<T[]> {
	const results: T[] = new Array(jobs.length);
	let next = 0;
	const lane = async (): Promise<void> => {
		while (next < jobs.length) {
			const i = next++;
			results[i] = await jobs[i]();
		}
	};
	await Promise.all([lane(), lane()]);
	return results;
}

const keitaro = platforms.find((p) => p.id === 'keitaro') as Platform;
const examples: Record<string, ExampleWorkflow> = Object.fromEntries(
	platforms.map((p) => [p.id, readExample(REPO_ROOT, p.example.file)]),
);
const singleExamples: Record<string, WorkflowFile> = Object.fromEntries(
	platforms.map((p) => [p.id, retarget(examples[p.id], allInOne.package, nameOf(p))]),
);
/** The Keitaro package's example beside the all-in-one's (another id). */
const sideExample: WorkflowFile = {
	...singleExamples.keitaro,
	id: 'exKeitaroSingle1',
	name: `${nameOf(keitaro)} example`,
};
let side: Installed;
const alone: Record<string, Installed> = {};

beforeAll(async () => {
	built = buildAll(REPO_ROOT, OUT);
	({ sandbox } = await startSandbox());
	// The first folder builds the cached template DB if there is none; not two at once.
	folders.push(await createUserFolder());
	const jobs = [
		async () => {
			side = await install([tarballOf('all'), tarballOf(keitaro.id)], exampleCredentials(sandbox), [
				...Object.values(examples),
				sideExample,
			]);
		},
		...platforms.map((p) => async () => {
			alone[p.id] = await install([tarballOf(p.id)], credentialsFor(p), [singleExamples[p.id]]);
		}),
	];
	await twoAtATime(jobs);
});

afterAll(async () => {
	await stopAll();
	await sandbox?.stop();
	await Promise.all(folders.map((f) => f.cleanup()));
});

describe('the all-in-one and a single-service package side by side', () => {
	const single = nameOf(keitaro);

	beforeAll(async () => {
		// The all-in-one's examples, run once here: the single packages must send the same.
		for (const p of platforms)
			reference[p.id] = (await runExample(side.folder, p.example.id)).sent.map(wire);
	});

	it('both load, with no warning, each with its own node types', () => {
		const log = text(side.logs);
		expect(log).toMatch(
			new RegExp(`Loaded all credentials and nodes from ${single}.*"credentials": 1, "nodes": 1`),
		);
		const allCredentials = platforms.flatMap((p) => p.credentials).length;
		const allNodes = platforms.length + platforms.filter((p) => p.triggerNode).length;
		expect(log).toMatch(
			new RegExp(
				`Loaded all credentials and nodes from ${allInOne.package}.*"credentials": ${allCredentials}, "nodes": ${allNodes}`,
			),
		);
		expect([...warningsAboutPackage(log), ...warningsAboutPackage(log, single)]).toEqual([]);
		const names = side.types.map((t) => t.name);
		expect(names).toEqual(
			expect.arrayContaining([
				`${allInOne.package}.keitaro`,
				`${single}.keitaro`,
				`${single}.keitaroTool`,
			]),
		);
	});

	it('both nodes run with the one stored credential and send the same requests', async () => {
		const { res, sent } = await runExample(side.folder, sideExample.id);
		expect(sent.map(wire)).toEqual(reference.keitaro);
		expect(sent.length).toBeGreaterThan(0);
		const used = sideExample.nodes
			.filter((n) => n.type.startsWith(`${single}.`))
			.map((n) => n.credentials?.keitaroApi?.id);
		expect(new Set(used)).toEqual(new Set([keitaro.credentials[0].exampleId]));
		expect(Object.keys(res.run?.data.resultData.runData ?? {}).sort()).toEqual(
			sideExample.nodes.map((n) => n.name).sort(),
		);
	});

	it("n8n keeps ONE definition per credential type name, used by both packages' nodes", async () => {
		// Two releases whose keitaroApi differ: each copy sends its own extra header.
		const file = (pkg: string): string =>
			join(
				side.folder.dir,
				'.n8n',
				'nodes',
				'node_modules',
				pkg,
				'dist',
				'credentials',
				`${keitaro.credentials[0].file}.credentials.js`,
			);
		const originals: Array<[string, string]> = [];
		for (const [pkg, tag] of [
			[single, 'single'],
			[allInOne.package, 'all-in-one'],
		]) {
			const original = await readFile(file(pkg), 'utf8');
			// authenticate = headerAuth('Api-Key', 'apiKey'): wrapped so that this copy adds its header.
			const patched = original.replace(
				/authenticate = (\(0, auth_1\.headerAuth\)\('Api-Key', 'apiKey'\));/,
				`authenticate = async (c, r) => { const out = await $1(c, r); return { ...out, headers: { ...out.headers, 'X-Package': '${tag}' } }; };`,
			);
			expect(patched).not.toEqual(original);
			originals.push([file(pkg), original]);
			await writeFile(file(pkg), patched);
		}
		try {
			const header = async (id: string): Promise<string | undefined> =>
				(await runExample(side.folder, id)).sent[0]?.headers['x-package'];
			const viaAllInOne = await header(keitaro.example.id);
			const viaSingle = await header(sideExample.id);
			// Whichever package n8n loaded last (directory order, not fixed) defines keitaroApi for BOTH nodes.
			expect(['single', 'all-in-one']).toContain(viaAllInOne);
			expect(viaSingle).toBe(viaAllInOne);
		} finally {
			for (const [f, text] of originals) await writeFile(f, text);
		}
	});

	it('the editor is sent the credential type twice (once per package)', async () => {
		const owner = {
			email: 'owner@example.com',
			password: 'E2e-Passw0rd',
			firstName: 'Side',
			lastName: 'BySide',
		};
		const n8n = await startN8n(side.folder, { env: ownerEnv(owner) });
		try {
			const s = await login(n8n.baseUrl, owner.email, owner.password);
			const res = await fetch(`${n8n.baseUrl}/types/credentials.json`, {
				headers: { cookie: s.cookie, 'browser-id': s.browserId },
			});
			const credTypes = (await res.json()) as Array<{ name: string; supportedNodes?: string[] }>;
			const keitaroTypes = credTypes.filter((t) => t.name === 'keitaroApi');
			expect(keitaroTypes.map((t) => t.supportedNodes).sort()).toEqual(
				[[`${allInOne.package}.keitaro`], [`${single}.keitaro`]].sort(),
			);
			expect(warningsAboutPackage(n8n.logs(), single)).toEqual([]);
		} finally {
			await n8n.stop();
		}
	});
});

describe.each(platforms.map((p) => [p.package.name, p] as const))(
	'%s installed alone',
	(name, p) => {
		it('loads its one node and its credentials with no warning; offers the node and its AI-tool variant only', () => {
			const { folder, types, logs } = alone[p.id];
			expect(folder.packageName).toBe(name);
			const log = text(logs);
			// One regular node, and the platform's trigger where it has one (allowed in a verified package).
			const nodes = p.triggerNode ? 2 : 1;
			expect(log).toMatch(
				new RegExp(
					`Loaded all credentials and nodes from ${name}.*"credentials": ${p.credentials.length}, "nodes": ${nodes}\\b`,
				),
			);
			expect(warningsAboutPackage(log, name)).toEqual([]);
			const community = types
				.map((t) => t.name)
				.filter((t) => !t.startsWith('n8n-nodes-base.') && !t.startsWith('@n8n/'));
			const trigger = p.triggerNode ? [`${name}.${p.triggerNode.name}`] : [];
			expect(community.sort()).toEqual(
				[`${name}.${p.nodeName}`, `${name}.${p.nodeName}Tool`, ...trigger].sort(),
			);
			const tool = types.find((t) => t.name === `${name}.${p.nodeName}Tool`);
			expect(JSON.stringify(tool?.outputs)).toContain('ai_tool');
			const node = types.find((t) => t.name === `${name}.${p.nodeName}`);
			// A hidden base credential (only extended by another one) is not offered on the node.
			expect(node?.credentials?.map((c) => c.name).sort()).toEqual(
				p.credentials
					.filter((c) => !c.hidden)
					.map((c) => c.type)
					.sort(),
			);
		});

		it('runs its example workflow against the sandbox, sending exactly what the all-in-one sends', async () => {
			const { res, sent } = await runExample(alone[p.id].folder, p.example.id);
			expect(Object.keys(res.run?.data.resultData.runData ?? {}).sort()).toEqual(
				singleExamples[p.id].nodes.map((n) => n.name).sort(),
			);
			expect(new Set(sent.map((r) => r.platform))).toEqual(new Set([p.id]));
			expect(sent.length).toBeGreaterThan(0);
			expect(sent.map(wire)).toEqual(reference[p.id]);
		});
	},
);
