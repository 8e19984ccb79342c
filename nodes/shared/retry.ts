import type { HttpMethod, RequestSpec } from './types';

/** Statuses that mean "try again later": nothing was done, or the gateway did not get an answer. */
export const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** Network errors after which the request may have reached the server. */
const MAYBE_SENT_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
	'EAI_AGAIN',
	'ERR_BAD_RESPONSE', // the body stopped coming (e.g. aborted by the timeout)
]);
/** Network errors where the request certainly never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

export const MAX_RETRY_AFTER_MS = 120_000;

export function isIdempotent(spec: RequestSpec): boolean {
	if (spec.idempotent !== undefined) return spec.idempotent;
	const safe: HttpMethod[] = ['GET', 'PUT', 'DELETE'];
	return safe.includes(spec.method);
}

/**
 * Whether a status may be retried. 429 is a refusal before any work, so even a create may be
 * re-sent; 5xx from a gateway may hide a create that went through, so only idempotent calls retry.
 */
export function mayRetryStatus(status: number, idempotent: boolean): boolean {
	if (status === 429) return true;
	return idempotent && RETRY_STATUSES.has(status);
}

export type NetworkFailure = 'not-sent' | 'maybe-sent' | 'unknown';

export function classifyNetworkCode(code: string | undefined): NetworkFailure {
	if (!code) return 'unknown';
	if (NOT_SENT_CODES.has(code)) return 'not-sent';
	if (MAYBE_SENT_CODES.has(code)) return 'maybe-sent';
	return 'unknown';
}

export function mayRetryNetwork(failure: NetworkFailure, idempotent: boolean): boolean {
	if (failure === 'not-sent') return true;
	return idempotent && failure === 'maybe-sent';
}

/** Retry-After in ms (delta-seconds or HTTP date), or undefined. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** Exponential backoff with jitter: base * 2^(attempt-1), randomised within [50%, 100%]. */
export function backoffMs(attempt: number, baseMs = 500, maxMs = 30_000, random = Math.random): number {
	const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
	return Math.round(ceiling * (0.5 + random() * 0.5));
}
