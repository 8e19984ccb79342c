import { type Bench, engineRuns, med, peakInFlight } from '../context';
import { plainHttpCreates } from '../engine-runs';
import { fixed, median, pct } from '../measure';

/** 4. A hard limit: 503 at once beyond 8 in flight, no line at the server. */
export async function hardLimitCase(bench: Bench): Promise<void> {
	const { report, n } = bench;
	const items = n(2000);
	const bound = 8 / 0.05;
	const server = { latencyMs: 50, hardLimit: 8 };
	const runs = await engineRuns(bench, server, items, {});
	// What the stack reaches at exactly the number that fits: the most Auto could hope for here.
	const eight = await engineRuns(bench, server, items, { concurrency: 8 });
	const plain: number[] = [];
	for (let r = 0; r < bench.runs; r++) {
		await bench.sandbox.reset(server);
		plain.push(await plainHttpCreates(bench.sandbox, items, 8, bench.tag('p')));
	}
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
			[
				'Concurrency (Fixed) 8, exactly what fits',
				items,
				med(eight, (r) => r.created),
				med(eight, (r) => r.failed),
				med(eight, (r) => r.duplicates),
				fixed(
					med(eight, (r) => r.perSecond),
					1,
				),
				pct(med(eight, (r) => r.perSecond) / bound),
				med(eight, (r) => peakInFlight(r.timeline)),
			],
			[
				'plain Node http client, 8 in flight (no n8n)',
				items,
				'–',
				'–',
				'–',
				fixed(median(plain), 1),
				pct(median(plain) / bound),
				8,
			],
		],
	);
	report.log();
	report.log(
		'With no line at the server, a slot stays idle from an answer until the next request arrives. Auto counts requests on the wire: the next items are prepared while requests are in flight, so an answer only lets the next request go, and after start-up sends are spread over the round trip, so answers do not come back in bursts that n8n handles one after another. A pinned number counts items: each slot waits while n8n reads and checks the next item, and requests sent together come back together.',
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
