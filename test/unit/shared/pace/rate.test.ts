import { Pacer } from '../../../../nodes/shared/pace/rate';

/** A pacer on a hand-driven clock. */
function clocked(rate = 0) {
	let now = 1_000_000;
	const pacer = new Pacer(rate, () => now);
	return { pacer, advance: (ms: number) => (now += ms) };
}

describe('Pacer', () => {
	it('has no spacing until told a rate or throttled', () => {
		expect(clocked().pacer.spacingMs).toBe(0);
		expect(clocked(20).pacer.spacingMs).toBe(50);
	});

	it('on a 429 matches the rate the service accepted over the last second, a little under it', () => {
		const { pacer, advance } = clocked();
		for (let i = 0; i < 100; i++) {
			pacer.onAnswer();
			advance(5); // 100 answers in 0.5 s; all still inside the window
		}
		pacer.onThrottled();
		expect(pacer.spacingMs).toBeCloseTo(10.2, 5); // 1000 / 100 * 1.02 -> about 98 req/s
	});

	it('counts a burst of 429s as one signal; throttled again later, it matches the new allowance', () => {
		const { pacer, advance } = clocked();
		for (let i = 0; i < 100; i++) pacer.onAnswer();
		for (let i = 0; i < 16; i++) pacer.onThrottled();
		expect(pacer.spacingMs).toBeCloseTo(10.2, 5);
		advance(1500);
		// The service now takes only 50 a second.
		for (let i = 0; i < 50; i++) pacer.onAnswer();
		pacer.onThrottled();
		expect(pacer.spacingMs).toBeCloseTo(20.4, 5);
	});

	it('throttled again while already under the accepted rate: a little slower each time, without large steps', () => {
		const { pacer, advance } = clocked();
		for (let i = 0; i < 100; i++) pacer.onAnswer();
		pacer.onThrottled();
		advance(1500);
		// 110 accepted (the first 100 of them probed up by 1%): the spacing in force is already under that rate.
		for (let i = 0; i < 110; i++) pacer.onAnswer();
		pacer.onThrottled();
		expect(pacer.spacingMs).toBeCloseTo(10.2 * 0.99 * 1.02, 5);
	});

	it('probes back up after a calm stretch', () => {
		const { pacer } = clocked();
		for (let i = 0; i < 100; i++) pacer.onAnswer();
		pacer.onThrottled();
		const before = pacer.spacingMs;
		for (let i = 0; i < 100; i++) pacer.onAnswer();
		expect(pacer.spacingMs).toBeCloseTo(before * 0.99, 5);
	});

	it('a fixed rate is never exceeded by learning', () => {
		const { pacer } = clocked(5);
		for (let i = 0; i < 1000; i++) pacer.onAnswer();
		pacer.onThrottled();
		expect(pacer.spacingMs).toBe(200);
	});

	it('spaces the starts of requests by the spacing in force', async () => {
		const pacer = new Pacer(50); // 20 ms apart
		const starts: number[] = [];
		const t0 = Date.now();
		for (let i = 0; i < 5; i++) {
			await pacer.acquire();
			starts.push(Date.now() - t0);
		}
		expect(starts[4]).toBeGreaterThanOrEqual(4 * 20 - 5);
	});
});

describe('parameterReader', () => {
	it('resolves parameters without expressions once per run, and expressions for every item', async () => {
		const { parameterReader, hasExpression } = await import('../../../../nodes/shared/parameters');
		const parameters = {
			login: '={{ $json.login }}',
			type: 'USER',
			options: { timeout: 5000 },
			nested: { a: ['x', '=y'] },
		};
		const calls: string[] = [];
		const ctx = {
			getNode: () => ({ parameters }),
			getNodeParameter: (name: string, i: number) => {
				calls.push(`${name}@${i}`);
				return `${name}-${i}`;
			},
		};
		const read = parameterReader(ctx as never);
		for (const i of [0, 1, 2]) {
			read('login', i);
			read('type', i);
			read('options', i);
			read('nested', i);
		}
		expect(calls).toEqual([
			'login@0',
			'type@0',
			'options@0',
			'nested@0',
			'login@1',
			'nested@1',
			'login@2',
			'nested@2',
		]);
		expect(read('type', 2)).toBe('type-0');
		expect(hasExpression({ a: [{ b: '={{1}}' }] })).toBe(true);
		expect(hasExpression({ a: ['plain', 3, null] })).toBe(false);
	});
});
