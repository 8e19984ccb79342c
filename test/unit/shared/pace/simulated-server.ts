/**
 * A server and a client on a simulated clock, to watch Auto's decisions quickly and
 * deterministically (the benchmark measures the real thing). The server serves `capacity`
 * requests at once in `latencyMs`; beyond that it queues them, or with `hardLimit` refuses them
 * at once (503). The client spends `cpuMs` of its single thread on each answer, as a node does.
 */
import { AutoLimit, type ConcurrencyLimit } from '../../../../nodes/shared/pace/concurrency';

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
}

export interface SimResult {
	ms: number;
	refused: number;
	/** [time, limit, in flight] at each answer. */
	trace: Array<[number, number, number]>;
	/** Completion times of successful answers. */
	done: number[];
}

export function simulate(o: SimOptions): SimResult {
	const limit = o.limit ?? new AutoLimit({ ceiling: o.ceiling ?? 32 });
	const cpu = o.cpuMs ?? 0.5;
	let capacity = o.capacity;
	let now = 0;
	let clientFreeAt = 0;
	let serving = 0;
	const waiting: Array<() => void> = [];
	const events: Array<{ at: number; run: () => void }> = [];
	const at = (t: number, run: () => void) => {
		events.push({ at: t, run });
		events.sort((a, b) => a.at - b.at);
	};
	let next = 0;
	let inFlight = 0;
	let answers = 0;
	const result: SimResult = { ms: 0, refused: 0, trace: [], done: [] };

	const answer = (sentAt: number, ok: boolean) => {
		// The client handles answers one at a time on its one thread.
		const start = Math.max(now, clientFreeAt);
		clientFreeAt = start + cpu;
		at(clientFreeAt, () => {
			answers++;
			if (o.capacityAfter && answers === o.capacityAfter.answers) capacity = o.capacityAfter.capacity;
			limit.onAnswer(ok ? 'ok' : 'overloaded', now - sentAt);
			result.trace.push([now, limit.limit, inFlight]);
			if (ok) {
				result.done.push(now);
				inFlight--;
				limit.finished();
			} else {
				result.refused++;
				// The same item again after a backoff, as the client's retry policy waits.
				at(now + (o.retryDelayMs ?? 250), send);
				return;
			}
			pump();
		});
	};
	const serve = (sentAt: number) => {
		serving++;
		at(now + o.latencyMs, () => {
			serving--;
			if (serving < capacity) waiting.shift()?.();
			answer(sentAt, true);
		});
	};
	const send = () => {
		const sentAt = now;
		if (serving < capacity) serve(sentAt);
		else if (o.hardLimit) at(now + 1, () => answer(sentAt, false));
		else waiting.push(() => serve(sentAt));
	};
	const pump = () => {
		while (inFlight < limit.limit && next < o.items) {
			next++;
			inFlight++;
			limit.started();
			send();
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
