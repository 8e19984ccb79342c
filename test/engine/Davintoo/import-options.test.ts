import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { jsonOf, person, runDavintoo } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const params = { operation: 'importMany', source: 'json', batchSize: 2 };
const times = () => sandbox.requests().map((r) => Date.parse(r.time));

/** Import Many is run by the shared runner: the shared options apply to its chunks as to any item. */
describe('Davintoo Import Many honours the shared options', () => {
	it('Concurrency: chunks go out N at a time; output keeps chunk order and pairing', async () => {
		sandbox.settings.latencyMs = 150;
		const items = Array.from({ length: 12 }, (_, n) => person(n));
		const run = await runDavintoo(sandbox, { ...params, options: { concurrency: 3 } }, { items });
		expect(run.error).toBeUndefined();
		expect(sandbox.requests()).toHaveLength(6);
		expect(sandbox.peakActive).toBe(3);
		expect(jsonOf(run.outputs[0]).map((j) => j.chunk)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(run.outputs[0].map((i) => i.pairedItem)).toEqual(
			[0, 2, 4, 6, 8, 10].map((n) => [{ item: n }, { item: n + 1 }]),
		);
		expect(platforms.davintoo.users.size).toBe(12);
	});

	it('Batching: Items per Batch counts input items; the interval is waited between batches of chunks', async () => {
		const items = Array.from({ length: 8 }, (_, n) => person(n));
		const run = await runDavintoo(
			sandbox,
			{ ...params, options: { batching: { batch: { batchSize: 4, batchInterval: 400 } } } },
			{ items },
		);
		expect(run.error).toBeUndefined();
		const t = times();
		expect(t).toHaveLength(4);
		// Chunks 1-2 (items 0-3) are one batch, chunks 3-4 the next, 400 ms later.
		expect(t[1] - t[0]).toBeLessThan(300);
		expect(t[2] - t[1]).toBeGreaterThanOrEqual(380);
	});

	it('Append Summary Item: counts items, and the users created / updated / blocked by the portal', async () => {
		platforms.davintoo.addUser('EMP-1');
		const items = [person(0), person(1), person(2, { gender: 'x' }), person(3)];
		const run = await runDavintoo(
			sandbox,
			{ ...params, options: { summary: true } },
			{ items, onError: 'continueRegularOutput' },
		);
		expect(run.error).toBeUndefined();
		const out = run.outputs[0];
		expect(out.at(-1)).toEqual({
			json: {
				summary: {
					items: 4,
					succeeded: 3,
					failed: 1,
					users: 3,
					created: 2,
					updated: 1,
					blocked: 0,
					unblocked: 0,
				},
			},
			pairedItem: [0, 1, 2, 3].map((item) => ({ item })),
		});
	});

	it('Dry Run: nothing sent, each chunk shown once', async () => {
		const items = Array.from({ length: 5 }, (_, n) => person(n));
		const run = await runDavintoo(sandbox, { ...params, options: { dryRun: true } }, { items });
		expect(sandbox.requests()).toHaveLength(0);
		expect(jsonOf(run.outputs[0]).map((j) => [j.chunk, j.users])).toEqual([
			[1, 2],
			[2, 2],
			[3, 1],
		]);
	});
});
