/**
 * npm run bench — measures the shared core against the sandbox on 127.0.0.1 and writes
 * bench/REPORT.md and the in-flight chart bench/inflight.svg. Every figure is a ratio measured in
 * this one run; medians of several runs. Environment:
 * - BENCH_RUNS (default 3), BENCH_SCALE (default 1; 0.1 for a quick look);
 * - BENCH_CASES=1,3 runs only those cases (default: all);
 * - BENCH_REPORT: where to write the report (default bench/REPORT.md; the chart goes beside it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';

import { N8N_VERSION, n8nPaths } from '../test/e2e/n8n';
import { capacityDropCase } from './cases/capacity-drop';
import { davintooMemoryCase } from './cases/davintoo-memory';
import { fastServerCase } from './cases/fast-server';
import { hardLimitCase } from './cases/hard-limit';
import { latencyCase } from './cases/latency';
import { realN8nCase } from './cases/real-n8n';
import { syncCase } from './cases/sync';
import { throttledCase } from './cases/throttled';
import { inFlightChart } from './chart';
import type { Bench } from './context';
import { fixed } from './measure';
import { RemoteSandbox } from './remote-sandbox';
import { Report } from './report';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CASES = new Set(
	(process.env.BENCH_CASES ?? '1,2,3,4,5,7,8,9').split(',').map((c) => c.trim()),
);
const REPORT_FILE = process.env.BENCH_REPORT ?? join(__dirname, '..', '..', 'bench', 'REPORT.md');
const CHART_FILE = join(dirname(REPORT_FILE), 'inflight.svg');

const CASE_LIST: Array<[string, (bench: Bench) => Promise<void>]> = [
	['1', latencyCase],
	['2', throttledCase],
	['3', capacityDropCase],
	['4', hardLimitCase],
	['5', fastServerCase],
	['7', realN8nCase],
	['8', davintooMemoryCase],
	['9', syncCase],
];

async function main(): Promise<void> {
	const sandbox = await RemoteSandbox.start();
	const report = new Report();
	let counter = 0;
	const bench: Bench = {
		sandbox,
		runs: RUNS,
		n: (x) => Math.max(10, Math.round(x * SCALE)),
		report,
		tag: (prefix) => `${prefix}${counter++}`,
		charts: [],
	};
	const loadBefore = loadavg();
	const started = Date.now();
	try {
		for (const [id, run] of CASE_LIST) if (CASES.has(id)) await run(bench);
	} finally {
		sandbox.stop();
	}
	const loadAfter = loadavg();
	const head = [
		'# Benchmark report',
		'',
		`Date: ${new Date().toISOString()} · machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fixed(totalmem() / 2 ** 30, 1)} GiB, ${platform()} ${release()}`,
		`Node ${process.version}, n8n-core ${pkgVersion('n8n-core')}, n8n-workflow ${pkgVersion('n8n-workflow')}; real n8n ${N8N_VERSION} on Node ${n8nNodeVersion()}; medians of ${RUNS} runs; scale ${SCALE}.`,
		`Load average (1, 5, 15 min) before: ${loadBefore.map((x) => fixed(x, 2)).join(', ')}; after: ${loadAfter.map((x) => fixed(x, 2)).join(', ')} (other work shares this machine); the run took ${fixed((Date.now() - started) / 60000, 1)} min.`,
		"Cases 1-5, 8 and 9 run the node in n8n-core's WorkflowExecute; cases 6-7 in a real n8n with the packed package; the sandbox runs in its own process on 127.0.0.1.",
		'',
		'## Goals',
		'',
		...report.summary(),
	];
	if (bench.charts.length) {
		writeFileSync(CHART_FILE, inFlightChart(bench.charts));
		head.push(
			`Auto's number in flight over time (as the server saw it, sampled every 20 ms): [${basename(CHART_FILE)}](${basename(CHART_FILE)})`,
			'',
		);
		head.push(`![requests in flight over time](${basename(CHART_FILE)})`, '');
	}
	// The profile of one item's cost is measured separately (bench/profile-n8n.ts) and kept beside.
	const profiled = readFileSync(join(__dirname, '..', '..', 'bench', 'per-item-cost.md'), 'utf8');
	writeFileSync(REPORT_FILE, `${[...head, ...report.lines, profiled].join('\n')}`);
	process.stdout.write(
		`\nwritten: ${REPORT_FILE}${bench.charts.length ? ` and ${CHART_FILE}` : ''}\n`,
	);
}

function pkgVersion(name: string): string {
	try {
		return (
			JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as {
				version: string;
			}
		).version;
	} catch {
		return '?';
	}
}

function n8nNodeVersion(): string {
	try {
		return execFileSync(n8nPaths().node, ['--version'], { encoding: 'utf8' }).trim();
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
