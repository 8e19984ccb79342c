import { sleep } from 'n8n-workflow';

/**
 * Paces the requests of one node run. Two limits, the stricter wins:
 * - a fixed rate the user set (Rate Limit option);
 * - a learned rate: when the service answers 429, the answers it let through in the last
 *   second are its allowance, so requests are spaced to match it, then probed slowly upwards.
 * Lives only as long as one execute() call: no state between executions (queue-mode safe).
 */
export class Pacer {
	private nextSlot = 0;
	private readonly fixedMs: number;
	private learnedMs = 0;
	private answers: number[] = [];
	private sinceThrottle = 0;
	private lastThrottleAt = Number.NEGATIVE_INFINITY;

	constructor(
		rateLimitPerSecond: number,
		private readonly now: () => number = Date.now,
	) {
		this.fixedMs = rateLimitPerSecond > 0 ? 1000 / rateLimitPerSecond : 0;
	}

	/** Spacing between request starts now in force, in ms (0 = none). */
	get spacingMs(): number {
		return Math.max(this.fixedMs, this.learnedMs);
	}

	/** Wait until this request may go out. */
	async acquire(): Promise<void> {
		const spacing = this.spacingMs;
		if (spacing === 0) return;
		const now = this.now();
		const start = Math.max(now, this.nextSlot);
		this.nextSlot = start + spacing;
		if (start > now) await sleep(start - now);
	}

	/** An answer that was not a throttle: count it, and probe upwards after a calm stretch. */
	onAnswer(): void {
		const now = this.now();
		this.answers.push(now);
		this.trim(now);
		if (this.learnedMs === 0) return;
		this.sinceThrottle += 1;
		if (this.sinceThrottle >= 100) {
			this.sinceThrottle = 0;
			this.learnedMs *= 0.99;
			if (this.learnedMs < 0.2) this.learnedMs = 0;
		}
	}

	/** The service said "too many": match the rate it accepted over the last second. */
	onThrottled(): void {
		const now = this.now();
		this.trim(now);
		this.sinceThrottle = 0;
		const accepted = this.answers.length;
		// Aim a little under the accepted rate: a throttled request costs its Retry-After wait.
		const match = accepted > 0 ? (1000 / accepted) * 1.02 : 0;
		// The 429s of one burst (all in flight together) are one signal, not many. Throttled again
		// after a calm second while already at or under the accepted rate: the allowance is lower
		// than it looked, so a little slower (a small step, so that timing jitter cannot add up).
		const fresh = now - this.lastThrottleAt > 1000;
		this.lastThrottleAt = now;
		const slower = fresh && this.learnedMs >= match ? this.learnedMs * 1.02 : this.learnedMs;
		this.learnedMs = Math.min(10_000, Math.max(match, slower, 1));
	}

	private trim(now: number): void {
		let drop = 0;
		while (drop < this.answers.length && now - this.answers[drop] > 1000) drop++;
		if (drop) this.answers.splice(0, drop);
	}
}
