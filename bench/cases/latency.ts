import { type Bench, activePart, engineRuns, med, medianRun } from '../context';
import { plainHttpCreates } from '../engine-runs';
import { fixed, median, pct } from '../measure';

export const LATENCY_SERVER = { latencyMs: 50, maxConcurrent: 16 };
export const LATENCY_BOUND = 16 / 0.05;

/** 1. Latency-bound creates with default settings (Auto), beside pinned numbers and a plain client. */
export async function latencyCase(bench: Bench): Promise<void> {
	const { report, n } = bench;
	const items = n(2000);
	const auto = await engineRuns(bench, LATENCY_SERVER, items, {});
	const c16 = await engineRuns(bench, LATENCY_SERVER, items, { concurrency: 16 });
	const c1 = await engineRuns(bench, LATENCY_SERVER, n(200), { concurrency: 1 });
	const plain: number[] = [];
	for (let r = 0; r < bench.runs; r++) {
		await bench.sandbox.reset(LATENCY_SERVER);
		plain.push(await plainHttpCreates(bench.sandbox, items, 16, bench.tag('p')));
	}
	const share = med(auto, (r) => r.perSecond) / LATENCY_BOUND;
	report.log(
		'## 1. Latency-bound creates (50 ms latency, the server serves 16 at once and queues beyond; bound 320 req/s)',
	);
	report.log();
	report.table(
		['setting', 'items', 'req/s', 'share of bound', 'failed', 'duplicates'],
		[
			[
				'**default (Auto)**',
				items,
				fixed(
					med(auto, (r) => r.perSecond),
					1,
				),
				`**${pct(share)}**`,
				med(auto, (r) => r.failed),
				med(auto, (r) => r.duplicates),
			],
			[
				'Concurrency (Fixed) 16',
				items,
				fixed(
					med(c16, (r) => r.perSecond),
					1,
				),
				pct(med(c16, (r) => r.perSecond) / LATENCY_BOUND),
				med(c16, (r) => r.failed),
				med(c16, (r) => r.duplicates),
			],
			[
				'Concurrency (Fixed) 1, the old default',
				n(200),
				fixed(
					med(c1, (r) => r.perSecond),
					1,
				),
				pct(med(c1, (r) => r.perSecond) / LATENCY_BOUND),
				med(c1, (r) => r.failed),
				med(c1, (r) => r.duplicates),
			],
			[
				'plain Node http client, 16 in flight (no n8n)',
				items,
				fixed(median(plain), 1),
				pct(median(plain) / LATENCY_BOUND),
				'–',
				'–',
			],
		],
	);
	const failed = Math.max(...auto.map((r) => r.failed));
	const duplicates = Math.max(...auto.map((r) => r.duplicates));
	report.goal({
		case: '1 latency-bound, defaults',
		measure: 'share of the bound (failed, duplicates)',
		result: `${pct(share)} (${failed}, ${duplicates})`,
		goal: '≥ 95% (0, 0)',
		met: share >= 0.95 && failed === 0 && duplicates === 0,
	});
	const chart = activePart(medianRun(auto, (r) => r.perSecond).timeline);
	bench.charts.push({
		title:
			'1. Latency-bound (serves 16 at once, 50 ms): requests in the server, default settings (Auto)',
		points: chart.samples.map(([t, inFlight]) => [t, inFlight]),
		levels: [{ value: 16, label: 'served at once' }],
	});
}
