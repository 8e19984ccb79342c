import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { ACTIVEPLATFORM_SANDBOX_TOKEN as TOKEN } from '../../sandbox/platforms/activeplatform';
import { calls, jsonOf, runActivePlatform as run } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;
let ap: Platforms['activeplatform'];

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
	ap = platforms.activeplatform;
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const create = {
	operation: 'create',
	firstName: 'Olena',
	lastName: 'Koval',
	email: 'olena@example.com',
	password: 'Xy7!pass-word',
};
const tries = (method: string) =>
	sandbox.requests('activeplatform').filter((r) => r.method === method).length;
const USERS = '/api/vendor/v1/users.json';
const noToken = (value: unknown) => expect(JSON.stringify(value)).not.toContain(TOKEN);

describe('ActivePlatform retries and faults over real HTTP', () => {
	it('a read retries through a 503 and a 429 and succeeds on the third try', async () => {
		const user = ap.addUser('anna@example.com');
		sandbox.fault({ kind: 'status', status: 503, method: 'GET', times: 1, retryAfter: '0' });
		sandbox.fault({ kind: 'status', status: 429, method: 'GET', times: 1, retryAfter: '0' });
		const result = await run(sandbox, { operation: 'get', userId: user.id });
		expect(result.error).toBeUndefined();
		expect(tries('GET')).toBe(3);
		expect(jsonOf(result.outputs[0])).toEqual([
			expect.objectContaining({ id: user.id, email: 'anna@example.com' }),
		]);
	});

	it('a paged read retries the failed page only, and gives up after Max Tries with the count', async () => {
		for (const n of ['a', 'b', 'c']) ap.addUser(`${n}@example.com`);
		sandbox.fault({
			kind: 'status',
			status: 502,
			method: 'GET',
			times: 1,
			retryAfter: '0',
			path: '/users.json',
		});
		const result = await run(sandbox, {
			operation: 'getAll',
			returnAll: true,
			listOptions: { pageSize: 2 },
		});
		expect(jsonOf(result.outputs[0])).toHaveLength(3);
		expect(sandbox.requests().map((r) => r.query.page)).toEqual(['1', '1', '2']);

		sandbox.log.length = 0;
		sandbox.fault({ kind: 'status', status: 503, method: 'GET', times: 10, retryAfter: '0' });
		const failed = await run(sandbox, { operation: 'get', userId: 1, options: { maxTries: 2 } });
		expect(tries('GET')).toBe(2);
		expect(failed.error?.message).toBe('ActivePlatform 503: Service Unavailable (after 2 tries)');
	});

	it('a create answered 503 is looked up by email before it is sent again: one user, no duplicate', async () => {
		sandbox.fault({ kind: 'status', status: 503, method: 'POST', times: 1, retryAfter: '0' });
		const result = await run(sandbox, create);
		expect(result.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([`POST ${USERS}`, `GET ${USERS}`, `POST ${USERS}`]);
		expect(sandbox.requests()[1].query).toEqual({
			'filters[email]': 'olena@example.com',
			page: '1',
			per_page: '100',
			api_token: TOKEN,
		});
		expect(ap.users.size).toBe(1);
	});

	it('a create whose connection dropped after the server acted is found, not sent twice: exactly one user', async () => {
		ap.addUser('xolena@example.com');
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const result = await run(sandbox, create);
		expect(result.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([`POST ${USERS}`, `GET ${USERS}`]);
		expect(ap.users.size).toBe(2);
		// The partial match (xolena@) is not taken for the new user.
		expect(jsonOf(result.outputs[0])).toEqual([
			expect.objectContaining({ id: 2021002, email: 'olena@example.com' }),
		]);
		expect(result.outputs[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('a create whose connection dropped before the server acted is looked up, then sent again', async () => {
		sandbox.fault({ kind: 'drop', method: 'POST', times: 1 });
		const result = await run(sandbox, create);
		expect(result.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([`POST ${USERS}`, `GET ${USERS}`, `POST ${USERS}`]);
		expect(ap.users.size).toBe(1);
	});

	it('a create that timed out after the server acted is found, not sent twice', async () => {
		sandbox.fault({ kind: 'slowBody', method: 'POST', times: 1, delayMs: 10_000 });
		const result = await run(sandbox, { ...create, options: { timeout: 300 } });
		expect(result.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([`POST ${USERS}`, `GET ${USERS}`]);
		expect(ap.users.size).toBe(1);
	});

	it('with Max Tries 1 a create with a lost answer fails, is not re-sent, and says to check', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const result = await run(sandbox, { ...create, options: { maxTries: 1 } });
		expect(calls(sandbox)).toEqual([`POST ${USERS}`]);
		expect(ap.users.size).toBe(1);
		expect(result.error?.message).toBe(
			'ActivePlatform: POST /activeplatform/api/vendor/v1/users.json failed: the connection was dropped. It was not re-sent, because the service may already have acted on it: check before running again.',
		);
		noToken(result.error?.raw);
	});

	it("an attach whose connection dropped after the server acted is found on the user's accounts", async () => {
		const user = ap.addUser('u@example.com');
		const account = ap.addAccount('Acme');
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const result = await run(sandbox, {
			operation: 'attachToAccount',
			userId: user.id,
			accountId: account.id,
			role: 'admin',
		});
		expect(result.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([
			'POST /api/v2/vendor/account_accesses.json',
			`GET /api/vendor/v1/users/${user.id}/accounts.json`,
		]);
		expect(ap.accesses).toEqual([{ account_id: account.id, user_id: user.id, role: 'admin' }]);
		expect(jsonOf(result.outputs[0])).toEqual([
			{ user_id: user.id, account_id: account.id, role: 'admin', attached: true },
		]);
	});

	it('create or update: a create whose connection dropped after the server acted is found by looking again', async () => {
		ap.addUser('xolena@example.com');
		sandbox.fault({ kind: 'dropAfter', method: 'POST', path: '/users.json', times: 1 });
		const result = await run(sandbox, {
			...create,
			operation: 'upsert',
			options: { includeRequestDetails: true },
		});
		expect(result.error).toBeUndefined();
		// The find, the create whose answer was lost, the lookup that finds the new user: no second POST.
		expect(calls(sandbox)).toEqual([`GET ${USERS}`, `POST ${USERS}`, `GET ${USERS}`]);
		const search = {
			'filters[email]': 'olena@example.com',
			page: '1',
			per_page: '100',
			api_token: TOKEN,
		};
		expect(sandbox.requests()[0].query).toEqual(search);
		expect(sandbox.requests()[2].query).toEqual(search);
		expect([...ap.users.values()].map((u) => u.email)).toEqual([
			'xolena@example.com',
			'olena@example.com',
		]);
		const out = jsonOf(result.outputs[0])[0];
		// The partial match (xolena@) is not taken for the new user; the create counts as created.
		expect(out.data).toEqual(
			expect.objectContaining({ id: 2021002, email: 'olena@example.com', outcome: 'created' }),
		);
		const url = `${sandbox.urlOf('/activeplatform')}${USERS}`;
		expect(out.request).toMatchObject({ url: `${url}?api_token=***`, method: 'POST' });
		expect(out.requests).toEqual([
			expect.objectContaining({ label: 'request', method: 'GET', status: 200 }),
			expect.objectContaining({
				label: 'request',
				url: `${url}?api_token=***`,
				method: 'POST',
				failure: 'ECONNRESET',
			}),
			expect.objectContaining({
				label: 'lookup (was the lost create made?)',
				method: 'GET',
				status: 200,
			}),
		]);
		noToken(result.outputs);
		expect(JSON.stringify(result.outputs)).not.toContain('Xy7!pass-word');
	});

	it('create or update: the lookup retries after a dropped connection, the create goes out once', async () => {
		sandbox.fault({ kind: 'drop', method: 'GET', times: 1 });
		const result = await run(sandbox, { ...create, operation: 'upsert' });
		expect(result.error).toBeUndefined();
		expect(tries('GET')).toBe(2);
		expect(tries('POST')).toBe(1);
		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ outcome: 'created' });
		expect(ap.users.size).toBe(1);
	});

	it('a malformed JSON body: a read retries, a create reports it without re-sending', async () => {
		ap.addUser('anna@example.com');
		sandbox.fault({ kind: 'malformed', method: 'GET', times: 1 });
		const read = await run(sandbox, { operation: 'getAll', returnAll: true });
		expect(read.error).toBeUndefined();
		expect(tries('GET')).toBe(2);
		expect(jsonOf(read.outputs[0])).toHaveLength(1);

		sandbox.fault({ kind: 'malformed', method: 'POST', times: 1 });
		const write = await run(sandbox, create);
		expect(write.error?.message).toBe(
			'ActivePlatform answered POST /activeplatform/api/vendor/v1/users.json with a body that is not valid JSON',
		);
		expect(tries('POST')).toBe(1);
		expect(ap.users.size).toBe(2);
	});

	it('a body slower than the timeout fails with "timed out", and the token never shows', async () => {
		const user = ap.addUser('anna@example.com');
		sandbox.fault({ kind: 'slowBody', method: 'GET', times: 5, delayMs: 10_000 });
		const result = await run(sandbox, {
			operation: 'get',
			userId: user.id,
			options: { timeout: 300, maxTries: 2 },
		});
		expect(result.error?.message).toBe(
			`ActivePlatform: GET /activeplatform/api/vendor/v1/users/${user.id}.json timed out after 300 ms (after 2 tries).`,
		);
		expect(tries('GET')).toBe(2);
		noToken(result.error?.raw);
	});

	it('with continueOnFail, every item ends as exactly one success or one error item', async () => {
		const anna = ap.addUser('anna@example.com');
		// Item 0: 503 then fine (retried). Item 1: unknown id. Item 2: dropped for good. Item 3: fine.
		sandbox.fault({
			kind: 'status',
			status: 503,
			method: 'GET',
			path: `/users/${anna.id}.json`,
			times: 1,
			retryAfter: '0',
		});
		sandbox.fault({ kind: 'drop', method: 'GET', path: '/users/2021077.json', times: 5 });
		const items = [
			{ json: { id: anna.id } },
			{ json: { id: 4242 } },
			{ json: { id: 2021077 } },
			{ json: { id: anna.id } },
		];
		const result = await run(
			sandbox,
			{ operation: 'get', userId: '={{ $json.id }}', options: { maxTries: 2 } },
			{ items, onError: 'continueRegularOutput' },
		);
		expect(result.error).toBeUndefined();
		const out = result.outputs[0];
		expect(out.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(out[0].json).toMatchObject({ id: anna.id });
		expect(out[1].json).toEqual({
			error: "ActivePlatform 404: Couldn't find User with 'id'=4242",
			details: {
				itemIndex: 1,
				httpCode: '404',
				description: 'GET /activeplatform/api/vendor/v1/users/4242.json',
			},
		});
		expect(out[2].json.error).toBe(
			'ActivePlatform: GET /activeplatform/api/vendor/v1/users/2021077.json failed: the connection was dropped (after 2 tries).',
		);
		expect(Object.keys(out[2].json)).toEqual(['error', 'details']);
		expect(out[3].json).toMatchObject({ id: anna.id });
		noToken(result.outputs);
	});
});
