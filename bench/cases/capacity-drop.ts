import { type Bench, activePart, answeredPerSecond, engineRuns, med, medianRun } from '../context';
import { fixed, median, pct } from '../measure';

/** 3. The server's capacity drops mid-run: 16 at once, then 4 from the 1,000th request on. */
export async function capacityDropCase(bench: Bench): Promise<void> {
	const { report, n } = bench;
	const items = n(3000);
	const after = n(1000);
	const server = {
		latencyMs: 50,
		maxConcurrent: 16,
		capacityChange: { afterRequests: after, maxConcurrent: 4 },
	};
	const newBound = 4 / 0.05;
	const runs = (await engineRuns(bench, server, items, {})).map((run) => {
		const timeline = activePart(run.timeline);
		const drop = timeline.changedAt ?? 0;
		const end = timeline.samples[timeline.samples.length - 1]?.[0] ?? drop;
		const inServer = (from: number, to: number) =>
			median(timeline.samples.filter(([t]) => t >= from && t < to).map(([, inFlight]) => inFlight));
		// Settled: from the first second after the drop whose median in the server is at most twice the new capacity.
		const settled = timeline.samples.find(
			([t]) => t >= drop && t + 1000 <= end && inServer(t, t + 1000) <= 8,
		);
		return {
			...run,
			timeline,
			after3s: answeredPerSecond(timeline, drop + 3000, end) / newBound,
			firstSecond: answeredPerSecond(timeline, drop, drop + 1000) / newBound,
			settledMs: settled ? settled[0] - drop : Number.NaN,
			inServerAfter3s: inServer(drop + 3000, end),
		};
	});
	const share = med(runs, (r) => r.after3s);
	report.log(
		`## 3. Capacity drops mid-run (50 ms; 16 served at once, then 4 from request ${after} of ${items}; new bound 80 req/s)`,
	);
	report.log();
	report.table(
		[
			'setting',
			'items',
			'created',
			'failed',
			'duplicates',
			'first second after the drop',
			'from 3 s after the drop to the end',
			'in the server ≤ 8 (median over 1 s) after',
			'median in the server from 3 s after',
		],
		[
			[
				'**default (Auto)**',
				items,
				med(runs, (r) => r.created),
				med(runs, (r) => r.failed),
				med(runs, (r) => r.duplicates),
				pct(med(runs, (r) => r.firstSecond)),
				`**${pct(share)}**`,
				`${fixed(med(runs, (r) => r.settledMs) / 1000, 1)} s`,
				med(runs, (r) => r.inServerAfter3s),
			],
		],
	);
	report.log(
		'Shares are of the new bound, counted from the answers the server sent. The server queues what it cannot serve,',
	);
	report.log(
		'so throughput holds at once; what Auto must do is shrink its number in flight (the line at the server).',
	);
	report.log();
	const failed = Math.max(...runs.map((r) => r.failed));
	report.goal({
		case: '3 capacity drop, defaults',
		measure: 'share of the new bound from 3 s after the drop (failed)',
		result: `${pct(share)} (${failed})`,
		goal: '≥ 85% (0)',
		met: share >= 0.85 && failed === 0,
	});
	const chart = medianRun(runs, (r) => r.after3s).timeline;
	const drop = chart.changedAt ?? 0;
	bench.charts.push({
		title:
			'3. Capacity drop (16 → 4 served at once, 50 ms): requests in the server, default settings (Auto)',
		points: chart.samples.map(([t, inFlight]) => [t, inFlight]),
		levels: [
			{ value: 16, label: 'served at once', to: drop },
			{ value: 4, label: 'served at once', from: drop },
		],
		marks: [{ at: drop, label: 'capacity 16 → 4' }],
	});
}
