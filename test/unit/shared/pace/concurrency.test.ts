import { AutoLimit, FixedLimit } from '../../../../nodes/shared/pace/concurrency';
import { simulate } from './simulated-server';

const throughput = (done: number[], from = 0, to = Number.POSITIVE_INFINITY) => {
	const inside = done.filter((t) => t >= from && t <= to);
	return inside.length / ((Math.min(to, inside[inside.length - 1]) - from) / 1000);
};

describe('Auto concurrency on a simulated server', () => {
	it('latency-bound (16 served at once, 50 ms, queue beyond): ≥ 95% of the bound, a short queue', () => {
		const run = simulate({ capacity: 16, latencyMs: 50, items: 2000 });
		const bound = 16 / 0.05;
		expect(throughput(run.done) / bound).toBeGreaterThanOrEqual(0.95);
		const settled = run.trace.slice(-500).map(([, limit]) => limit);
		expect(Math.max(...settled)).toBeLessThanOrEqual(32);
		expect(Math.min(...settled)).toBeGreaterThanOrEqual(16);
	});

	it('capacity drops mid-run (16 → 4): it comes down, and the new bound is reached within 3 s', () => {
		const run = simulate({ capacity: 16, latencyMs: 50, items: 3000, capacityAfter: { answers: 1000, capacity: 4 } });
		const dropAt = run.done[999];
		expect(throughput(run.done, dropAt + 3000) / (4 / 0.05)).toBeGreaterThanOrEqual(0.85);
		const late = run.trace.filter(([t]) => t > dropAt + 5000).map(([, limit]) => limit);
		expect(Math.max(...late)).toBeLessThan(16);
	});

	it('hard limit (503 beyond 8 in flight, no queue): learns 8, ≥ 90% of the bound, few refusals', () => {
		const run = simulate({ capacity: 8, latencyMs: 50, hardLimit: true, items: 2000 });
		expect(throughput(run.done) / (8 / 0.05)).toBeGreaterThanOrEqual(0.9);
		expect(run.refused).toBeLessThan(100);
		const settled = run.trace.slice(-500).map(([, limit]) => limit);
		expect(Math.max(...settled)).toBeLessThanOrEqual(9);
	});

	it('a fast, unlimited server: never above the ceiling', () => {
		const run = simulate({ capacity: 1000, latencyMs: 1, items: 3000, ceiling: 12 });
		expect(Math.max(...run.trace.map(([, limit]) => limit))).toBeLessThanOrEqual(12);
	});

	it('starts at one, so a run of a few items goes as before, then doubles while answers stay fast', () => {
		const auto = new AutoLimit({ ceiling: 32 });
		expect(auto.limit).toBe(1);
		for (const limit of [1, 2, 4, 8, 16, 32]) {
			expect(auto.limit).toBe(limit);
			for (let i = 0; i < Math.max(2, limit); i++) auto.onAnswer('ok', 50);
		}
		expect(auto.limit).toBe(32);
	});

	it('429s: stops growing, backs off once per burst, and never below what the learned rate needs', () => {
		let spacing = 0;
		const auto = new AutoLimit({ ceiling: 32, spacingMs: () => spacing });
		for (let i = 0; i < 2 + 2 + 4 + 8; i++) auto.onAnswer('ok', 50);
		expect(auto.limit).toBe(16);
		auto.onAnswer('throttled', 5);
		auto.onAnswer('throttled', 5);
		expect(auto.limit).toBe(12);
		// The pacer allows one request every 10 ms: 50 ms round trips need 6 in flight.
		spacing = 10;
		for (let burst = 0; burst < 10; burst++) {
			auto.onAnswer('throttled', 5);
			for (let i = 0; i < 16; i++) auto.onAnswer('ok', 50);
		}
		expect(auto.limit).toBeGreaterThanOrEqual(6);
	});

	it('a fixed number stays fixed', () => {
		const fixed = new FixedLimit(5);
		fixed.onAnswer();
		expect(fixed.limit).toBe(5);
	});
});
