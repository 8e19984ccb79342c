/**
 * Switchable misbehaviour, the way real APIs fail: throttling, gateway errors, dropped
 * connections, broken bodies, slowness. Rules match by platform, method and path.
 */
export type FaultKind =
	| 'status' // answer this status without doing anything (e.g. 429 with Retry-After, 503)
	| 'drop' // destroy the connection before doing anything
	| 'dropAfter' // do the work (e.g. create the user), then destroy the connection
	| 'malformed' // do the work, then answer 200 with a body that is not JSON
	| 'slowBody'; // do the work, send headers, then stall the body for `delayMs`

export interface FaultRule {
	kind: FaultKind;
	platform?: string;
	method?: string;
	/** Substring or regular expression matched against the path (without the platform prefix). */
	path?: string | RegExp;
	/** How many matching requests this rule affects (default: 1). */
	times?: number;
	status?: number;
	retryAfter?: string;
	body?: unknown;
	delayMs?: number;
}

export interface SandboxSettings {
	/** Added before every answer, in ms. */
	latencyMs: number;
	/** Requests handled at once; the rest wait in line (0 = no cap). */
	maxConcurrent: number;
	/** Requests per second allowed; beyond it the answer is 429 with Retry-After (0 = no limit). */
	rateLimit: number;
	/** Whether a rate-limited 429 carries Retry-After. */
	rateLimitRetryAfter: boolean;
	/** Requests handled at once before the server refuses with 503 at once, without a line (0 = off). */
	hardLimit: number;
	/** Capacity that changes mid-run: after this many requests, `maxConcurrent` becomes the new value. */
	capacityChange?: { afterRequests: number; maxConcurrent: number };
	/** Sample the number of requests in the server (served + waiting) every this many ms (0 = off). */
	sampleEveryMs: number;
}

export const defaultSettings = (): SandboxSettings => ({
	latencyMs: 0,
	maxConcurrent: 0,
	rateLimit: 0,
	rateLimitRetryAfter: true,
	hardLimit: 0,
	sampleEveryMs: 0,
});

/**
 * What the server saw over time, for the benchmark's charts: [ms since sampling began, requests in
 * the server (served + waiting), answers sent so far]. `changedAt` is when the capacity changed.
 */
export interface Timeline {
	samples: Array<[number, number, number]>;
	changedAt?: number;
	/** The most requests in the server at once since sampling began (counted at every arrival, not sampled). */
	peak?: number;
}

export class FaultBook {
	private rules: Array<FaultRule & { left: number }> = [];

	add(rule: FaultRule): void {
		this.rules.push({ ...rule, left: rule.times ?? 1 });
	}

	clear(): void {
		this.rules = [];
	}

	/** The first rule matching this request, used up by one. */
	take(platform: string, method: string, path: string): FaultRule | undefined {
		const rule = this.rules.find(
			(r) =>
				r.left > 0 &&
				(!r.platform || r.platform === platform) &&
				(!r.method || r.method.toUpperCase() === method) &&
				(!r.path || (typeof r.path === 'string' ? path.includes(r.path) : r.path.test(path))),
		);
		if (rule) rule.left--;
		return rule;
	}
}

/** A sliding one-second window counting requests, for the rate limit. */
export class RateWindow {
	private stamps: number[] = [];

	/** Whether one more request fits; counts it if so. */
	allow(limit: number, now = Date.now()): boolean {
		while (this.stamps.length && now - this.stamps[0] >= 1000) this.stamps.shift();
		if (this.stamps.length >= limit) return false;
		this.stamps.push(now);
		return true;
	}

	/** Ms until the oldest request leaves the window. */
	waitMs(now = Date.now()): number {
		return this.stamps.length ? Math.max(0, 1000 - (now - this.stamps[0])) : 0;
	}
}
