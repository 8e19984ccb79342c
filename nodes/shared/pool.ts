/**
 * Runs tasks with at most `limit` in flight; results keep input order.
 * When `stopOnError` is set, no new task starts after a failure, and the failure with the
 * lowest index is rethrown once the running ones have settled.
 */
export async function mapPool<T, R>(
	inputs: T[],
	limit: number,
	task: (input: T, index: number) => Promise<R>,
	stopOnError: boolean,
): Promise<R[]> {
	const results = new Array<R>(inputs.length);
	const failures: Array<{ index: number; error: unknown }> = [];
	let next = 0;
	const worker = async () => {
		while (next < inputs.length && !(stopOnError && failures.length)) {
			const index = next++;
			try {
				results[index] = await task(inputs[index], index);
			} catch (error) {
				failures.push({ index, error });
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker));
	if (failures.length) {
		failures.sort((a, b) => a.index - b.index);
		throw failures[0].error;
	}
	return results;
}
