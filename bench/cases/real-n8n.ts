import type { SandboxSettings } from '../../test/sandbox/faults';
import { N8N_VERSION, n8nPaths } from '../../test/e2e/n8n';
import type { Bench } from '../context';
import { fixed, median, pct } from '../measure';
import { RealN8n, type RealNode, type RealRunResult } from '../real-n8n';
import { LATENCY_BOUND, LATENCY_SERVER } from './latency';
import { THROTTLED_SERVER } from './throttled';

interface Variant {
	key: string;
	server: 'latency' | 'throttled' | 'fast';
	label: string;
	node: RealNode;
}

/** The same run without the node under test: what n8n and the item-making Code node cost. */
const BASELINE: Variant = {
	key: 'baseline',
	server: 'fast',
	label: 'no node (only the Code node making the items)',
	node: { kind: 'none' },
};

const SERVERS: Record<Variant['server'], Partial<SandboxSettings>> = {
	latency: LATENCY_SERVER,
	throttled: THROTTLED_SERVER,
	fast: {},
};
const BOUNDS: Record<Variant['server'], number> = {
	latency: LATENCY_BOUND,
	throttled: 100,
	fast: Number.NaN,
};

const VARIANTS: Variant[] = [
	{
		key: 'http-latency',
		server: 'latency',
		label: 'HTTP Request, defaults',
		node: { kind: 'http', options: {} },
	},
	{
		key: 'http-latency-batch',
		server: 'latency',
		label: 'HTTP Request, batching 16 per batch, no pause',
		node: { kind: 'http', options: { batching: { batch: { batchSize: 16, batchInterval: 0 } } } },
	},
	{
		key: 'ours-latency',
		server: 'latency',
		label: '**our Keitaro node, defaults (Auto)**',
		node: { kind: 'ours', options: {} },
	},
	{
		key: 'http-throttled',
		server: 'throttled',
		label: 'HTTP Request, defaults',
		node: { kind: 'http', options: {} },
	},
	{
		key: 'http-throttled-cof',
		server: 'throttled',
		label: 'HTTP Request, defaults + On Error: Continue',
		node: { kind: 'http', options: {}, continueOnFail: true },
	},
	{
		key: 'http-throttled-batch',
		server: 'throttled',
		label: 'HTTP Request, batching 10 per 100 ms (tuned to the limit) + On Error: Continue',
		node: {
			kind: 'http',
			options: { batching: { batch: { batchSize: 10, batchInterval: 100 } } },
			continueOnFail: true,
		},
	},
	{
		key: 'ours-throttled',
		server: 'throttled',
		label: '**our Keitaro node, defaults (Auto)**',
		node: { kind: 'ours', options: {} },
	},
	{
		key: 'http-fast',
		server: 'fast',
		label: 'HTTP Request, defaults',
		node: { kind: 'http', options: {} },
	},
	{
		key: 'ours-fast',
		server: 'fast',
		label: '**our Keitaro node, defaults (Auto)**',
		node: { kind: 'ours', options: {} },
	},
	{
		key: 'ours-dry',
		server: 'fast',
		label: 'our Keitaro node, Dry Run (everything before the request)',
		node: { kind: 'ours', options: { dryRun: true } },
	},
];

/**
 * 6 and 7. The same creates in the real n8n of the e2e suite: n8n's HTTP Request node (defaults and
 * tuned), and our Keitaro node from the packed package with default settings, in one run.
 */
export async function realN8nCase(bench: Bench): Promise<void> {
	const { report, sandbox } = bench;
	report.log(
		`## 6 and 7. In a real n8n ${N8N_VERSION}: n8n's HTTP Request node and our node, same run`,
	);
	report.log();
	try {
		n8nPaths();
	} catch {
		report.log('Skipped: n8n is not installed here (run scripts/n8n-install.sh).');
		report.log();
		return;
	}
	const items = bench.n(2000);
	const real = await RealN8n.open(sandbox);
	const ALL = [...VARIANTS, BASELINE];
	const results = new Map<string, RealRunResult[]>(ALL.map((v) => [v.key, []]));
	try {
		const plan = await real.importAll(
			items,
			Array.from({ length: bench.runs }, () => ALL.map((v) => v.node)).flat(),
		);
		// Runs interleaved, so a change in the machine's load touches every variant alike.
		for (let i = 0; i < plan.length; i++) {
			const variant = ALL[i % ALL.length];
			await sandbox.reset(SERVERS[variant.server]);
			results.get(variant.key)?.push(await real.execute(plan[i].id, plan[i].tag));
		}
	} finally {
		await real.close();
	}
	/** The run with the median time (a real run, not a mix of figures). */
	const mid = (key: string): RealRunResult => {
		const runs = [...(results.get(key) ?? [])].sort((a, b) => a.ms - b.ms);
		return runs[Math.floor((runs.length - 1) / 2)];
	};
	const perSecond = (r: RealRunResult) => (r.created / r.ms) * 1000;
	const perItem = (r: RealRunResult) => r.ms / items;
	const baselineCpu = median((results.get(BASELINE.key) ?? []).map((r) => r.cpuMs));
	/** CPU ms per item of the node: the n8n process's CPU time beyond the baseline run's, per item (median of the runs). */
	const cpuPerItem = (key: string) =>
		median((results.get(key) ?? []).map((r) => (r.cpuMs - baselineCpu) / items));
	const rows = VARIANTS.map((v) => {
		const r = mid(v.key);
		const bound = BOUNDS[v.server];
		return [
			v.server === 'fast' ? 'fast (0 ms, no cap)' : v.server,
			v.label,
			items,
			r.created,
			r.duplicates,
			r.errorItems,
			fixed(perSecond(r), 1),
			Number.isNaN(bound) ? '–' : pct(perSecond(r) / bound),
			fixed(perItem(r), 2),
			fixed(cpuPerItem(v.key), 2),
			r.status,
		];
	});
	report.table(
		[
			'server',
			'node and settings',
			'items',
			'created',
			'duplicates',
			'error items',
			'req/s (created)',
			'share of bound / allowed rate',
			'ms per item',
			'CPU ms per item',
			'run status',
		],
		rows,
	);
	report.log(
		"Time is the node's own execution time in n8n's run data (n8n start-up excluded); ms per item = that time / items.",
	);
	report.log(
		`CPU ms per item = CPU time (user + system) of the \`n8n execute\` process beyond that of the same run without the node (${fixed(baselineCpu / 1000, 2)} s: start-up and the Code node), per item: what one item costs the machine, whatever else runs on it.`,
	);
	report.log(`Medians of ${bench.runs} runs, interleaved.`);
	report.log();

	const oursLatency = mid('ours-latency');
	const httpLatency = mid('http-latency');
	const speedup = perSecond(oursLatency) / perSecond(httpLatency);
	report.goal({
		case: '7 real n8n, latency-bound',
		measure: 'our throughput / HTTP Request defaults',
		result: `${fixed(speedup, 2)}×`,
		goal: '≥ 1.25×',
		met: speedup >= 1.25,
	});
	const throttled = results.get('ours-throttled') ?? [];
	const allCreated = throttled.every((r) => r.created === items && r.duplicates === 0);
	report.goal({
		case: '7 real n8n, throttled',
		measure: 'created of each run (duplicates)',
		result: `${throttled.map((r) => r.created).join(', ')} (${Math.max(...throttled.map((r) => r.duplicates))})`,
		goal: `all ${items} (0)`,
		met: allCreated,
	});
	const latencyCost = perItem(oursLatency) / perItem(httpLatency);
	report.goal({
		case: '7 real n8n, latency-bound',
		measure: 'our ms per item / HTTP Request defaults',
		result: `${fixed(latencyCost, 2)}× (${fixed(perItem(oursLatency), 2)} / ${fixed(perItem(httpLatency), 2)} ms)`,
		goal: '≤ 0.8×',
		met: latencyCost <= 0.8,
	});
	const cpuRatio = cpuPerItem('ours-fast') / cpuPerItem('http-fast');
	report.goal({
		case: '7 real n8n, fast server',
		measure: 'our CPU ms per item / HTTP Request defaults',
		result: `${fixed(cpuRatio, 2)}× (${fixed(cpuPerItem('ours-fast'), 2)} / ${fixed(cpuPerItem('http-fast'), 2)} ms)`,
		goal: '≤ 0.8×',
		met: cpuRatio <= 0.8,
		// The per-item goal is the node's time per item (the row above); this one asks
		// the same of the machine's CPU on a server that answers at once.
		own: true,
	});
	report.log(
		`Spread of our latency-bound runs: ${results
			.get('ours-latency')
			?.map((r) => fixed(perSecond(r), 0))
			.join(', ')} req/s; HTTP Request's: ${results
			.get('http-latency')
			?.map((r) => fixed(perSecond(r), 0))
			.join(', ')} req/s.`,
	);
	report.log();
}
