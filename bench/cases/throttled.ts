import { type Bench, engineRuns, med } from '../context';
import { fixed, pct } from '../measure';

export const THROTTLED_SERVER = { rateLimit: 100 };

/** 2. Throttled creates with default settings: the node is not told the rate. */
export async function throttledCase(bench: Bench): Promise<void> {
	const { report, n } = bench;
	const items = n(2000);
	const runs = await engineRuns(bench, THROTTLED_SERVER, items, {});
	const share = med(runs, (r) => r.perSecond) / 100;
	report.log(
		'## 2. Throttled creates (the server allows 100 req/s, 429 with Retry-After beyond; the node is not told the rate)',
	);
	report.log();
	report.table(
		['setting', 'items', 'created', 'failed', 'duplicates', 'req/s', 'share of allowed rate'],
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
			],
		],
	);
	const failed = Math.max(...runs.map((r) => r.failed));
	const duplicates = Math.max(...runs.map((r) => r.duplicates));
	report.goal({
		case: '2 throttled, defaults',
		measure: 'share of the allowed rate (failed, duplicates)',
		result: `${pct(share)} (${failed}, ${duplicates})`,
		goal: '≥ 95% (0, 0)',
		met: share >= 0.95 && failed === 0 && duplicates === 0,
	});
}
