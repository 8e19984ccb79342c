/** Small measuring helpers for the benchmark: medians and peak memory sampling. */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const start = process.hrtime.bigint();
	const value = await fn();
	return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/**
 * Peak growth of heap + external + array buffers over the start, sampled while fn runs.
 * With `live`, each sample first collects garbage (needs --expose-gc): the figure is then memory
 * really held, not garbage V8 has not collected yet — slow, so time such runs separately.
 */
export async function peakMemory<T>(
	fn: () => Promise<T>,
	live = false,
): Promise<{ peakGrowthBytes: number; value: T }> {
	global.gc?.();
	const used = () => {
		const m = process.memoryUsage();
		return m.heapUsed + m.external + m.arrayBuffers;
	};
	const base = used();
	let peak = base;
	const timer = setInterval(
		() => {
			if (live) global.gc?.();
			peak = Math.max(peak, used());
		},
		live ? 25 : 5,
	);
	try {
		const value = await fn();
		peak = Math.max(peak, used());
		return { peakGrowthBytes: peak - base, value };
	} finally {
		clearInterval(timer);
	}
}

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
export const fixed = (x: number, digits = 2) => x.toFixed(digits);
