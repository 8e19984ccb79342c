import { AutoLimit, FixedLimit, type SendTicket } from '../../../../nodes/shared/pace/concurrency';
import { simulate } from './simulated-server';

const throughput = (done: number[], from = 0, to = Number.POSITIVE_INFINITY) => {
	const inside = done.filter((t) => t >= from && t <= to);
	return inside.length / ((Math.min(to, inside[inside.length - 1]) - from) / 1000);
};
const settled = (trace: Array<[number, number, number]>, last = 500) =>
	trace.slice(-last).map(([, limit]) => limit);

/** A request let through at once (the tests send only while there is room). */
function ticketNow(auto: AutoLimit): SendTicket {
	const ticket = auto.trySending();
	if (!ticket) throw new Error('no room on the wire');
	return ticket;
}

/** An AutoLimit on a hand-driven clock, and a way to answer requests as a server would. */
function driven(ceiling = 32, spacingMs = 0) {
	let now = 0;
	// Whole rounds go out at once here; pacing has its own test.
	const auto = new AutoLimit({
		ceiling,
		now: () => now,
		spacingMs: () => spacingMs,
		pacing: false,
	});
	/** One round: `limit` requests go out together and come back after `rttMs`. */
	const round = (rttMs: number, signal: 'ok' | 'throttled' | 'overloaded' = 'ok') => {
		const tickets: SendTicket[] = Array.from({ length: auto.requestLimit }, () => ticketNow(auto));
		now += rttMs;
		for (const t of tickets) auto.onAnswer(signal, t);
	};
	return { auto, round, advance: (ms: number) => (now += ms) };
}

describe('Auto concurrency on a simulated server', () => {
	it('latency-bound (16 served at once, 50 ms, a line beyond): ≥ 95% of the bound, a short line', () => {
		const run = simulate({ capacity: 16, latencyMs: 50, items: 2000 });
		expect(throughput(run.done) / (16 / 0.05)).toBeGreaterThanOrEqual(0.95);
		expect(Math.max(...settled(run.trace))).toBeLessThanOrEqual(32);
		expect(Math.min(...settled(run.trace))).toBeGreaterThanOrEqual(16);
	});

	it('capacity drops mid-run (16 → 4): ≥ 85% of the new bound from 3 s after, and the number comes down', () => {
		const run = simulate({
			capacity: 16,
			latencyMs: 50,
			items: 3000,
			capacityAfter: { answers: 1000, capacity: 4 },
		});
		const dropAt = run.done[999];
		expect(throughput(run.done, dropAt + 3000) / (4 / 0.05)).toBeGreaterThanOrEqual(0.85);
		// Most of the time about what 4 at once need with headroom; now and then a step up is tried.
		const late = run.trace.filter(([t]) => t > dropAt + 10_000).map(([, limit]) => limit);
		expect(late.sort((a, b) => a - b)[Math.floor(late.length / 2)]).toBeLessThanOrEqual(8);
		expect(Math.max(...late)).toBeLessThanOrEqual(16);
	});

	it('hard limit (503 beyond 8 in flight, no line): learns 8, ≥ 90% of the bound, few refusals', () => {
		const run = simulate({ capacity: 8, latencyMs: 50, hardLimit: true, items: 2000 });
		expect(throughput(run.done) / (8 / 0.05)).toBeGreaterThanOrEqual(0.9);
		expect(run.refused).toBeLessThan(40);
		expect(Math.max(...settled(run.trace))).toBeLessThanOrEqual(9);
	});

	it('after start-up, sends are spread over the round trip instead of going out in bursts', () => {
		const gaps = (sent: number[]) =>
			sent.filter((t) => t > 1000).map((t, i, later) => (i ? t - later[i - 1] : Infinity));
		const paced = simulate({ capacity: 8, latencyMs: 50, hardLimit: true, items: 2000 });
		const unpaced = simulate({
			capacity: 8,
			latencyMs: 50,
			hardLimit: true,
			items: 2000,
			pacing: false,
		});
		// At most 9 in flight over 50 ms round trips, at 1.5 times that pace: ≥ 3.7 ms apart.
		expect(Math.min(...gaps(paced.sent))).toBeGreaterThanOrEqual(50 / (1.5 * 9) - 0.01);
		// Without pacing, a round's answers (handled 0.5 ms apart) send the next round in a burst.
		expect(Math.min(...gaps(unpaced.sent))).toBeLessThan(1);
	});

	it('a fast, unlimited server: never above the ceiling', () => {
		const run = simulate({ capacity: 1000, latencyMs: 1, items: 3000, ceiling: 12 });
		expect(Math.max(...run.trace.map(([, limit]) => limit))).toBeLessThanOrEqual(12);
	});

	it('a busy machine (the client has the CPU a third of the time): round trips grow, yet Auto does not fall below a pinned 16', () => {
		const load = { share: 0.3, sliceMs: 20 };
		const auto = simulate({ capacity: 16, latencyMs: 50, items: 2000, cpuMs: 2, load });
		const pinned = simulate({
			capacity: 16,
			latencyMs: 50,
			items: 2000,
			cpuMs: 2,
			load,
			limit: new FixedLimit(16),
		});
		expect(throughput(auto.done)).toBeGreaterThanOrEqual(throughput(pinned.done));
	});
});

describe('Auto concurrency, step by step', () => {
	it('starts at one, so a run of a few items goes as before, then triples each round trip while the rate grows', () => {
		expect(new AutoLimit({ ceiling: 32 }).requestLimit).toBe(1);
		const run = simulate({ capacity: 1000, latencyMs: 50, items: 2000 });
		// Two more per answer: after the k-th round trip (50 ms here, and the client's time per answer), 3^k.
		const at = (ms: number) => run.trace.filter(([t]) => t <= ms).pop()?.[1];
		expect([at(51), at(102), at(160), at(210)]).toEqual([3, 9, 27, 32]);
	});

	it('a refused request shows how many fit: those in flight when it went out, minus itself', () => {
		const { auto, round } = driven();
		round(50);
		round(50);
		expect(auto.requestLimit).toBe(9);
		const tickets = Array.from({ length: 9 }, () => ticketNow(auto));
		auto.onAnswer('overloaded', tickets[8]); // the 9th was refused: 8 fit
		for (const t of tickets.slice(0, 8)) auto.onAnswer('ok', t);
		const after: number[] = [];
		for (let i = 0; i < 30; i++) {
			round(50);
			after.push(auto.requestLimit);
		}
		// Above the learned 8 only by a single probe now and then.
		expect(Math.max(...after)).toBeLessThanOrEqual(9);
	});

	it('429s end the start-up; under the pacer it keeps what the allowed rate needs at the round trips seen', () => {
		const { auto, round } = driven(32, 10); // the pacer allows one request every 10 ms
		round(50);
		round(50, 'throttled');
		for (let i = 0; i < 10; i++) round(50);
		// 50 ms round trips at one request per 10 ms: at least 6 in flight.
		expect(auto.requestLimit).toBeGreaterThanOrEqual(6);
	});

	it('an item waiting out a Retry-After does not count against the limit, and the pool hears of the room at once', () => {
		const { auto } = driven();
		const raised = jest.fn();
		auto.onRaise = raised;
		// One request on the wire, two items prepared ahead of it.
		expect([auto.requestLimit, auto.limit]).toEqual([1, 3]);
		auto.restStarted();
		expect([auto.requestLimit, auto.limit]).toEqual([1, 4]);
		expect(raised).toHaveBeenCalledTimes(1);
		auto.restEnded();
		expect([auto.requestLimit, auto.limit]).toEqual([1, 3]);
	});

	it('a fixed number stays fixed', () => {
		const fixed = new FixedLimit(5);
		fixed.onAnswer();
		fixed.restStarted();
		expect(fixed.limit).toBe(5);
	});
});
