import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { DAVINTOO_SANDBOX_TOKEN } from '../../sandbox/platforms/davintoo';
import { jsonOf, person, runDavintoo } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const importOne = {
	operation: 'importOne',
	uid: 'EMP-1',
	secondname: 'Koval',
	firstname: 'Olena',
	login: 'o.koval',
	email: 'o@acme.example',
};
const list = { operation: 'getAll', returnAll: true };
const tries = (method: string) => sandbox.requests().filter((r) => r.method === method).length;

describe('Davintoo retries and faults over real HTTP', () => {
	it('a read retries through a 503 and a 429 and succeeds on the third try', async () => {
		platforms.davintoo.addUser('A');
		sandbox.fault({ kind: 'status', status: 503, method: 'GET', times: 1, retryAfter: '0' });
		sandbox.fault({ kind: 'status', status: 429, method: 'GET', times: 1, retryAfter: '0' });
		const run = await runDavintoo(sandbox, list);
		expect(run.error).toBeUndefined();
		expect(tries('GET')).toBe(3);
		expect(jsonOf(run.outputs[0]).map((u) => u.uid)).toEqual(['A']);
	});

	it('an import is an upsert by uid, so it is sent again after a 503: exactly one record', async () => {
		sandbox.fault({ kind: 'status', status: 503, method: 'POST', times: 1, retryAfter: '0' });
		const run = await runDavintoo(sandbox, importOne);
		expect(run.error).toBeUndefined();
		expect(tries('POST')).toBe(2);
		expect([...platforms.davintoo.users.keys()]).toEqual(['EMP-1']);
		expect(jsonOf(run.outputs[0])).toEqual([
			expect.objectContaining({ uid: 'EMP-1', created_count: 1, outcome: 'created' }),
		]);
	});

	it('a batch whose connection dropped after the portal acted is sent again: still exactly one record', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const run = await runDavintoo(
			sandbox,
			{ operation: 'importMany', source: 'json' },
			{ items: [person(1)] },
		);
		expect(run.error).toBeUndefined();
		expect(tries('POST')).toBe(2);
		expect([...platforms.davintoo.users.keys()]).toEqual(['EMP-1']);
		// The repeat found the user the lost first try had made: the portal counts it as an update.
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({
			users: 1,
			created_count: 0,
			updated_count: 1,
		});
	});

	it('with Max Tries 1 a batch with a lost answer fails and says it was not re-sent', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const run = await runDavintoo(
			sandbox,
			{ operation: 'importMany', source: 'json', options: { maxTries: 1 } },
			{ items: [person(1)] },
		);
		expect(tries('POST')).toBe(1);
		expect(platforms.davintoo.users.size).toBe(1);
		expect(run.error?.message).toMatch(
			/^Davintoo: POST \/davintoo\/api\/v2\/users-import\/batch failed: the connection was dropped\./,
		);
	});

	it('a read retries after a dropped connection', async () => {
		sandbox.fault({ kind: 'drop', method: 'GET', times: 1 });
		const run = await runDavintoo(sandbox, list);
		expect(run.error).toBeUndefined();
		expect(tries('GET')).toBe(2);
	});

	it('a malformed JSON body: a read retries; an import (upsert by uid) is sent again, still one record', async () => {
		sandbox.fault({ kind: 'malformed', method: 'GET', times: 1 });
		const read = await runDavintoo(sandbox, list);
		expect(read.error).toBeUndefined();
		expect(tries('GET')).toBe(2);

		sandbox.fault({ kind: 'malformed', method: 'POST', times: 1 });
		const write = await runDavintoo(sandbox, importOne);
		expect(write.error).toBeUndefined();
		expect(tries('POST')).toBe(2);
		expect([...platforms.davintoo.users.keys()]).toEqual(['EMP-1']);

		sandbox.fault({ kind: 'malformed', method: 'POST', times: 5 });
		const broken = await runDavintoo(sandbox, { ...importOne, options: { maxTries: 2 } });
		expect(broken.error?.message).toBe(
			'Davintoo answered POST /davintoo/api/v2/users-import/single with a body that is not valid JSON',
		);
	});

	it('a body slower than the timeout fails with "timed out" and the token never shows', async () => {
		sandbox.fault({ kind: 'slowBody', method: 'GET', times: 5, delayMs: 3000 });
		const run = await runDavintoo(sandbox, { ...list, options: { timeout: 300, maxTries: 2 } });
		expect(run.error?.message).toBe(
			'Davintoo: GET /davintoo/api/v2/users/list timed out after 300 ms (after 2 tries).',
		);
		expect(tries('GET')).toBe(2);
		expect(JSON.stringify(run.error?.raw)).not.toContain(DAVINTOO_SANDBOX_TOKEN);
	});

	it('with continueOnFail every input item ends as exactly one success or one error item', async () => {
		// Import One: the first item's POST meets a 500 (never retried); the others go through.
		sandbox.fault({
			kind: 'status',
			status: 500,
			method: 'POST',
			path: '/users-import/single',
			times: 1,
			body: { error: 'Internal Server Error' },
		});
		const items = [person(1), person(2), person(3)];
		const params = {
			...importOne,
			uid: '={{ $json.uid }}',
			login: '={{ $json.login }}',
			email: '={{ $json.email }}',
		};
		const one = await runDavintoo(sandbox, params, { items, onError: 'continueRegularOutput' });
		expect(one.outputs[0].map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(jsonOf(one.outputs[0]).map((j) => j.error ?? j.outcome)).toEqual([
			'Davintoo 500: Internal Server Error',
			'created',
			'created',
		]);

		// Import Many: chunk 1 of 3 meets a 500; its two items share one error item, chunks 2 and 3 go on.
		sandbox.reset();
		sandbox.fault({
			kind: 'status',
			status: 500,
			method: 'POST',
			path: '/users-import/batch',
			times: 1,
			body: { error: 'Internal Server Error' },
		});
		const many = await runDavintoo(
			sandbox,
			{ operation: 'importMany', source: 'json', batchSize: 2 },
			{ items: [1, 2, 3, 4, 5].map((n) => person(n)), onError: 'continueRegularOutput' },
		);
		const paired = many.outputs[0]
			.flatMap((i) => (Array.isArray(i.pairedItem) ? i.pairedItem : [i.pairedItem]))
			.map((p) => (p as { item: number }).item);
		expect(paired.sort()).toEqual([0, 1, 2, 3, 4]);
		expect(jsonOf(many.outputs[0]).map((j) => j.error ?? `ok ${String(j.users)}`)).toEqual([
			'Davintoo 500: Internal Server Error',
			'ok 2',
			'ok 1',
		]);
		expect(tries('POST')).toBe(3);
		expect([...platforms.davintoo.users.keys()]).toEqual(['EMP-3', 'EMP-4', 'EMP-5']);
	});
});
