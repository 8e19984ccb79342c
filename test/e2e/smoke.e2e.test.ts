/**
 * Smoke test of the real-n8n harness: CLI import/execute, community package loading, a regular
 * `n8n start` with owner setup + login, and queue mode (redis + main + worker) over a webhook.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IConnections, INode } from 'n8n-workflow';
import {
	createUserFolder,
	executeWorkflow,
	exportNodes,
	importCredentials,
	importWorkflow,
	login,
	n8nPaths,
	nodeOutput,
	ownerEnv,
	packPackage,
	publishWorkflow,
	setupOwner,
	startN8n,
	startRedis,
	startWorker,
	stopAll,
	waitForWebhook,
	type Owner,
	type UserFolder,
	type WorkflowFile,
} from './n8n';

const repoRoot = join(__dirname, '..', '..');
const folders: UserFolder[] = [];
const timings: Record<string, number> = {};
let scratch = '';

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
	const t = Date.now();
	const out = await fn();
	timings[label] = Date.now() - t;
	return out;
}

async function folder(packageTarball?: string): Promise<UserFolder> {
	const label = `createUserFolder#${folders.length + 1}${packageTarball ? '+package' : ''}`;
	const f = await timed(label, () => createUserFolder({ packageTarball }));
	folders.push(f);
	return f;
}

function node(
	name: string,
	type: string,
	typeVersion: number,
	parameters: INode['parameters'],
	x: number,
): INode {
	return { id: `${name}-id`, name, type, typeVersion, position: [x, 0], parameters };
}

function setNode(fields: Record<string, string>): INode {
	const assignments = Object.entries(fields).map(([name, value], i) => ({
		id: `a${i}`,
		name,
		value,
		type: 'string',
	}));
	return node(
		'Set',
		'n8n-nodes-base.set',
		3.4,
		{ mode: 'manual', assignments: { assignments }, options: {} },
		200,
	);
}

const owner: Owner = {
	email: 'owner@example.com',
	password: 'E2e-Passw0rd',
	firstName: 'Test',
	lastName: 'Owner',
};
const toSet: IConnections[string] = { main: [[{ node: 'Set', type: 'main', index: 0 }]] };

beforeAll(async () => {
	n8nPaths(); // clear message when the install is missing
	scratch = await mkdtemp(join(tmpdir(), 'n8n-smoke-'));
});

afterAll(async () => {
	await stopAll();
	await Promise.all(folders.map((f) => f.cleanup()));
	if (scratch) await rm(scratch, { recursive: true, force: true });
	console.log(`real-n8n smoke timings (ms): ${JSON.stringify(timings)}`);
});

describe('real n8n 2.40.7', () => {
	test('CLI: import a credential and a Manual Trigger + Set + HTTP Request workflow, execute it', async () => {
		// A loopback API that echoes the Authorization header n8n sends.
		const api = createServer((req, res) => {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify({ authorization: req.headers.authorization ?? null }));
		});
		await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
		const { port } = api.address() as AddressInfo;
		try {
			const f = await folder();
			await timed('importCredentials', () =>
				importCredentials(f, [
					{
						id: 'smokeCred000001',
						name: 'e2e basic',
						type: 'httpBasicAuth',
						data: { user: 'e2e-user', password: 'e2e-pass' },
					},
				]),
			);
			const http = node(
				'HTTP',
				'n8n-nodes-base.httpRequest',
				4.2,
				{
					method: 'GET',
					url: `http://127.0.0.1:${port}/echo`,
					authentication: 'genericCredentialType',
					genericAuthType: 'httpBasicAuth',
					options: {},
				},
				400,
			);
			http.credentials = { httpBasicAuth: { id: 'smokeCred000001', name: 'e2e basic' } };
			const wf: WorkflowFile = {
				id: 'smokeCli0000001',
				name: 'smoke cli',
				nodes: [
					node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0),
					setNode({ greeting: 'hello from n8n' }),
					http,
				],
				connections: { Start: toSet, Set: { main: [[{ node: 'HTTP', type: 'main', index: 0 }]] } },
			};
			await timed('importWorkflow', () => importWorkflow(f, wf));
			const res = await timed('executeWorkflow', () => executeWorkflow(f, wf.id));
			expect({
				ok: res.ok,
				code: res.code,
				signal: res.signal,
				stderr: res.stderr.slice(-2000),
			}).toMatchObject({ ok: true });
			expect(nodeOutput(res.run, 'Set')[0].json).toEqual({ greeting: 'hello from n8n' });
			const basic = `Basic ${Buffer.from('e2e-user:e2e-pass').toString('base64')}`;
			expect(nodeOutput(res.run, 'HTTP')[0].json).toEqual({ authorization: basic });
		} finally {
			api.close();
		}
	});

	test('a packed community package is loaded from <folder>/.n8n/nodes/node_modules', async () => {
		const pkgDir = join(scratch, 'fixture');
		await mkdir(join(pkgDir, 'dist'), { recursive: true });
		await writeFile(
			join(pkgDir, 'package.json'),
			JSON.stringify({
				name: 'n8n-nodes-e2e-fixture',
				version: '0.0.1',
				license: 'MIT',
				files: ['dist'],
				n8n: { n8nNodesApiVersion: 1, credentials: [], nodes: ['dist/E2eFixture.node.js'] },
			}),
		);
		const description = {
			displayName: 'E2E Fixture',
			name: 'e2eFixture',
			group: ['transform'],
			version: 1,
			description: 'fixture',
			defaults: { name: 'E2E Fixture' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		};
		await writeFile(
			join(pkgDir, 'dist', 'E2eFixture.node.js'),
			`class E2eFixture { constructor() { this.description = ${JSON.stringify(description)}; }\n` +
				'  async execute() { return [this.getInputData()]; } }\nmodule.exports = { E2eFixture };\n',
		);
		const tarball = await packPackage(pkgDir, scratch);
		const f = await folder(tarball);
		expect(f.packageName).toBe('n8n-nodes-e2e-fixture');
		const types = await timed('exportNodes', () => exportNodes(f));
		expect(types.map((t) => t.name)).toContain('n8n-nodes-e2e-fixture.e2eFixture');
	});

	test('this repo package (dist/, if built) loads its node types', async () => {
		const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
			name: string;
			n8n: { nodes: string[] };
		};
		const built =
			pkg.n8n.nodes.length > 0 && pkg.n8n.nodes.every((p) => existsSync(join(repoRoot, p)));
		if (!built) {
			console.log('dist/ not built: skipping the repo package check');
			return;
		}
		const f = await folder(await packPackage(repoRoot, scratch));
		const ours = (await exportNodes(f)).filter((t) => t.name.startsWith(`${pkg.name}.`));
		expect(ours.length).toBeGreaterThanOrEqual(pkg.n8n.nodes.length);
	});

	test('regular mode: start, set up the owner, log in', async () => {
		const f = await folder();
		const n8n = await timed('startN8n(regular)', () => startN8n(f));
		const created = await setupOwner(n8n.baseUrl, owner);
		expect(created.email).toBe(owner.email);
		const session = await login(n8n.baseUrl, owner.email, owner.password);
		expect(session.user.email).toBe(owner.email);
		expect(session.user.role).toBe('global:owner');
		await expect(setupOwner(n8n.baseUrl, owner)).rejects.toThrow(/400/);
		await timed('stop(regular)', () => n8n.stop());
	});

	test('queue mode: owner from env; a published webhook workflow runs on the worker', async () => {
		const f = await folder();
		const wf: WorkflowFile = {
			id: 'smokeQueue00001',
			name: 'smoke queue',
			nodes: [
				{
					...node(
						'Webhook',
						'n8n-nodes-base.webhook',
						2,
						{ httpMethod: 'GET', path: 'e2e-smoke', responseMode: 'lastNode', options: {} },
						0,
					),
					webhookId: '0b7f7a4e-4c59-4f4e-9a39-2f0e3c1d5a11',
				},
				setNode({ executionId: '={{ $execution.id }}', via: 'queue' }),
			],
			connections: { Webhook: toSet },
		};
		await importWorkflow(f, wf);
		await timed('publishWorkflow', () => publishWorkflow(f, wf.id));
		const redis = await timed('startRedis', () => startRedis());
		const [main, worker] = await timed('start(main+worker)', () =>
			Promise.all([
				startN8n(f, { mode: 'queue', redis, env: ownerEnv(owner) }),
				startWorker(f, { redis }),
			]),
		);
		// The owner came from env (N8N_INSTANCE_OWNER_*), not from /rest/owner/setup.
		expect((await login(main.baseUrl, owner.email, owner.password)).user.role).toBe('global:owner');
		await timed('waitForWebhook', () => waitForWebhook(main, 'e2e-smoke'));
		const res = await fetch(`${main.baseUrl}/webhook/e2e-smoke`);
		const body = (await res.json()) as { executionId: string; via: string };
		expect(res.status).toBe(200);
		expect(body.via).toBe('queue');
		expect(main.logs()).toContain(`Enqueued execution ${body.executionId}`);
		// The log line can trail the HTTP answer by a moment.
		for (
			let i = 0;
			i < 40 && !worker.logs().includes(`Worker finished execution ${body.executionId}`);
			i++
		) {
			await new Promise((r) => setTimeout(r, 250));
		}
		expect(worker.logs()).toContain(`Worker started execution ${body.executionId}`);
		expect(worker.logs()).toContain(`Worker finished execution ${body.executionId}`);
		await timed('stop(queue)', () => Promise.all([main.stop(), worker.stop()]));
		await redis.stop();
	});
});
