import { type Bench } from '../context';
import { davintooImport, davintooWarmUp, hrUsers, type ImportResult } from '../davintoo';
import { fixed, median } from '../measure';

/** 8. Davintoo Import Many of 100,000 users: held memory against the data's size. */
export async function davintooMemoryCase(bench: Bench): Promise<void> {
	const { report, sandbox } = bench;
	const users = bench.n(100_000);
	await davintooWarmUp(sandbox);
	report.log(`## 8. Davintoo Import Many: ${users} users`);
	report.log();
	report.log(
		'Data size = the input items as JSON. "Held" = peak of memory really held during the run (garbage collected before each sample); "with garbage" = peak V8 heap + buffers as sampled, before the collector ran. Time is from runs without forced collections.',
	);
	report.log();
	const rows: string[][] = [];
	const ratios: number[] = [];
	for (const source of ['json', 'csvFromItems'] as const) {
		const timedRuns: ImportResult[] = [];
		for (let r = 0; r < bench.runs; r++) {
			await sandbox.reset();
			timedRuns.push(await davintooImport(sandbox, hrUsers(users), source, false));
		}
		await sandbox.reset();
		const held = await davintooImport(sandbox, hrUsers(users), source, true);
		const ms = median(timedRuns.map((x) => x.ms));
		const mb = (b: number) => `${fixed(b / 1e6, 1)} MB`;
		ratios.push(held.peakGrowthBytes / held.dataBytes);
		rows.push([
			source === 'json' ? 'JSON batches of 500' : 'one CSV from items',
			mb(held.dataBytes),
			`${fixed(ms / 1000, 1)} s`,
			fixed(users / (ms / 1000), 0),
			mb(held.peakGrowthBytes),
			`**${fixed(held.peakGrowthBytes / held.dataBytes, 2)}×**`,
			mb(median(timedRuns.map((x) => x.peakGrowthBytes))),
			String(median(timedRuns.map((x) => x.created))),
		]);
	}
	report.table(
		[
			'source',
			'data',
			'time',
			'users/s',
			'held peak growth',
			'held / data',
			'with garbage',
			'created',
		],
		rows,
	);
	report.goal({
		case: '8 Davintoo 100k import',
		measure: 'held peak growth / data (JSON, CSV)',
		result: ratios.map((r) => `${fixed(r, 2)}×`).join(', '),
		goal: '< 3×',
		met: ratios.every((r) => r < 3),
	});
}
