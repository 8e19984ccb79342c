/**
 * A server and a client on a simulated clock, to watch Auto's decisions quickly and
 * deterministically (the benchmark measures the real thing). The server serves `capacity`
 * requests at once in `latencyMs`; beyond that it queues them, or with `hardLimit` refuses them
 * at once (503). The client spends `cpuMs` of its single thread on each answer, as a node does.
 */
import {
	AutoLimit,
	type ConcurrencyLimit,
	type SendTicket,
} from '../../../../nodes/shared/pace/concurrency';

export interface SimOptions {
	capacity: number;
	latencyMs: number;
	hardLimit?: boolean;
	cpuMs?: number;
	/** Wait before a refused request is sent again. */
	retryDelayMs?: number;
	items: number;
	/** The capacity changes after this many answers. */
	capacityAfter?: { answers: number; capacity: number };
	limit?: ConcurrencyLimit;
	ceiling?: number;
	/** Auto's pacing (on unless false). */
	pacing?: boolean;
	/**
	 * A busy machine: the client gets the CPU in only this share of `sliceMs` slices (chosen at
	 * random, reproducibly); answers wait for its next slice.
	 */
	load?: { share: number; sliceMs: number };
}

export interface SimResult {
	ms: number;
	refused: number;
	/** [time, limit, in flight] at each answer. */
	trace: Array<[number, number, number]>;
	/** Completion times of successful answers. */
	done: number[];
	/** When each request went out. */
	sent: number[];
}

export function simulate(o: SimOptions): SimResult {
	let now = 0;
	const limit =
		o.limit ?? new AutoLimit({ ceiling: o.ceiling ?? 32, now: () => now, pacing: o.pacing });
	const cpu = o.cpuMs ?? 0.5;
	let capacity = o.capacity;
	let clientFreeAt = 0;
	let serving = 0;
	const waiting: Array<() => void> = [];
	const events: Array<{ at: number; run: () => void }> = [];
	const at = (t: number, run: () => void) => {
		events.push({ at: t, run });
		events.sort((a, b) => a.at - b.at);
	};
	let next = 0;
	/** Requests sent whose answers the client has not handled yet. */
	let onWire = 0;
	/** Refused requests whose backoff is over, waiting for room before going again. */
	let retries = 0;
	let answers = 0;
	const result: SimResult = { ms: 0, refused: 0, trace: [], done: [], sent: [] };
	/** Requests allowed on the wire: Auto's own count; a fixed number is one request per item. */
	const wire = () => (limit instanceof AutoLimit ? limit.requestLimit : limit.limit);
	const running = (slice: number) => {
		if (!o.load) return true;
		// A small hash of the slice number: the same pattern on every run.
		const x = Math.sin(slice * 12.9898 + 78.233) * 43758.5453;
		return x - Math.floor(x) < o.load.share;
	};
	const onCpu = (t: number) => {
		if (!o.load) return t;
		let slice = Math.floor(t / o.load.sliceMs);
		if (running(slice)) return t;
		while (!running(++slice));
		return slice * o.load.sliceMs;
	};
	const answer = (ticket: SendTicket, ok: boolean) => {
		// The client handles answers one at a time on its one thread, when it has the CPU.
		const start = onCpu(Math.max(now, clientFreeAt));
		clientFreeAt = start + cpu;
		at(clientFreeAt, () => {
			answers++;
			if (o.capacityAfter && answers === o.capacityAfter.answers)
				capacity = o.capacityAfter.capacity;
			onWire--;
			limit.onAnswer(ok ? 'ok' : 'overloaded', ticket);
			result.trace.push([now, wire(), onWire]);
			if (ok) result.done.push(now);
			else {
				result.refused++;
				// The same item again after a backoff, as the client's retry policy waits.
				at(now + (o.retryDelayMs ?? 250), () => {
					retries++;
					pump();
				});
			}
			pump();
		});
	};
	const serve = (ticket: SendTicket) => {
		serving++;
		at(now + o.latencyMs, () => {
			serving--;
			if (serving < capacity) waiting.shift()?.();
			answer(ticket, true);
		});
	};
	const send = (ticket: SendTicket) => {
		onWire++;
		result.sent.push(now);
		if (serving < capacity) serve(ticket);
		else if (o.hardLimit) at(now + 1, () => answer(ticket, false));
		else waiting.push(() => serve(ticket));
	};
	let pumpAt = Number.NaN;
	/** Items are prepared ahead: whenever the wire has room, the next request goes at its time. */
	const pump = () => {
		while (onWire < wire() && (retries > 0 || next < o.items)) {
			const ticket = limit instanceof AutoLimit ? limit.trySending() : limit.sending(0, false);
			if (ticket instanceof Promise) throw new Error('a fixed limit never makes a request wait');
			if (!ticket) {
				// Held by Auto's pacing: go again when it allows.
				const when = (limit as AutoLimit).sendableAt;
				if (pumpAt !== when) {
					pumpAt = when;
					at(when, pump);
				}
				return;
			}
			if (retries > 0) retries--;
			else next++;
			send(ticket);
		}
	};
	pump();
	while (events.length) {
		const e = events.shift() as { at: number; run: () => void };
		now = e.at;
		e.run();
	}
	result.ms = now;
	return result;
}
