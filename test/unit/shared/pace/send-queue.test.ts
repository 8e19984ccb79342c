import { RunStopped, SendQueue } from '../../../../nodes/shared/pace/send-queue';

describe('the line of requests waiting for room on the wire', () => {
	it('lets the lowest item index go first, whatever order they came in', async () => {
		const queue = new SendQueue();
		const went: number[] = [];
		const waits = [5, 2, 9, 2, 0].map((order) =>
			queue.wait(order, true).then(() => went.push(order)),
		);
		for (let i = 0; i < 5; i++) queue.letOneThrough(i + 1);
		await Promise.all(waits);
		expect(went).toEqual([0, 2, 2, 5, 9]);
	});

	it('tells each request how many are on the wire with it', async () => {
		const queue = new SendQueue();
		const first = queue.wait(1, true);
		queue.letOneThrough(7);
		expect(await first).toBe(7);
	});

	it('when the run stops at an item, refuses later items that sent nothing; the others still go', async () => {
		const queue = new SendQueue();
		const before = queue.wait(1, true); // item 1 would have gone before item 2 failed
		const fresh = queue.wait(3, true);
		const continuing = queue.wait(4, false); // e.g. the create after an upsert's lookup
		queue.stop(2);
		await expect(fresh).rejects.toBeInstanceOf(RunStopped);
		expect(queue.length).toBe(2);
		queue.letOneThrough(1);
		queue.letOneThrough(2);
		expect([await before, await continuing]).toEqual([1, 2]);
		expect(() => queue.check(3, true)).toThrow(RunStopped);
		expect(() => queue.check(3, false)).not.toThrow();
		expect(() => queue.check(2, true)).not.toThrow();
	});
});
