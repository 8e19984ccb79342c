/**
 * npm run bench — measures the shared core against the sandbox on 127.0.0.1 and writes
 * bench/REPORT.md. Every figure is a ratio measured in this one run; medians of several runs.
 * BENCH_RUNS (default 3) and BENCH_SCALE (default 1; 0.1 for a quick look) adjust the effort.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import type { SandboxSettings } from '../test/sandbox/faults';

import { bulkCreates, fetchLoop, plainHttpCreates, type BulkResult } from './cases';
import { davintooImport, davintooWarmUp, hrUsers, type ImportResult } from './davintoo';
import { cleanUpN8n, type HttpNodeResult, httpRequestNode } from './n8n-http';
import { RemoteSandbox } from './remote-sandbox';
import { syncBench } from './sync';
import { N8N_VERSION, n8nPaths } from '../test/e2e/n8n';
import { fixed, median, pct } from './measure';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const n = (x: number) => Math.max(10, Math.round(x * SCALE));
/** BENCH_CASES=1,3 runs only those cases (default: all). */
const CASES = new Set((process.env.BENCH_CASES ?? '1,2,3,4,5,6').split(',').map((c) => c.trim()));

async function main(): Promise<void> {
	const sandbox = await RemoteSandbox.start();
	const lines: string[] = [];
	const log = (s: string) => {
		process.stdout.write(`${s}\n`);
		lines.push(s);
	};
	let tag = 0;
	const runs = async (settings: Partial<SandboxSettings>, count: number, options: IDataObject) => {
		const results: BulkResult[] = [];
		for (let r = 0; r < RUNS; r++) {
			await sandbox.reset(settings);
			results.push(await bulkCreates(sandbox, count, options, `b${tag++}`));
		}
		return results;
	};
	const med = (rs: BulkResult[], key: keyof BulkResult) => median(rs.map((r) => r[key]));

	try {
		log('# Benchmark report');
		log('');
		log(`Date: ${new Date().toISOString()} · machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fixed(totalmem() / 2 ** 30, 1)} GiB, ${platform()} ${release()}`);
		log(`Node ${process.version}, n8n-core ${pkgVersion('n8n-core')}, n8n-workflow ${pkgVersion('n8n-workflow')}; medians of ${RUNS} runs; scale ${SCALE}.`);
		log('The node runs in n8n-core\'s WorkflowExecute; the sandbox runs in its own process on 127.0.0.1.');
		log('');

		// 1. Latency-bound: 50 ms per request, the server handles 16 at once -> bound 320 req/s.
		if (CASES.has('1')) {
		const bound = 16 / 0.05;
		const c16 = await runs({ latencyMs: 50, maxConcurrent: 16 }, n(2000), { concurrency: 16 });
		const c24 = await runs({ latencyMs: 50, maxConcurrent: 16 }, n(2000), { concurrency: 24 });
		const c1 = await runs({ latencyMs: 50, maxConcurrent: 16 }, n(200), { concurrency: 1 });
		const plain: number[] = [];
		for (let r = 0; r < RUNS; r++) {
			await sandbox.reset({ latencyMs: 50, maxConcurrent: 16 });
			plain.push(await plainHttpCreates(sandbox, n(2000), 16, `p${tag++}`));
		}
		log('## 1. Latency-bound creates (50 ms latency, server cap 16 concurrent; bound 320 req/s)');
		log('');
		log('| setting | items | req/s | share of bound | failed | duplicates |');
		log('|---|---|---|---|---|---|');
		log(`| Concurrency 16 | ${n(2000)} | ${fixed(med(c16, 'perSecond'), 1)} | ${pct(med(c16, 'perSecond') / bound)} | ${med(c16, 'failed')} | ${med(c16, 'duplicates')} |`);
		log(`| Concurrency 24 (8 wait at the server) | ${n(2000)} | ${fixed(med(c24, 'perSecond'), 1)} | ${pct(med(c24, 'perSecond') / bound)} | ${med(c24, 'failed')} | ${med(c24, 'duplicates')} |`);
		log(`| one at a time (default) | ${n(200)} | ${fixed(med(c1, 'perSecond'), 1)} | ${pct(med(c1, 'perSecond') / bound)} | ${med(c1, 'failed')} | ${med(c1, 'duplicates')} |`);
		log(`| plain Node http client, 16 in flight (no n8n, no node) | ${n(2000)} | ${fixed(median(plain), 1)} | ${pct(median(plain) / bound)} | – | – |`);
		log('');
		log('');
		log(`Concurrency 16 is ${fixed(med(c16, 'perSecond') / med(c1, 'perSecond'), 1)}× one-at-a-time. Goal: ≥ 90% of the bound.`);
		log('');
		log('Why 16 in flight falls short of the bound: the server answers in waves of 16 after the same 50 ms, and');
		log("each answer costs the node's process CPU time in n8n's request stack (axios, redirects, a new agent per");
		log('request; see case 3 for the per-request time) before the next request can go, so the last of a wave');
		log('reaches the server late and its slot sits idle. A few more in flight than the server handles keeps');
		log("every slot busy. n8n's own HTTP Request node lands in the same place (case 5).");
		log('');
		}

		// 2. Throttled: the server allows 100 req/s and answers 429 + Retry-After beyond; the node is not told the rate.
		if (CASES.has('2')) {
		const limit = 100;
		const thr = await runs({ rateLimit: limit }, n(2000), { concurrency: 16 });
		log('## 2. Throttled creates (server allows 100 req/s, 429 with Retry-After beyond; node not told the rate)');
		log('');
		log('| setting | items | created | failed | duplicates | req/s | share of allowed rate |');
		log('|---|---|---|---|---|---|---|');
		log(`| Concurrency 16 | ${n(2000)} | ${med(thr, 'created')} | ${med(thr, 'failed')} | ${med(thr, 'duplicates')} | ${fixed(med(thr, 'perSecond'), 1)} | ${pct(med(thr, 'perSecond') / limit)} |`);
		log('');
		log('Goal: zero failed, zero duplicates, ≥ 90% of the allowed rate.');
		log('');
		}

		// 3. Overhead: the node's time per request against a plain fetch loop, zero latency, one at a time.
		if (CASES.has('3')) {
		const count = n(1000);
		const nodeMs: number[] = [];
		const fetchMs: number[] = [];
		for (let r = 0; r < RUNS; r++) {
			await sandbox.reset();
			fetchMs.push(await fetchLoop(sandbox, count, `f${tag++}`));
			await sandbox.reset();
			nodeMs.push((await bulkCreates(sandbox, count, { concurrency: 1 }, `o${tag++}`)).ms);
		}
		const perNode = median(nodeMs) / count;
		const perFetch = median(fetchMs) / count;
		log('## 3. Overhead per request (zero latency, one at a time)');
		log('');
		log('| path | ms per request |');
		log('|---|---|');
		log(`| plain fetch loop | ${fixed(perFetch, 3)} |`);
		log(`| node in n8n's engine | ${fixed(perNode, 3)} |`);
		log('');
		log(`Ratio node / fetch: **${fixed(perNode / perFetch, 2)}×** (goal ≤ 1.5×).`);
		log('');
		}
		// 4. Davintoo: 100,000 users imported as JSON batches and as one CSV built from the items.
		if (CASES.has('4')) {
		const users = n(100_000);
		await davintooWarmUp(sandbox);
		log(`## 4. Davintoo Import Many: ${users} users`);
		log('');
		log('Data size = the input items as JSON. "Held" = peak of memory really held during the run (garbage collected before each sample); "with garbage" = peak V8 heap + buffers as sampled, before the collector ran. Time is from runs without forced collections.');
		log('');
		log('| source | data | time | users/s | held peak growth | held / data | with garbage | created |');
		log('|---|---|---|---|---|---|---|---|');
		for (const source of ['json', 'csvFromItems'] as const) {
			const timedRuns: ImportResult[] = [];
			for (let r = 0; r < RUNS; r++) {
				await sandbox.reset();
				timedRuns.push(await davintooImport(sandbox, hrUsers(users), source, false));
			}
			await sandbox.reset();
			const held = await davintooImport(sandbox, hrUsers(users), source, true);
			const ms = median(timedRuns.map((x) => x.ms));
			const mb = (b: number) => `${fixed(b / 1e6, 1)} MB`;
			log(
				`| ${source === 'json' ? 'JSON batches of 500' : 'one CSV from items'} | ${mb(held.dataBytes)} | ${fixed(ms / 1000, 1)} s | ${fixed(users / (ms / 1000), 0)} | ${mb(held.peakGrowthBytes)} | **${fixed(held.peakGrowthBytes / held.dataBytes, 2)}×** | ${mb(median(timedRuns.map((x) => x.peakGrowthBytes)))} | ${median(timedRuns.map((x) => x.created))} |`,
			);
		}
		log('');
		log('Goal: held peak growth under 3× the data.');
		log('');
		}

		if (CASES.has('5')) await sideBySide(sandbox, log, med, n);

		// 6. Sync at scale (bench/sync.ts): list calls only to plan, only the changes to apply.
		if (CASES.has('6')) await syncBench(log, n(5000));
	} finally {
		sandbox.stop();
	}
	const file = join(__dirname, '..', '..', 'bench', 'REPORT.md');
	writeFileSync(process.env.BENCH_REPORT ?? file, `${lines.join('\n')}\n`);
	process.stdout.write(`\nwritten: ${process.env.BENCH_REPORT ?? file}\n`);
}

function pkgVersion(name: string): string {
	try {
		return (require(`${name}/package.json`) as { version: string }).version;
	} catch {
		return '?';
	}
}

void main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	},
);

/** 5. The same cases 1 and 2 through n8n's HTTP Request node in a real n8n (needs scripts/n8n-install.sh). */
async function sideBySide(
	sandbox: RemoteSandbox,
	log: (s: string) => void,
	med: (rs: BulkResult[], key: keyof BulkResult) => number,
	n: (x: number) => number,
): Promise<void> {
	log("## 5. Side by side: n8n's HTTP Request node in real n8n " + N8N_VERSION);
	log('');
	try {
		n8nPaths();
	} catch {
		log('Skipped: n8n is not installed here (run scripts/n8n-install.sh).');
		return;
	}
	const rows: Array<[string, string, HttpNodeResult]> = [];
	const one = async (label: string, settings: Partial<SandboxSettings>, count: number, options: IDataObject, cof: boolean) => {
		const results: HttpNodeResult[] = [];
		for (let r = 0; r < RUNS; r++) {
			await sandbox.reset(settings);
			results.push(await httpRequestNode(sandbox, count, options, cof));
		}
		results.sort((a, b) => a.ms - b.ms);
		rows.push([label, settings.rateLimit ? 'throttled' : 'latency-bound', results[Math.floor(results.length / 2)]]);
	};
	const latency = { latencyMs: 50, maxConcurrent: 16 };
	const throttled = { rateLimit: 100 };
	await one('defaults', latency, n(2000), {}, false);
	await one('batching 16 per batch, no pause', latency, n(2000), { batching: { batch: { batchSize: 16, batchInterval: 0 } } }, false);
	await one('defaults', throttled, n(2000), {}, false);
	await one('defaults + On Error: Continue', throttled, n(2000), {}, true);
	await one('batching 10 per 100 ms (tuned to the limit)', throttled, n(2000), { batching: { batch: { batchSize: 10, batchInterval: 100 } } }, true);
	log('| case | HTTP Request setting | items | created | error items | req/s (created) | share of bound / allowed rate | run status |');
	log('|---|---|---|---|---|---|---|---|');
	for (const [label, kind, r] of rows) {
		const perSecond = (r.created / r.ms) * 1000;
		const bound = kind === 'throttled' ? 100 : 320;
		log(`| ${kind} | ${label} | ${n(2000)} | ${r.created} | ${r.errorItems} | ${fixed(perSecond, 1)} | ${pct(perSecond / bound)} | ${r.status} |`);
	}
	log('');
	log('Time is the HTTP Request node\'s own execution time in the run data (n8n start-up excluded).');
	log('Our node, same machine and run: see cases 1 and 2 above.');
	await cleanUpN8n();
}
