import { startSandbox, type Platforms, type Sandbox } from '../sandbox';
import { jsonOf, runKeitaro } from './Keitaro/helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const create = {
	operation: 'create',
	inputMode: 'fields',
	login: '={{ $json.login }}',
	password: 'S3cret-pass',
	type: 'USER',
};
const people = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ json: { login: `user.${String(i).padStart(3, '0')}` } }));
const times = () => sandbox.requests().map((r) => Date.parse(r.time));

describe('bulk runs in the shared core (through the Keitaro node)', () => {
	it('Concurrency keeps N requests in flight, output order and pairedItem', async () => {
		sandbox.settings.latencyMs = 100;
		const items = people(12);
		const started = Date.now();
		const run = await runKeitaro(sandbox, { ...create, options: { concurrency: 4 } }, { items });
		const took = Date.now() - started;
		expect(run.error).toBeUndefined();
		expect(sandbox.peakActive).toBe(4);
		expect(took).toBeLessThan(12 * 100); // sequential would need 1.2 s
		expect(jsonOf(run.outputs[0]).map((u) => u.login)).toEqual(items.map((i) => i.json.login));
		expect(run.outputs[0].map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
	});

	it('Rate Limit spaces the requests out', async () => {
		const run = await runKeitaro(
			sandbox,
			{ ...create, options: { rateLimit: 20, concurrency: 4 } },
			{ items: people(8) },
		);
		expect(run.error).toBeUndefined();
		const t = times();
		// 20 per second: the pacer starts requests 50 ms apart. Arrivals lag their start by a little,
		// more on a busy machine (jest runs files side by side), so one late arrival shortens one gap
		// and lengthens the next: the median gap and the whole span are what the rate shows. Without
		// the rate limit, 4 in flight would bring all 8 within a few ms.
		const gaps = t.slice(1).map((at, i) => at - t[i]);
		const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
		expect(median).toBeGreaterThanOrEqual(45);
		expect(t[t.length - 1] - t[1]).toBeGreaterThanOrEqual(6 * 50 - 40);
	});

	it('Batching pauses between batches', async () => {
		const run = await runKeitaro(
			sandbox,
			{ ...create, options: { batching: { batch: { batchSize: 2, batchInterval: 300 } } } },
			{ items: people(5) },
		);
		expect(run.error).toBeUndefined();
		const t = times();
		expect(t[2] - t[1]).toBeGreaterThanOrEqual(280);
		expect(t[4] - t[3]).toBeGreaterThanOrEqual(280);
		expect(t[1] - t[0]).toBeLessThan(250);
	});

	it('a throttling service slows the run down, and every item still ends created exactly once', async () => {
		sandbox.settings.rateLimit = 25;
		const items = people(60);
		const run = await runKeitaro(
			sandbox,
			{ ...create, options: { concurrency: 8 } },
			{ items, onError: 'continueRegularOutput' },
		);
		expect(run.error).toBeUndefined();
		const out = jsonOf(run.outputs[0]);
		expect(out.filter((j) => 'error' in j)).toEqual([]);
		expect(out).toHaveLength(60);
		expect(platforms.keitaro.users.size).toBe(60);
		expect(sandbox.requests().some((r) => r.method === 'POST')).toBe(true);
	}, 30000);

	it('faults across a bulk run: each item ends as one success or one error, and nobody is created twice', async () => {
		const items = people(20);
		platforms.keitaro.addUser('user.007'); // a real conflict -> one error item
		sandbox.fault({ kind: 'dropAfter', method: 'POST', path: '/users', times: 2 });
		sandbox.fault({ kind: 'status', status: 503, method: 'POST', times: 2, retryAfter: '0' });
		sandbox.fault({ kind: 'status', status: 429, method: 'POST', times: 3, retryAfter: '0' });
		const run = await runKeitaro(
			sandbox,
			{ ...create, options: { concurrency: 3, summary: true } },
			{ items, onError: 'continueRegularOutput' },
		);
		expect(run.error).toBeUndefined();
		const out = run.outputs[0];
		expect(out).toHaveLength(21);
		const results = out.slice(0, 20);
		expect(results.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		const errors = results.filter((i) => 'error' in i.json);
		expect(errors.map((i) => i.json.error)).toEqual(['Keitaro 406: login: Login already exists']);
		const logins = [...platforms.keitaro.users.values()].map((u) => u.login);
		expect(new Set(logins).size).toBe(logins.length);
		expect(logins).toHaveLength(20);
		expect(out[20].json).toEqual({ summary: { items: 20, succeeded: 19, failed: 1 } });
		expect(out[20].pairedItem).toHaveLength(20);
	});

	it('the summary counts outcomes of create-or-update', async () => {
		platforms.keitaro.addUser('user.000');
		platforms.keitaro.addUser('user.001', { type: 'ADMIN' });
		const run = await runKeitaro(
			sandbox,
			{
				operation: 'upsert',
				login: '={{ $json.login }}',
				password: '',
				type: 'USER',
				options: { summary: true },
			},
			{ items: people(3), onError: 'continueRegularOutput' },
		);
		const summary = run.outputs[0][3].json.summary;
		// user.002 has no password to be created with: one failure, named.
		expect(summary).toEqual({ items: 3, succeeded: 2, failed: 1, unchanged: 1, updated: 1 });
		expect(run.outputs[0][2].json.error).toBe(
			'Item 2: Password (password): is required to create the new user "user.002"',
		);
	});
});
