import {
	backoffMs,
	classifyNetworkCode,
	decide,
	isIdempotent,
	parseRetryAfter,
	type TryResult,
	type TryState,
} from '../../../../nodes/shared/client/retry-policy';

const state = (over: Partial<TryState> = {}): TryState => ({
	attempt: 1,
	maxTries: 3,
	idempotent: true,
	canLookUp: false,
	backoffBaseMs: 100,
	random: () => 1,
	...over,
});
const answer = (
	status: number,
	extra: Partial<Extract<TryResult, { kind: 'answer' }>> = {},
): TryResult => ({ kind: 'answer', status, ...extra });
const network = (code: string): TryResult => ({
	kind: 'network',
	failure: classifyNetworkCode(code),
});

describe('the retry policy (one function, used by the client)', () => {
	it('treats GET, PUT and DELETE as idempotent, POST and PATCH not, unless the spec says so', () => {
		expect(isIdempotent({ method: 'GET', path: '/' })).toBe(true);
		expect(isIdempotent({ method: 'PUT', path: '/' })).toBe(true);
		expect(isIdempotent({ method: 'DELETE', path: '/' })).toBe(true);
		expect(isIdempotent({ method: 'POST', path: '/' })).toBe(false);
		expect(isIdempotent({ method: 'PATCH', path: '/' })).toBe(false);
		expect(isIdempotent({ method: 'POST', path: '/search', idempotent: true })).toBe(true);
	});

	it('an answer that is not a "try later" stands', () => {
		for (const status of [200, 201, 400, 401, 404, 406, 422, 500])
			expect(decide(answer(status), state())).toEqual({ action: 'done' });
	});

	it('429: any call is sent again (nothing was done), waiting Retry-After, with a budget of its own', () => {
		expect(decide(answer(429, { retryAfterMs: 2000 }), state({ idempotent: false }))).toEqual({
			action: 'retry',
			waitMs: 2000,
			why: '429',
		});
		expect(decide(answer(429), state({ attempt: 1 }))).toEqual({
			action: 'retry',
			waitMs: 100,
			why: '429',
		});
		// Beyond Max Tries but within 4 × Max Tries: still waiting, not failing.
		expect(decide(answer(429), state({ attempt: 11, maxTries: 3 })).action).toBe('retry');
		expect(decide(answer(429), state({ attempt: 12, maxTries: 3 }))).toEqual({ action: 'done' });
		// A Retry-After beyond two minutes is not waited for; Max Tries 1 turns retries off.
		expect(decide(answer(429, { retryAfterMs: 121_000 }), state())).toEqual({ action: 'done' });
		expect(decide(answer(429), state({ maxTries: 1 }))).toEqual({ action: 'done' });
	});

	it('502/503/504: idempotent calls retry (backoff + Retry-After); a create with a lookup looks; one without stands', () => {
		for (const status of [502, 503, 504]) {
			expect(decide(answer(status, { retryAfterMs: 1000 }), state())).toEqual({
				action: 'retry',
				waitMs: 1100,
				why: String(status),
			});
			expect(decide(answer(status), state({ idempotent: false, canLookUp: true }))).toEqual({
				action: 'lookUp',
				waitMs: 100,
				why: String(status),
			});
			expect(decide(answer(status), state({ idempotent: false }))).toEqual({ action: 'done' });
			expect(decide(answer(status), state({ attempt: 3 }))).toEqual({ action: 'done' });
		}
	});

	it('no answer: re-send when it never arrived; after a possible arrival only idempotent calls, or look first', () => {
		expect(classifyNetworkCode('ECONNREFUSED')).toBe('not-sent');
		expect(classifyNetworkCode('ECONNRESET')).toBe('maybe-sent');
		expect(classifyNetworkCode('ECONNABORTED')).toBe('maybe-sent');
		expect(classifyNetworkCode('EWEIRD')).toBe('unknown');
		expect(decide(network('ECONNREFUSED'), state({ idempotent: false }))).toMatchObject({
			action: 'retry',
		});
		expect(decide(network('ECONNRESET'), state())).toMatchObject({ action: 'retry' });
		expect(
			decide(network('ECONNRESET'), state({ idempotent: false, canLookUp: true })),
		).toMatchObject({ action: 'lookUp' });
		expect(decide(network('ECONNRESET'), state({ idempotent: false }))).toEqual({
			action: 'fail',
			why: 'no-answer',
		});
		expect(decide(network('EWEIRD'), state())).toEqual({ action: 'fail', why: 'no-answer' });
		expect(decide(network('ECONNREFUSED'), state({ attempt: 3 }))).toEqual({
			action: 'fail',
			why: 'no-answer',
		});
	});

	it('a 2xx that is not JSON: idempotent calls retry, others fail (the service may have acted)', () => {
		expect(decide(answer(200, { unreadable2xx: true }), state())).toMatchObject({
			action: 'retry',
		});
		expect(
			decide(answer(201, { unreadable2xx: true }), state({ idempotent: false, canLookUp: true })),
		).toEqual({ action: 'fail', why: 'unreadable' });
		expect(decide(answer(200, { unreadable2xx: true }), state({ attempt: 3 }))).toEqual({
			action: 'fail',
			why: 'unreadable',
		});
	});

	it('reads Retry-After as seconds or as a date', () => {
		const now = Date.parse('2026-11-22T10:00:00Z');
		expect(parseRetryAfter('3', now)).toBe(3000);
		expect(parseRetryAfter('0', now)).toBe(0);
		expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	it('backs off exponentially with jitter between half and full, capped', () => {
		expect(backoffMs(1, 500, 30000, () => 0)).toBe(250);
		expect(backoffMs(1, 500, 30000, () => 1)).toBe(500);
		expect(backoffMs(3, 500, 30000, () => 1)).toBe(2000);
		expect(backoffMs(20, 500, 30000, () => 1)).toBe(30000);
	});
});
