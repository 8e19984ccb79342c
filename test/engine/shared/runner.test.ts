import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { runProbe } from './probe';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const items = (...logins: string[]) => logins.map((login) => ({ json: { login } }));
const create = { operation: 'create', login: '={{ $json.login }}' };

describe('the shared runner (probe node, real engine, real HTTP)', () => {
	it('keeps output order and pairing with several in flight; failed items stay in place with continueOnFail', async () => {
		sandbox.settings.latencyMs = 60;
		platforms.keitaro.addUser('taken');
		const run = await runProbe(
			sandbox,
			{ ...create, options: { concurrency: 3, summary: true } },
			{
				items: items('a', 'taken', '', 'b', 'c'),
				onError: 'continueRegularOutput',
			},
		);
		expect(run.error).toBeUndefined();
		const out = run.outputs[0];
		expect(out.map((i) => i.pairedItem)).toEqual(
			[0, 1, 2, 3, 4]
				.map((item) => ({ item }))
				.concat([[0, 1, 2, 3, 4].map((item) => ({ item }))] as never),
		);
		expect(out.map((i) => i.json.login ?? i.json.error)).toEqual([
			'a',
			'Probe 406: Validation failed',
			'Item 2: Login (login): is required',
			'b',
			'c',
			undefined,
		]);
		expect(out[5].json).toEqual({ summary: { items: 5, succeeded: 3, failed: 2, created: 3 } });
		// The invalid item was never sent.
		expect(sandbox.requests().map((r) => (r.body as { login: string }).login)).toEqual([
			'a',
			'taken',
			'b',
			'c',
		]);
		expect(sandbox.peakActive).toBe(3);
	});

	it('without continueOnFail the first failure stops the run and names the item', async () => {
		platforms.keitaro.addUser('taken');
		// One at a time, so that "b" cannot already be on its way when "taken" fails.
		const run = await runProbe(
			sandbox,
			{ ...create, options: { concurrency: 1 } },
			{ items: items('a', 'taken', 'b') },
		);
		expect(run.error?.message).toBe('Probe 406: Validation failed');
		expect(run.error?.itemIndex).toBe(1);
		expect(sandbox.requests().map((r) => (r.body as { login: string }).login)).toEqual([
			'a',
			'taken',
		]);
	});

	it('default settings (Auto): the first request goes alone, so a run that cannot work stops after one request', async () => {
		const run = await runProbe(sandbox, create, {
			items: items('a', 'b', 'c', 'd', 'e'),
			credentials: { keitaroApi: { url: sandbox.urlOf('/keitaro'), apiKey: 'wrong-key' } },
		});
		expect(run.error?.itemIndex).toBe(0);
		expect(sandbox.requests()).toHaveLength(1);
	});

	it('default settings (Auto): more in flight as answers come, output still in input order', async () => {
		sandbox.settings.latencyMs = 40;
		const logins = Array.from({ length: 12 }, (_, i) => `u${i}`);
		const run = await runProbe(sandbox, create, { items: items(...logins) });
		expect(run.error).toBeUndefined();
		expect(run.outputs[0].map((i) => i.json.login)).toEqual(logins);
		expect(run.outputs[0].map((i) => i.pairedItem)).toEqual(logins.map((_, item) => ({ item })));
		// One, then two, then four… at once.
		expect(sandbox.peakActive).toBeGreaterThanOrEqual(4);
	});

	it('default settings (Auto): items prepared ahead of a failed one send nothing; those before it finish', async () => {
		sandbox.settings.latencyMs = 20;
		// Item 3 has no login: it fails before sending, while items 4 and 5 are being prepared.
		const run = await runProbe(sandbox, create, { items: items('a', 'b', 'c', '', 'd', 'e', 'f') });
		expect(run.error?.message).toBe('Item 3: Login (login): is required');
		const sent = sandbox.requests().map((r) => (r.body as { login: string }).login);
		expect(sent.sort()).toEqual(['a', 'b', 'c']);
	});

	it('an input problem found mid-way (OperationFailure) is an error naming the item, with its description', async () => {
		const run = await runProbe(sandbox, { operation: 'refuse' });
		expect(run.error?.message).toBe('Item 0: Type (type): the user list says no');
		expect(run.error?.description).toBe('Nothing was changed.');
		expect(sandbox.requests().map((r) => r.method)).toEqual(['GET']);
	});

	it('Dry Run of an upsert lists the lookup and says why nothing more can be listed; nothing is sent', async () => {
		const run = await runProbe(sandbox, {
			operation: 'upsert',
			login: 'ann',
			type: 'ADMIN',
			options: { dryRun: true },
		});
		expect(sandbox.requests()).toHaveLength(0);
		expect(run.outputs[0][0].json).toEqual({
			dryRun: true,
			resource: 'user',
			operation: 'upsert',
			requests: [
				{
					url: `${sandbox.urlOf('/keitaro')}/admin_api/v1/users`,
					method: 'GET',
					headers: { 'Api-Key': '***' },
				},
			],
			note: expect.stringContaining('depends on the answer'),
		});
	});

	it('an upsert creates, then leaves alone, then updates — each outcome counted in the summary', async () => {
		const opts = {
			operation: 'upsert',
			login: '={{ $json.login }}',
			type: '={{ $json.type }}',
			options: { summary: true },
		};
		const first = await runProbe(sandbox, opts, {
			items: [{ json: { login: 'ann', type: 'USER' } }],
		});
		expect(first.outputs[0].map((i) => i.json.outcome ?? i.json.summary)).toEqual([
			'created',
			{ items: 1, succeeded: 1, failed: 0, created: 1 },
		]);
		const next = await runProbe(sandbox, opts, {
			items: [{ json: { login: 'ann', type: 'USER' } }, { json: { login: 'ann', type: 'ADMIN' } }],
		});
		expect(next.outputs[0].map((i) => i.json.outcome ?? i.json.summary)).toEqual([
			'unchanged',
			'updated',
			{ items: 2, succeeded: 2, failed: 0, unchanged: 1, updated: 1 },
		]);
		expect(platforms.keitaro.users.size).toBe(1);
	});
});
