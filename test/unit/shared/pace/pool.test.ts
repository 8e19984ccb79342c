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
			[0, 1, 2, 3, 4],
			gate,
			async (n) => {
				started++;
				if (n === 0) gate.restStarted(); // item 0 waits out a 429: item 3 may go meanwhile
				await hold;
				if (n === 0) gate.restEnded();
				return n;
			},
			false,
		);
		await new Promise((r) => setTimeout(r, 10));
		// One request on the wire and two items prepared ahead, plus one beside the resting item.
		expect(started).toBe(4);
		release();
		expect(await run).toEqual([0, 1, 2, 3, 4]);
	});
});

describe('Auto: items prepared ahead, requests let through as answers make room', () => {
	/** Units that each send one request through the gate and hold it until answered by hand. */
	function wired(gate: AutoLimit, count: number, endsRun = false, failing = -1) {
		const sent: number[] = [];
		const answers: Array<() => void> = [];
		const run = mapPool(
			Array.from({ length: count }, (_, i) => i),
			gate,
			async (n) => {
				const ticket = await gate.sending(n, true);
				sent.push(n);
				await new Promise<void>((r) => answers.push(r));
				gate.onAnswer('ok', ticket, n !== failing); // the failing one answered 4xx, say
				if (n === failing) throw new Error(`item ${n} failed`);
				return n;
			},
			endsRun,
			endsRun ? (n) => n : undefined,
		);
		const answerNext = async () => {
			answers.shift()?.();
			await new Promise((r) => setTimeout(r, 1));
		};
		return { run, sent, answerNext };
	}

	it('keeps the wire at the limit and lets the waiting requests go in item order', async () => {
		const gate = new AutoLimit({ ceiling: 32 });
		const { run, sent, answerNext } = wired(gate, 6);
		await new Promise((r) => setTimeout(r, 1));
		expect(sent).toEqual([0]); // the first request of a run goes alone; 1 and 2 wait, prepared
		await answerNext(); // start-up: three on the wire now
		expect(sent).toEqual([0, 1, 2, 3]);
		for (let i = 0; i < 5; i++) await answerNext();
		expect(await run).toEqual([0, 1, 2, 3, 4, 5]);
		expect(sent).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('after a failure that ends the run, prepared items send nothing and the failure is the one reported', async () => {
		const gate = new AutoLimit({ ceiling: 32 });
		const { run, sent, answerNext } = wired(gate, 6, true, 0);
		await new Promise((r) => setTimeout(r, 1));
		expect(sent).toEqual([0]);
		const settled = run.catch((error: Error) => error.message);
		await answerNext(); // item 0 fails; items 1 and 2 waited for room and are refused
		expect(await settled).toBe('item 0 failed');
		expect(sent).toEqual([0]);
	});
});
