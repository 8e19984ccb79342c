/**
 * How many items a run keeps in flight. A fixed number when the user pins one; otherwise Auto,
 * which finds the fastest safe number by itself, from what the service's answers say:
 *
 * - Latency: the fastest round trip seen is the floor (nothing queued). When a window of answers
 *   takes longer than the floor, requests are waiting at the server: the estimated queue is
 *   `limit × (1 − floor / typical)` (TCP Vegas' idea). A short queue grows the limit (doubling
 *   at the start, then one at a time); a long one shrinks it.
 * - Overload (502, 503, 504, no answer): each refusal in a burst means one fewer fits than were
 *   allowed when the burst began (at most half of them are given up), so the limit and its learned
 *   ceiling drop at once; above a learned ceiling the limit only probes one step up now and then.
 * - Throttling (429): the rate is learned by the rate pacer; the number in flight stops
 *   growing and backs off once per burst, never below what the learned rate needs.
 *
 * Lives for one execution only; nothing is kept between executions (queue-mode safe).
 */
export type PaceSignal = 'ok' | 'throttled' | 'overloaded';

export interface ConcurrencyLimit {
	/** How many may be in flight now (≥ 1). */
	readonly limit: number;
	/** A unit of work starts / ends (the pool calls these). */
	started(): void;
	finished(): void;
	/** One answer (or its absence) with its round trip. */
	onAnswer(signal: PaceSignal, rttMs: number): void;
}

export class FixedLimit implements ConcurrencyLimit {
	constructor(readonly limit: number) {}
	started(): void {}
	finished(): void {}
	onAnswer(): void {}
}

export interface AutoLimitOptions {
	/** Never above this (protects small servers); the user can lower it. */
	ceiling: number;
	/** Where Auto starts (one at a time, as a short run needs: it doubles from there). */
	initial?: number;
	/** Windows between probes above a learned ceiling. */
	probeEvery?: number;
	/** Spacing between requests the rate pacer enforces now (ms), so the limit never starves the rate. */
	spacingMs?: () => number;
}

export class AutoLimit implements ConcurrencyLimit {
	private current: number;
	private readonly ceiling: number;
	/** The most that fit, learned from overload refusals. */
	private learned: number;
	private slowStart = true;
	private floorRtt = Number.POSITIVE_INFINITY;
	private window: number[] = [];
	private throttledInWindow = false;
	private windowsSinceProbe = 0;
	private active = 0;
	/** The overload burst under way: the limit when it began, the ceiling before it, refusals so far. */
	private burst: { limit: number; learned: number; refusals: number } | undefined;
	private readonly probeEvery: number;

	constructor(private readonly options: AutoLimitOptions) {
		this.ceiling = Math.max(1, Math.floor(options.ceiling));
		this.learned = this.ceiling;
		this.current = Math.min(this.ceiling, options.initial ?? 1);
		this.probeEvery = options.probeEvery ?? 8;
	}

	get limit(): number {
		return Math.max(1, Math.floor(this.current));
	}

	/** Items in flight now. */
	get inFlight(): number {
		return this.active;
	}

	started(): void {
		this.active++;
	}

	finished(): void {
		this.active = Math.max(0, this.active - 1);
	}

	onAnswer(signal: PaceSignal, rttMs: number): void {
		if (signal === 'overloaded') {
			this.burst ??= { limit: this.limit, learned: this.learned, refusals: 0 };
			const burst = this.burst;
			burst.refusals++;
			const fits = Math.max(1, Math.ceil(burst.limit / 2), burst.limit - burst.refusals);
			this.learned = Math.min(burst.learned, fits);
			this.current = Math.min(this.current, this.learned);
			this.slowStart = false;
			return;
		}
		if (signal === 'throttled') {
			if (!this.throttledInWindow) this.current = Math.max(this.rateNeeds(), this.current * 0.75);
			this.throttledInWindow = true;
			this.slowStart = false;
			return;
		}
		if (rttMs < this.floorRtt) this.floorRtt = rttMs;
		this.window.push(rttMs);
		if (this.window.length >= Math.max(2, this.limit)) this.decide();
	}

	private decide(): void {
		const typical = median(this.window);
		const throttled = this.throttledInWindow;
		this.window = [];
		this.throttledInWindow = false;
		// A whole window of answers ends an overload burst.
		this.burst = undefined;
		const limit = this.current;
		const queue = typical > 0 ? limit * (1 - this.floorRtt / typical) : 0;
		const alpha = Math.max(2, 0.15 * limit);
		const beta = Math.max(4, 0.3 * limit);
		if (queue > beta) {
			this.slowStart = false;
			this.current = Math.max(1, limit - Math.max(1, (queue - beta) / 2));
		} else if (queue < alpha && !throttled) {
			if (this.slowStart) this.current = Math.min(this.learned, limit * 2);
			else if (limit < this.learned) this.current = limit + 1;
			else if (++this.windowsSinceProbe >= this.probeEvery) {
				// Above what was learned to fit: one careful step now and then, in case the server got room.
				this.windowsSinceProbe = 0;
				this.current = limit + 1;
			}
		}
		this.current = Math.min(this.ceiling, Math.max(this.current, Math.min(this.ceiling, this.rateNeeds())));
	}

	/** In flight needed to keep up the rate the pacer allows: round trip / spacing, plus one. */
	private rateNeeds(): number {
		const spacing = this.options.spacingMs?.() ?? 0;
		if (spacing <= 0 || !Number.isFinite(this.floorRtt)) return 1;
		return Math.ceil(this.floorRtt / spacing) + 1;
	}
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
