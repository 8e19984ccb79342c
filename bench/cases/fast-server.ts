import { type Bench, engineRuns, med, peakInFlight } from '../context';
import { fetchLoop } from '../engine-runs';
import { fixed, median } from '../measure';

/**
 * 5. A fast, unlimited server (0 ms, no cap): Auto stays under its ceiling, and a request costs
 * little more than a plain fetch loop (also issue 12's overhead check, one at a time).
 */
export async function fastServerCase(bench: Bench): Promise<void> {
	const { report, n } = bench;
	const count = n(1000);
	const fetchMs: number[] = [];
	for (let r = 0; r < bench.runs; r++) {
		await bench.sandbox.reset();
		fetchMs.push(await fetchLoop(bench.sandbox, count, bench.tag('f')));
	}
	const auto = await engineRuns(bench, {}, count, {});
	const one = await engineRuns(bench, {}, count, { concurrency: 1 });
	const perFetch = median(fetchMs) / count;
	const perAuto = med(auto, (r) => r.ms) / count;
	const perOne = med(one, (r) => r.ms) / count;
	const peak = Math.max(...auto.map((r) => peakInFlight(r.timeline)));
	report.log('## 5. Fast, unlimited server (0 ms, no cap)');
	report.log();
	report.table(
		['path', 'ms per request', 'ratio to fetch', 'peak in the server'],
		[
			['plain fetch loop, one at a time', fixed(perFetch, 3), '1.00×', 1],
			['**node, default (Auto)**', fixed(perAuto, 3), `**${fixed(perAuto / perFetch, 2)}×**`, peak],
			[
				'node, Concurrency (Fixed) 1 (issue 12 overhead check)',
				fixed(perOne, 3),
				`${fixed(perOne / perFetch, 2)}×`,
				med(one, (r) => peakInFlight(r.timeline)),
			],
		],
	);
	report.goal({
		case: '5 fast server, defaults',
		measure: 'time per request / plain fetch (peak in flight)',
		result: `${fixed(perAuto / perFetch, 2)}× (${peak})`,
		goal: '≤ 1.2× (≤ 32, the ceiling)',
		met: perAuto / perFetch <= 1.2 && peak <= 32,
	});
	report.goal({
		case: '5 fast server, one at a time',
		measure: 'time per request / plain fetch (issue 12)',
		result: `${fixed(perOne / perFetch, 2)}×`,
		goal: '≤ 1.2×',
		met: perOne / perFetch <= 1.2,
	});
}
