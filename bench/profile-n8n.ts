/**
 * Where one item's time goes in a real n8n: runs N Keitaro creates (our node, and n8n's HTTP Request
 * node beside it) on a fast sandbox with a V8 CPU profile of the `n8n execute` process, and prints,
 * per item, the time under each part of the stack while the node ran.
 *
 *   npm run build && tsc -p tsconfig.bench.json && node .build/bench/profile-n8n.js
 *   PROFILE_ITEMS=2000 (default); PROFILE_PACKAGE=<repo dir> profiles another build of the package;
 *   PROFILE_KEEP=<dir> keeps the profiles there.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { fixed } from './measure';
import { RealN8n, type RealNode } from './real-n8n';
import { RemoteSandbox } from './remote-sandbox';

interface CallFrame {
	functionName: string;
	url: string;
}
interface ProfileNode {
	id: number;
	callFrame: CallFrame;
	children?: number[];
}
interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** Parts of the stack: a sample counts for a part when any frame on its stack matches. */
const PARTS: Array<[string, (f: CallFrame) => boolean]> = [
	['parameter reads (getNodeParameter)', (f) => f.functionName === '_getNodeParameter'],
	[
		'  of which expression evaluation',
		(f) => f.functionName === 'evaluate' && f.url.includes('expression-runtime'),
	],
	[
		'credential reads (getCredentials)',
		(f) => f.functionName === '_getCredentials' || f.functionName === 'getDecrypted',
	],
	[
		"credential 'authenticate'",
		(f) => f.functionName === 'authenticate' && f.url.includes('credentials-helper'),
	],
	[
		"n8n's request stack (axios, agents, sockets)",
		(f) => /\/(axios|follow-redirects|@n8n\/backend-network)\//.test(f.url),
	],
	['zod', (f) => f.url.includes('/zod/')],
	['our masking and request echo', (f) => /nodes\/shared\/(mask|client\/echo)\.js/.test(f.url)],
	['garbage collection', (f) => f.functionName === '(garbage collector)'],
	['idle (waiting for answers)', (f) => f.functionName === '(idle)'],
];

const OURS = /nodes\/shared\/(pace\/pool|runner\/items|client\/send-loop)\.js/;
const HTTP_NODE = /HttpRequest\/V3\/HttpRequestV3\.node\.js/;

function analyse(profile: CpuProfile, inNode: RegExp, items: number): Array<[string, number]> {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const stack = (id: number): CallFrame[] => {
		const frames: CallFrame[] = [];
		for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
			frames.push((byId.get(cur) as ProfileNode).callFrame);
		return frames;
	};
	// The window: from the first to the last sample with the node on the stack.
	const stacks = profile.samples.map(stack);
	const marked = stacks
		.map((frames, i) => (frames.some((f) => inNode.test(f.url)) ? i : -1))
		.filter((i) => i >= 0);
	const [from, to] = [marked[0] ?? 0, marked[marked.length - 1] ?? -1];
	const totals = new Map<string, number>();
	let window = 0;
	let ours = 0;
	for (let i = from; i <= to; i++) {
		const us = profile.timeDeltas[i] ?? 0;
		window += us;
		for (const [name, matches] of PARTS)
			if (stacks[i].some(matches)) totals.set(name, (totals.get(name) ?? 0) + us);
		if (/n8n-nodes-user-provisioning\/dist\//.test(stacks[i][0].url)) ours += us;
	}
	const perItem = (us: number) => us / 1000 / items;
	return [
		['node running (wall)', perItem(window)],
		...PARTS.map(([name]): [string, number] => [name, perItem(totals.get(name) ?? 0)]),
		['our package, own code (self time)', perItem(ours)],
	];
}

async function main(): Promise<void> {
	const items = Number(process.env.PROFILE_ITEMS ?? 2000);
	const sandbox = await RemoteSandbox.start();
	const dir = await mkdtemp(join(tmpdir(), 'n8n-profile-'));
	const real = await RealN8n.open(
		sandbox,
		{ NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` },
		process.env.PROFILE_PACKAGE,
	);
	try {
		const nodes: Array<[string, RealNode, RegExp]> = [
			['our Keitaro node, defaults', { kind: 'ours', options: {} }, OURS],
			["n8n's HTTP Request node, defaults", { kind: 'http', options: {} }, HTTP_NODE],
		];
		const plan = await real.importAll(
			items,
			nodes.map(([, node]) => node),
		);
		const columns: Array<Array<[string, number]>> = [];
		for (let i = 0; i < plan.length; i++) {
			await sandbox.reset();
			for (const f of await readdir(dir)) await rm(join(dir, f));
			const run = await real.execute(plan[i].id, plan[i].tag);
			// The execute process writes the largest profile (the import and task runner ones are small).
			const files = await Promise.all(
				(await readdir(dir)).map(async (f) => ({ f, text: await readFile(join(dir, f), 'utf8') })),
			);
			const biggest = files.sort((a, b) => b.text.length - a.text.length)[0];
			// PROFILE_KEEP=<dir>: keep each profile for a closer look (e.g. in Chrome's DevTools).
			if (process.env.PROFILE_KEEP)
				await writeFile(join(process.env.PROFILE_KEEP, `${i}.cpuprofile`), biggest.text);
			columns.push(analyse(JSON.parse(biggest.text) as CpuProfile, nodes[i][2], items));
			process.stderr.write(
				`${nodes[i][0]}: ${run.created} created in ${fixed(run.ms / 1000, 1)} s\n`,
			);
		}
		process.stdout.write(
			`| ms per item (${items} creates, fast sandbox) | ${nodes.map(([label]) => label).join(' | ')} |\n`,
		);
		process.stdout.write(`|---|${nodes.map(() => '---').join('|')}|\n`);
		for (let row = 0; row < columns[0].length; row++) {
			process.stdout.write(
				`| ${columns[0][row][0]} | ${columns.map((c) => fixed(c[row][1], 2)).join(' | ')} |\n`,
			);
		}
	} finally {
		await real.close();
		sandbox.stop();
		await rm(dir, { recursive: true, force: true });
	}
}

void main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	},
);
