import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { REPO_ROOT } from '../test/e2e/examples';
import {
	createUserFolder,
	type Env,
	executeWorkflow,
	importCredentials,
	importWorkflows,
	packPackage,
	type UserFolder,
	type WorkflowFile,
} from '../test/e2e/n8n';
import { KEITARO_SANDBOX_KEY } from '../test/sandbox/platforms/keitaro';
import type { RemoteSandbox } from './remote-sandbox';

/**
 * Keitaro creates in the real n8n of the e2e suite, through n8n's own HTTP Request node or through
 * our Keitaro node from the packed package (installed as users get it). Time is the node's own
 * execution time from the run data (n8n start-up excluded).
 */
export interface RealRunResult {
	ms: number;
	/** CPU time (user + system) of the whole n8n process that ran the workflow, in ms. */
	cpuMs: number;
	items: number;
	created: number;
	duplicates: number;
	errorItems: number;
	status: string;
}

export type RealNode =
	| { kind: 'http'; options: IDataObject; continueOnFail?: boolean }
	| { kind: 'ours'; options: IDataObject }
	/** Only the items, no node under test: the CPU the rest of the run costs. */
	| { kind: 'none' };

const CREDENTIAL_ID = 'benchKeitaroCred';
const NODE_NAME = 'Under Test';

function makeItems(n: number, tag: string): INode {
	return {
		id: 'c',
		name: 'Make Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [200, 0],
		parameters: {
			jsCode: `return Array.from({ length: ${n} }, (_, i) => ({ json: { login: '${tag}.' + i } }));`,
		},
	};
}

function nodeUnderTest(
	base: string,
	node: Exclude<RealNode, { kind: 'none' }>,
	packageName: string,
): INode {
	if (node.kind === 'ours') {
		return {
			id: 'k',
			name: NODE_NAME,
			type: `${packageName}.keitaro`,
			typeVersion: 1,
			position: [400, 0],
			onError: 'continueRegularOutput',
			credentials: { keitaroApi: { id: CREDENTIAL_ID, name: 'Keitaro (bench)' } },
			parameters: {
				resource: 'user',
				operation: 'create',
				inputMode: 'fields',
				login: '={{ $json.login }}',
				password: 'S3cret-pass',
				type: 'USER',
				options: node.options as INodeParameters,
			},
		};
	}
	return {
		id: 'h',
		name: NODE_NAME,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [400, 0],
		...(node.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		parameters: {
			method: 'POST',
			url: `${base}/keitaro/admin_api/v1/users`,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Api-Key', value: KEITARO_SANDBOX_KEY }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody:
				"={{ JSON.stringify({ login: $json.login, type: 'USER', new_password: 'S3cret-pass', new_password_confirmation: 'S3cret-pass' }) }}",
			options: node.options as INodeParameters,
		},
	};
}

/** One n8n user folder with our package installed and a credential for the sandbox. */
export class RealN8n {
	private counter = 0;

	private constructor(
		private readonly folder: UserFolder,
		private readonly scratch: string,
		private readonly cpuDir: string,
		private readonly packageName: string,
		private readonly sandbox: RemoteSandbox,
	) {}

	/**
	 * `env` reaches every n8n process of the folder (e.g. NODE_OPTIONS for a CPU profile);
	 * `packageDir` packs another build of the package (default: this repository).
	 */
	static async open(
		sandbox: RemoteSandbox,
		env: Env = {},
		packageDir = REPO_ROOT,
	): Promise<RealN8n> {
		const scratch = await mkdtemp(join(tmpdir(), 'bench-n8n-'));
		const tarball = await packPackage(packageDir, scratch);
		// Each n8n process writes its CPU time when it exits (CPU time does not grow with the machine's load as wall time does).
		const cpuDir = join(scratch, 'cpu');
		await mkdir(cpuDir);
		const preload = join(scratch, 'cpu-at-exit.js');
		await writeFile(
			preload,
			"process.on('exit', () => { try { require('fs').writeFileSync(require('path').join(process.env.BENCH_CPU_DIR, process.pid + '.json'), JSON.stringify({ argv: process.argv, cpu: process.cpuUsage() })); } catch {} });\n",
		);
		const options = [env.NODE_OPTIONS, `--require=${preload}`].filter(Boolean).join(' ');
		const folder = await createUserFolder({
			packageTarball: tarball,
			env: { ...env, NODE_OPTIONS: options, BENCH_CPU_DIR: cpuDir },
		});
		await importCredentials(folder, [
			{
				id: CREDENTIAL_ID,
				name: 'Keitaro (bench)',
				type: 'keitaroApi',
				data: { url: sandbox.urlOf('/keitaro'), apiKey: KEITARO_SANDBOX_KEY },
			},
		]);
		return new RealN8n(
			folder,
			scratch,
			cpuDir,
			folder.packageName ?? 'n8n-nodes-user-provisioning',
			sandbox,
		);
	}

	/** Workflows are imported together (one CLI call: ~4 s each saved), then run one by one. */
	async importAll(n: number, nodes: RealNode[]): Promise<Array<{ id: string; tag: string }>> {
		const plan = nodes.map((node) => {
			const k = this.counter++;
			return { id: `benchReal${String(k).padStart(7, '0')}`, tag: `r${k}`, node };
		});
		const workflows: WorkflowFile[] = plan.map(({ id, tag, node }) => ({
			id,
			name: `bench ${tag}`,
			nodes: [
				{
					id: 't',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				makeItems(n, tag),
				...(node.kind === 'none' ? [] : [nodeUnderTest(this.sandbox.url, node, this.packageName)]),
			],
			connections: {
				Start: { main: [[{ node: 'Make Items', type: 'main', index: 0 }]] },
				...(node.kind === 'none'
					? {}
					: { 'Make Items': { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] } }),
			},
		}));
		await importWorkflows(this.folder, workflows);
		return plan.map(({ id, tag }) => ({ id, tag }));
	}

	async execute(id: string, tag: string): Promise<RealRunResult> {
		for (const f of await readdir(this.cpuDir)) await rm(join(this.cpuDir, f));
		const result = await executeWorkflow(this.folder, id);
		const runs = result.run?.data.resultData.runData[NODE_NAME] ?? [];
		const items = runs[0]?.data?.main?.[0] ?? [];
		const users = await this.sandbox.state<Array<{ login: string }>>('keitaro');
		const logins = users.map((u) => u.login).filter((l) => l.startsWith(`${tag}.`));
		return {
			ms: runs[0]?.executionTime ?? Number.NaN,
			cpuMs: await this.executeCpuMs(),
			items: items.length,
			created: new Set(logins).size,
			duplicates: logins.length - new Set(logins).size,
			errorItems: items.filter((i) => 'error' in i.json).length,
			status: result.run?.status ?? `no run (exit ${result.code})`,
		};
	}

	/** CPU time of the `n8n execute` process that just ran (its task runner not included). */
	private async executeCpuMs(): Promise<number> {
		for (const f of await readdir(this.cpuDir)) {
			const { argv, cpu } = JSON.parse(await readFile(join(this.cpuDir, f), 'utf8')) as {
				argv: string[];
				cpu: { user: number; system: number };
			};
			if (argv.includes('execute')) return (cpu.user + cpu.system) / 1000;
		}
		return Number.NaN;
	}

	async close(): Promise<void> {
		await this.folder.cleanup();
		await rm(this.scratch, { recursive: true, force: true });
	}
}
