import {
	backoffMs,
	classifyNetworkCode,
	isIdempotent,
	mayRetryNetwork,
	mayRetryStatus,
	parseRetryAfter,
} from '../../nodes/shared/retry';

describe('retry policy', () => {
	it('treats GET, PUT and DELETE as idempotent, POST and PATCH not, unless the spec says so', () => {
		expect(isIdempotent({ method: 'GET', path: '/' })).toBe(true);
		expect(isIdempotent({ method: 'PUT', path: '/' })).toBe(true);
		expect(isIdempotent({ method: 'DELETE', path: '/' })).toBe(true);
		expect(isIdempotent({ method: 'POST', path: '/' })).toBe(false);
		expect(isIdempotent({ method: 'PATCH', path: '/' })).toBe(false);
		expect(isIdempotent({ method: 'POST', path: '/search', idempotent: true })).toBe(true);
	});

	it('retries 429 for any call but gateway errors only for idempotent ones', () => {
		expect(mayRetryStatus(429, false)).toBe(true);
		for (const s of [502, 503, 504]) {
			expect(mayRetryStatus(s, true)).toBe(true);
			expect(mayRetryStatus(s, false)).toBe(false);
		}
		expect(mayRetryStatus(500, true)).toBe(false);
		expect(mayRetryStatus(404, true)).toBe(false);
	});

	it('re-sends after a refused connection always, after a reset only when idempotent', () => {
		expect(classifyNetworkCode('ECONNREFUSED')).toBe('not-sent');
		expect(classifyNetworkCode('ECONNRESET')).toBe('maybe-sent');
		expect(classifyNetworkCode('ECONNABORTED')).toBe('maybe-sent');
		expect(classifyNetworkCode('EWEIRD')).toBe('unknown');
		expect(mayRetryNetwork('not-sent', false)).toBe(true);
		expect(mayRetryNetwork('maybe-sent', false)).toBe(false);
		expect(mayRetryNetwork('maybe-sent', true)).toBe(true);
		expect(mayRetryNetwork('unknown', true)).toBe(false);
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
