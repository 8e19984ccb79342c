import { type Bench, engineRuns, med, peakInFlight } from '../context';
import { fixed, pct } from '../measure';

/** 4. A hard limit: 503 at once beyond 8 in flight, no line at the server. */
export async function hardLimitCase(bench: Bench): Promise<void> {
	const { report, n } = bench;
	const items = n(2000);
	const bound = 8 / 0.05;
	const runs = await engineRuns(bench, { latencyMs: 50, hardLimit: 8 }, items, {});
	const share = med(runs, (r) => r.perSecond) / bound;
	report.log(
		'## 4. Hard limit (50 ms; the server answers 503 beyond 8 in flight, no queue; bound 160 req/s)',
	);
	report.log();
	report.table(
		[
			'setting',
			'items',
			'created',
			'failed',
			'duplicates',
			'req/s',
			'share of bound',
			'peak in the server',
		],
		[
			[
				'**default (Auto)**',
				items,
				med(runs, (r) => r.created),
				med(runs, (r) => r.failed),
				med(runs, (r) => r.duplicates),
				fixed(
					med(runs, (r) => r.perSecond),
					1,
				),
				`**${pct(share)}**`,
				med(runs, (r) => peakInFlight(r.timeline)),
			],
		],
	);
	const failed = Math.max(...runs.map((r) => r.failed));
	const duplicates = Math.max(...runs.map((r) => r.duplicates));
	report.goal({
		case: '4 hard limit, defaults',
		measure: 'share of the bound (failed, duplicates)',
		result: `${pct(share)} (${failed}, ${duplicates})`,
		goal: '≥ 90% (0, 0)',
		met: share >= 0.9 && failed === 0 && duplicates === 0,
	});
}
