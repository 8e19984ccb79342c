import { AutoLimit } from '../../../../nodes/shared/pace/concurrency';
import { mapPool } from '../../../../nodes/shared/pace/pool';

describe('mapPool', () => {
	it('keeps input order with several in flight and never exceeds the limit', async () => {
		let active = 0;
		let peak = 0;
		const out = await mapPool(
			[30, 5, 20, 1, 10, 2],
			3,
			async (ms, i) => {
				active++;
				peak = Math.max(peak, active);
				await new Promise((r) => setTimeout(r, ms));
				active--;
				return i * 10;
			},
			false,
		);
		expect(out).toEqual([0, 10, 20, 30, 40, 50]);
		expect(peak).toBe(3);
	});

	it('stops starting new work after a failure and rethrows the earliest one', async () => {
		const started: number[] = [];
		await expect(
			mapPool(
				[0, 1, 2, 3, 4, 5],
				2,
				async (n) => {
					started.push(n);
					await new Promise((r) => setTimeout(r, 5));
					if (n === 1) throw new Error('one failed');
					return n;
				},
				true,
			),
		).rejects.toThrow('one failed');
		expect(started.length).toBeLessThan(6);
	});
});

describe('mapPool with a limit that changes', () => {
	it('starts more at once when the limit rises while nothing finishes (an item waiting out a 429)', async () => {
		let started = 0;
		const gate = new AutoLimit({ ceiling: 32 });
		let release!: () => void;
		const hold = new Promise<void>((r) => (release = r));
		const run = mapPool(
			[0, 1, 2],
			gate,
			async (n) => {
				started++;
				if (n === 0) gate.restStarted(); // item 0 waits out a 429: item 1 may go meanwhile
				await hold;
				if (n === 0) gate.restEnded();
				return n;
			},
			false,
		);
		await new Promise((r) => setTimeout(r, 10));
		expect(started).toBe(2);
		release();
		expect(await run).toEqual([0, 1, 2]);
	});
});
