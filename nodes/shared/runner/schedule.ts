import type { INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { RunOptions } from '../options';
import type { ConcurrencyLimit } from '../pace/concurrency';
import { mapPool } from '../pace/pool';

/** One piece of work: the input items it covers (one for most operations, a chunk for imports). */
export interface Unit {
	items: number[];
	/** Its place when the run stops at a failure (default: its first item). */
	order?: number;
}

/**
 * Runs units through the pool (Concurrency), in batches (Batching: Items per Batch counts input
 * items), keeping output in unit order. A unit's task turns its own failures into error items
 * (continueOnFail) or throws, which stops the run: units not yet sending then send nothing.
 */
export async function runUnits<U extends Unit>(
	units: U[],
	options: RunOptions,
	concurrency: ConcurrencyLimit,
	stopOnError: boolean,
	task: (unit: U) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	const batches = options.batchSize > 0 ? batchesOf(units, options.batchSize) : [units];
	for (let b = 0; b < batches.length; b++) {
		if (b > 0 && options.batchInterval > 0) await sleep(options.batchInterval);
		const results = await mapPool(
			batches[b],
			concurrency,
			task,
			stopOnError,
			(unit) => unit.order ?? unit.items[0],
		);
		for (const r of results) out.push(...r);
	}
	return out;
}

/** Units grouped so each batch holds at most `size` input items (a larger unit goes alone). */
function batchesOf<U extends Unit>(units: U[], size: number): U[][] {
	const batches: U[][] = [];
	let current: U[] = [];
	let count = 0;
	for (const unit of units) {
		if (current.length && count + unit.items.length > size) {
			batches.push(current);
			current = [];
			count = 0;
		}
		current.push(unit);
		count += unit.items.length;
	}
	if (current.length) batches.push(current);
	return batches;
}

/** The run's counts for the summary item. */
export class Tally {
	private readonly counts: Record<string, number>;

	constructor(items: number) {
		this.counts = { items, succeeded: 0, failed: 0 };
	}

	add(key: string, n = 1): void {
		this.counts[key] = (this.counts[key] ?? 0) + n;
	}

	summaryItem(items: number): INodeExecutionData {
		return {
			json: { summary: { ...this.counts } },
			pairedItem: Array.from({ length: items }, (_, item) => ({ item })),
		};
	}
}
