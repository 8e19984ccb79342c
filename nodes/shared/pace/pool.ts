import { type ConcurrencyLimit, FixedLimit } from './concurrency';

/**
 * Runs tasks with at most `limit.limit` in flight (read again whenever one ends, so Auto can
 * raise or lower it mid-run); results keep input order. When `stopOnError` is set, no new task
 * starts after a failure, and the failure with the lowest index is rethrown once the running
 * ones have settled. `stopAt`: such a failure ends the whole run, so later units already started
 * but not yet sending are stopped too (their requests are refused with RunStopped; the unit tasks
 * end quietly then); it gives a unit's order (its first item index, as its requests carry it).
 */
export async function mapPool<T, R>(
	inputs: T[],
	limit: ConcurrencyLimit | number,
	task: (input: T, index: number) => Promise<R>,
	stopOnError: boolean,
	stopAt?: (input: T) => number,
): Promise<R[]> {
	const gate: ConcurrencyLimit = typeof limit === 'number' ? new FixedLimit(limit) : limit;
	const results = new Array<R>(inputs.length);
	const failures: Array<{ index: number; error: unknown }> = [];
	let next = 0;
	let active = 0;
	await new Promise<void>((resolve) => {
		const pump = () => {
			while (active < gate.limit && next < inputs.length && !(stopOnError && failures.length)) {
				const index = next++;
				active++;
				task(inputs[index], index)
					.then((r) => {
						results[index] = r;
					})
					.catch((error: unknown) => {
						failures.push({ index, error });
						if (stopOnError && stopAt) gate.stop(stopAt(inputs[index]));
					})
					.finally(() => {
						active--;
						pump();
					});
			}
			if (active === 0) resolve();
		};
		// Auto may raise the limit while nothing finishes (an item starts waiting out a 429).
		gate.onRaise = pump;
		pump();
	});
	gate.onRaise = undefined;
	if (failures.length) {
		failures.sort((a, b) => a.index - b.index);
		throw failures[0].error;
	}
	return results;
}
