import { sleep } from 'n8n-workflow';

/**
 * Paces the requests of one node run: an optional fixed rate, and a shared pause after a 429
 * so parallel requests back off together instead of hammering a throttled service.
 * Lives only as long as one execute() call: no state between executions (queue-mode safe).
 */
export class Pacer {
	private nextSlot = 0;
	private pausedUntil = 0;
	private readonly intervalMs: number;
	/** Adaptive spacing learned from 429s when no fixed rate is set. */
	private adaptiveMs = 0;
	private successesSinceThrottle = 0;

	constructor(
		rateLimitPerSecond: number,
		private readonly now: () => number = Date.now,
	) {
		this.intervalMs = rateLimitPerSecond > 0 ? 1000 / rateLimitPerSecond : 0;
	}

	/** Wait until this request may go out. */
	async acquire(): Promise<void> {
		for (;;) {
			const now = this.now();
			const spacing = Math.max(this.intervalMs, this.adaptiveMs);
			const start = Math.max(now, this.pausedUntil, spacing > 0 ? this.nextSlot : now);
			if (start <= now) {
				this.nextSlot = Math.max(this.nextSlot, now) + spacing;
				return;
			}
			await sleep(start - now);
		}
	}

	/** The service said "too many": pause everyone and space requests further apart. */
	onThrottled(waitMs: number, inFlight: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, this.now() + waitMs);
		this.successesSinceThrottle = 0;
		// Multiplicative decrease of the rate, starting from a guess based on what was in flight.
		const current = this.adaptiveMs > 0 ? this.adaptiveMs : Math.max(1, 1000 / Math.max(inFlight * 20, 1));
		this.adaptiveMs = Math.min(5000, current * 1.25);
	}

	/** Additive increase: after a run of successes, creep back towards full speed. */
	onSuccess(): void {
		if (this.adaptiveMs === 0) return;
		this.successesSinceThrottle += 1;
		if (this.successesSinceThrottle >= 20) {
			this.successesSinceThrottle = 0;
			this.adaptiveMs = this.adaptiveMs * 0.95;
			if (this.adaptiveMs < 0.5) this.adaptiveMs = 0;
		}
	}
}
