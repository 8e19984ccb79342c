import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { KEEPNET_CLIENT_SECRET } from '../../sandbox/platforms/keepnet';
import { calls, jsonOf, runKeepnet } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const create = { operation: 'create', email: 'jane.doe@example.com', phoneNumber: '+447700900123' };
const CREATE_PATH = /^\/api\/target-users$/;
const TOKEN = 'POST /connect/token';
const POST_CREATE = 'POST /api/target-users';
const LOOKUP = 'POST /api/target-users/search-email';
/** The user `create` makes, as search-email returns it (TargetUserDto). */
const FOUND_JANE = {
	resourceId: 'tu0000001',
	email: 'jane.doe@example.com',
	firstName: null,
	lastName: null,
	department: null,
	priority: null,
	isActive: true,
	customFieldValues: [],
	phoneNumber: '+447700900123',
	timeZoneId: null,
	preferredLanguageId: null,
	managerFirstName: null,
	managerLastName: null,
	managerEmail: null,
	managerFullName: null,
};
/** API calls only: the token request is n8n's, not retried by the node. */
const tries = (method: string, path: string | RegExp) =>
	sandbox
		.requests('keepnet')
		.filter(
			(r) =>
				r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
		).length;

describe('Keepnet retries and faults over real HTTP', () => {
	it('a read retries through 503s and succeeds on the third try', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		sandbox.fault({
			kind: 'status',
			status: 503,
			method: 'GET',
			path: '/api/',
			times: 2,
			retryAfter: '0',
		});
		const run = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId });
		expect(run.error).toBeUndefined();
		expect(tries('GET', `/api/target-users/${user.resourceId}`)).toBe(3);
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({ email: 'anna@example.com' });
	});

	it('a search (a POST that changes nothing) retries through 429 with Retry-After', async () => {
		platforms.keepnet.addUser('anna@example.com');
		sandbox.fault({
			kind: 'status',
			status: 429,
			method: 'POST',
			path: '/search',
			times: 2,
			retryAfter: '0',
		});
		const run = await runKeepnet(sandbox, { operation: 'search', returnAll: true });
		expect(run.error).toBeUndefined();
		expect(tries('POST', '/api/target-users/search')).toBe(3);
		expect(jsonOf(run.outputs[0]).map((u) => u.email)).toEqual(['anna@example.com']);
	});

	it('a read gives up after Max Tries and says how many tries it took', async () => {
		sandbox.fault({
			kind: 'status',
			status: 502,
			method: 'GET',
			path: '/api/',
			times: 10,
			retryAfter: '0',
		});
		const run = await runKeepnet(sandbox, {
			operation: 'get',
			resourceId: 'tu1',
			options: { maxTries: 2 },
		});
		expect(tries('GET', '/api/target-users/tu1')).toBe(2);
		expect(run.error?.message).toBe('Keepnet 502: Service Unavailable (after 2 tries)');
	});

	it('a create that met a 503 is looked up by email, found missing, and sent again: exactly one user', async () => {
		sandbox.fault({
			kind: 'status',
			status: 503,
			method: 'POST',
			path: CREATE_PATH,
			times: 1,
			retryAfter: '0',
		});
		const run = await runKeepnet(sandbox, create);
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([TOKEN, POST_CREATE, LOOKUP, POST_CREATE]);
		const lookup = sandbox.requests('keepnet')[2];
		expect(lookup.body).toEqual({
			email: 'jane.doe@example.com',
			pageNumber: 1,
			pageSize: 50,
			orderBy: 'Email',
			ascending: true,
		});
		expect([...platforms.keepnet.users.values()].map((u) => u.email)).toEqual([
			'jane.doe@example.com',
		]);
		expect(jsonOf(run.outputs[0])).toEqual([
			{ resourceId: 'tu0000001', email: 'jane.doe@example.com', outcome: 'created' },
		]);
	});

	it('a create whose connection dropped after Keepnet acted is found by the lookup and not sent again: exactly one user', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', path: CREATE_PATH, times: 1 });
		const run = await runKeepnet(sandbox, create);
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([TOKEN, POST_CREATE, LOOKUP]);
		expect(platforms.keepnet.users.size).toBe(1);
		const [stored] = platforms.keepnet.users.values();
		expect(stored).toMatchObject({
			resourceId: 'tu0000001',
			email: 'jane.doe@example.com',
			phoneNumber: '+447700900123',
		});
		// The answer is the record the lookup found (search-email's TargetUserDto).
		expect(jsonOf(run.outputs[0])).toEqual([{ ...FOUND_JANE, outcome: 'created' }]);
	});

	it('Create or Update: a create whose connection dropped after Keepnet acted is found by looking again: one user, outcome created', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', path: CREATE_PATH, times: 1 });
		const run = await runKeepnet(sandbox, {
			operation: 'upsert',
			email: 'jane.doe@example.com',
			phoneNumber: '+447700900123',
			additionalFields: {},
		});
		expect(run.error).toBeUndefined();
		// The find, the create whose answer was lost, the lookup that finds the new user.
		expect(calls(sandbox)).toEqual([TOKEN, LOOKUP, POST_CREATE, LOOKUP]);
		const [, find, created, lookup] = sandbox.requests('keepnet');
		expect(find.body).toEqual({
			email: 'jane.doe@example.com',
			pageNumber: 1,
			pageSize: 50,
			orderBy: 'Email',
			ascending: true,
		});
		expect(created.body).toEqual({ email: 'jane.doe@example.com', phoneNumber: '+447700900123' });
		expect(lookup.body).toEqual(find.body);
		expect(platforms.keepnet.users.size).toBe(1);
		expect(jsonOf(run.outputs[0])).toEqual([{ ...FOUND_JANE, outcome: 'created' }]);
	});

	it('Create or Update: after a recovered create, Include Request Details lists the find, the create and the lookup, labelled', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', path: CREATE_PATH, times: 1 });
		const params = {
			operation: 'upsert',
			email: 'jane.doe@example.com',
			phoneNumber: '+447700900123',
			options: { includeRequestDetails: true },
		};
		const run = await runKeepnet(sandbox, params);
		expect(run.error).toBeUndefined();
		const out = jsonOf(run.outputs[0])[0];
		const base = sandbox.urlOf('/keepnet');
		// "The request" is the create that made the user, not the lookup that found it.
		expect(out.request).toMatchObject({ url: `${base}/api/target-users`, method: 'POST' });
		expect(out.requests).toEqual([
			expect.objectContaining({
				label: 'request',
				url: `${base}/api/target-users/search-email`,
				method: 'POST',
				status: 200,
			}),
			expect.objectContaining({
				label: 'request',
				url: `${base}/api/target-users`,
				method: 'POST',
				failure: 'ECONNRESET',
			}),
			expect.objectContaining({
				label: 'lookup (was the lost create made?)',
				url: `${base}/api/target-users/search-email`,
				method: 'POST',
				status: 200,
			}),
		]);
		expect(out.data).toEqual({ ...FOUND_JANE, outcome: 'created' });
		const text = JSON.stringify(out);
		for (const secret of [KEEPNET_CLIENT_SECRET, ...platforms.keepnet.tokens.keys()])
			expect(text).not.toContain(secret);
	});

	it('a create whose answer was lost to the timeout (slow body) is found by the lookup: exactly one user, no second POST', async () => {
		sandbox.fault({
			kind: 'slowBody',
			method: 'POST',
			path: '/api/target-users',
			times: 1,
			delayMs: 3000,
		});
		const run = await runKeepnet(sandbox, { ...create, options: { timeout: 300 } });
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([TOKEN, POST_CREATE, LOOKUP]);
		expect(platforms.keepnet.users.size).toBe(1);
		expect(jsonOf(run.outputs[0])).toEqual([{ ...FOUND_JANE, outcome: 'created' }]);
	});

	it('with Max Tries 1 there is no lookup: a create that dropped after Keepnet acted is not re-sent and says so', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', path: CREATE_PATH, times: 1 });
		const run = await runKeepnet(sandbox, { ...create, options: { maxTries: 1 } });
		expect(calls(sandbox)).toEqual([TOKEN, POST_CREATE]);
		expect(platforms.keepnet.users.size).toBe(1);
		expect(run.error?.message).toBe(
			'Keepnet: POST /keepnet/api/target-users failed: the connection was dropped. It was not re-sent, because the service may already have acted on it: check before running again.',
		);
	});

	it('a read retries after a dropped connection', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		sandbox.fault({ kind: 'drop', method: 'GET', path: '/api/', times: 1 });
		const run = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId });
		expect(run.error).toBeUndefined();
		expect(tries('GET', `/api/target-users/${user.resourceId}`)).toBe(2);
	});

	it('a malformed JSON body: a read retries, a create reports it', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		sandbox.fault({ kind: 'malformed', method: 'GET', path: '/api/', times: 1 });
		const read = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId });
		expect(read.error).toBeUndefined();
		expect(tries('GET', `/api/target-users/${user.resourceId}`)).toBe(2);

		sandbox.fault({ kind: 'malformed', method: 'POST', path: CREATE_PATH, times: 1 });
		const write = await runKeepnet(sandbox, create);
		expect(write.error?.message).toBe(
			'Keepnet answered POST /keepnet/api/target-users with a body that is not valid JSON',
		);
		expect(tries('POST', CREATE_PATH)).toBe(1);
		expect(platforms.keepnet.users.size).toBe(2);
	});

	it('a body slower than the timeout fails with "timed out"; no secret or token shows', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		sandbox.fault({ kind: 'slowBody', method: 'GET', path: '/api/', times: 5, delayMs: 3000 });
		const run = await runKeepnet(sandbox, {
			operation: 'get',
			resourceId: user.resourceId,
			options: { timeout: 300, maxTries: 2 },
		});
		expect(run.error?.message).toBe(
			`Keepnet: GET /keepnet/api/target-users/${user.resourceId} timed out after 300 ms (after 2 tries).`,
		);
		expect(tries('GET', `/api/target-users/${user.resourceId}`)).toBe(2);
		const raw = JSON.stringify(run.error?.raw);
		for (const secret of [KEEPNET_CLIENT_SECRET, ...platforms.keepnet.tokens.keys()])
			expect(raw).not.toContain(secret);
	});

	it('with continueOnFail, every input item ends as exactly one success or one error item', async () => {
		// Item 0 meets a 500 (never re-sent for a create); item 1 meets a 503, is looked up, found missing and sent again.
		sandbox.fault({
			kind: 'status',
			status: 500,
			method: 'POST',
			path: CREATE_PATH,
			times: 1,
			body: { message: 'Internal Server Error' },
		});
		sandbox.fault({
			kind: 'status',
			status: 503,
			method: 'POST',
			path: CREATE_PATH,
			times: 1,
			retryAfter: '0',
		});
		const items = ['a@example.com', 'b@example.com', 'broken', 'd@example.com'].map((email) => ({
			json: { email },
		}));
		// One at a time: the faults hit the items in input order.
		const run = await runKeepnet(
			sandbox,
			{ ...create, email: '={{ $json.email }}', options: { concurrency: 1 } },
			{ items, onError: 'continueRegularOutput' },
		);
		expect(run.error).toBeUndefined();
		const out = run.outputs[0];
		expect(out.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(out.map((i) => (i.json.error ? 'error' : i.json.outcome))).toEqual([
			'error',
			'created',
			'error',
			'created',
		]);
		expect(out[0].json.error).toBe('Keepnet 500: Internal Server Error');
		expect(out[1].json).toEqual({
			resourceId: 'tu0000001',
			email: 'b@example.com',
			outcome: 'created',
		});
		expect(out[3].json).toEqual({
			resourceId: 'tu0000002',
			email: 'd@example.com',
			outcome: 'created',
		});
		expect(calls(sandbox)).toEqual([
			TOKEN,
			POST_CREATE,
			POST_CREATE,
			LOOKUP,
			POST_CREATE,
			POST_CREATE,
		]);
		expect([...platforms.keepnet.users.values()].map((u) => u.email)).toEqual([
			'b@example.com',
			'd@example.com',
		]);
	});
});
