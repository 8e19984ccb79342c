import type { HttpMethod, RequestSpec } from '../types';

/**
 * The one retry policy: given what one try on the wire gave, what the client does next.
 * Pure, so the tests can walk every branch without a network.
 */

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

/** A Retry-After longer than this is not waited for: the answer stands as an error. */
export const MAX_RETRY_AFTER_MS = 120_000;
/** 429s have a budget of their own: this many times Max Tries. */
export const THROTTLE_BUDGET = 4;

export type NetworkFailure = 'not-sent' | 'maybe-sent' | 'unknown';

export function classifyNetworkCode(code: string | undefined): NetworkFailure {
	if (!code) return 'unknown';
	if (NOT_SENT_CODES.has(code)) return 'not-sent';
	if (MAYBE_SENT_CODES.has(code)) return 'maybe-sent';
	return 'unknown';
}

export function isIdempotent(spec: RequestSpec): boolean {
	if (spec.idempotent !== undefined) return spec.idempotent;
	const safe: HttpMethod[] = ['GET', 'PUT', 'DELETE'];
	return safe.includes(spec.method);
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
export function backoffMs(
	attempt: number,
	baseMs = 500,
	maxMs = 30_000,
	random = Math.random,
): number {
	const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
	return Math.round(ceiling * (0.5 + random() * 0.5));
}

/** What one try gave. */
export type TryResult =
	| { kind: 'answer'; status: number; retryAfterMs?: number; unreadable2xx?: boolean }
	| { kind: 'network'; failure: NetworkFailure };

export interface TryState {
	/** 1 for the first try. */
	attempt: number;
	maxTries: number;
	idempotent: boolean;
	/** The request carries a lookup (a create that can be checked before sending it again). */
	canLookUp: boolean;
	backoffBaseMs: number;
	random?: () => number;
}

export type Decision =
	/** The answer stands (success or an error status the caller turns into a message). */
	| { action: 'done' }
	/** Send the same request again after waiting. */
	| { action: 'retry'; waitMs: number; why: string }
	/** The request may have acted: wait, look the record up, and only send again if it is not there. */
	| { action: 'lookUp'; waitMs: number; why: string }
	/** No answer can be had, or the answer cannot be read: fail with the reason. */
	| { action: 'fail'; why: 'no-answer' | 'unreadable' };

export function decide(result: TryResult, state: TryState): Decision {
	const { attempt, maxTries, idempotent, canLookUp, backoffBaseMs, random } = state;
	const canTryAgain = attempt < maxTries;
	const backoff = (cap?: number) => backoffMs(attempt, backoffBaseMs, cap, random);
	if (result.kind === 'network') {
		if (
			canTryAgain &&
			(result.failure === 'not-sent' || (idempotent && result.failure === 'maybe-sent'))
		) {
			return { action: 'retry', waitMs: backoff(), why: 'no answer' };
		}
		if (canTryAgain && canLookUp && result.failure === 'maybe-sent') {
			return { action: 'lookUp', waitMs: backoff(), why: 'answer lost' };
		}
		return { action: 'fail', why: 'no-answer' };
	}
	const { status, retryAfterMs } = result;
	if (status === 429) {
		// Throttling is expected in bulk runs: it has a budget of its own, so a run slows down
		// instead of failing, and still ends when the service keeps refusing.
		const canWait = retryAfterMs === undefined || retryAfterMs <= MAX_RETRY_AFTER_MS;
		if (maxTries > 1 && attempt < maxTries * THROTTLE_BUDGET && canWait) {
			return { action: 'retry', waitMs: retryAfterMs ?? backoff(), why: '429' };
		}
		return { action: 'done' };
	}
	if (RETRY_STATUSES.has(status) && canTryAgain) {
		if (idempotent)
			return { action: 'retry', waitMs: backoff() + (retryAfterMs ?? 0), why: String(status) };
		// A gateway error may hide a create that went through.
		if (canLookUp) return { action: 'lookUp', waitMs: backoff(), why: String(status) };
		return { action: 'done' };
	}
	if (result.unreadable2xx) {
		if (canTryAgain && idempotent)
			return { action: 'retry', waitMs: backoff(), why: 'unreadable answer' };
		return { action: 'fail', why: 'unreadable' };
	}
	return { action: 'done' };
}
