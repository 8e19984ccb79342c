import type { Bench } from '../context';
import { syncBench } from '../sync';

/** Case 9: sync at scale on every platform (bench/sync.ts; it runs its own seeded sandbox). */
export async function syncCase(bench: Bench): Promise<void> {
	await syncBench((line) => bench.report.log(line), bench.n(5000));
}
