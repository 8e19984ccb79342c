import { startSandbox, type Platforms, type Sandbox } from '../sandbox';
import { KEEPNET_CLIENT_SECRET } from '../sandbox/platforms/keepnet';
import { jsonOf, runKeepnet } from './keepnet-helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const create = { operation: 'create', email: 'jane.doe@example.com', phoneNumber: '+447700900123' };
const CREATE_PATH = /^\/api\/target-users$/;
/** API calls only: the token request is n8n's, not retried by the node. */
const tries = (method: string, path: string | RegExp) =>
	sandbox.requests('keepnet').filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path))).length;

describe('Keepnet retries and faults over real HTTP', () => {
	it('a read retries through 503s and succeeds on the third try', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		sandbox.fault({ kind: 'status', status: 503, method: 'GET', path: '/api/', times: 2, retryAfter: '0' });
		const run = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId });
		expect(run.error).toBeUndefined();
		expect(tries('GET', `/api/target-users/${user.resourceId}`)).toBe(3);
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({ email: 'anna@example.com' });
	});

	it('a search (a POST that changes nothing) retries through 429 with Retry-After', async () => {
		platforms.keepnet.addUser('anna@example.com');
		sandbox.fault({ kind: 'status', status: 429, method: 'POST', path: '/search', times: 2, retryAfter: '0' });
		const run = await runKeepnet(sandbox, { operation: 'search', returnAll: true });
		expect(run.error).toBeUndefined();
		expect(tries('POST', '/api/target-users/search')).toBe(3);
		expect(jsonOf(run.outputs[0]).map((u) => u.email)).toEqual(['anna@example.com']);
	});

	it('a read gives up after Max Tries and says how many tries it took', async () => {
		sandbox.fault({ kind: 'status', status: 502, method: 'GET', path: '/api/', times: 10, retryAfter: '0' });
		const run = await runKeepnet(sandbox, { operation: 'get', resourceId: 'tu1', options: { maxTries: 2 } });
		expect(tries('GET', '/api/target-users/tu1')).toBe(2);
		expect(run.error?.message).toBe('Keepnet 502: Service Unavailable (after 2 tries)');
	});

	it('a create is not re-sent after a 503: it may have gone through', async () => {
		sandbox.fault({ kind: 'status', status: 503, method: 'POST', path: CREATE_PATH, times: 1, retryAfter: '0' });
		const run = await runKeepnet(sandbox, create);
		expect(tries('POST', CREATE_PATH)).toBe(1);
		expect(run.error?.message).toBe('Keepnet 503: Service Unavailable');
		expect(platforms.keepnet.users.size).toBe(0);
	});

	it('a create whose connection dropped after Keepnet acted is not re-sent: exactly one user exists', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', path: CREATE_PATH, times: 1 });
		const run = await runKeepnet(sandbox, create);
		expect(tries('POST', CREATE_PATH)).toBe(1);
		expect(platforms.keepnet.users.size).toBe(1);
		expect(run.error?.message).toMatch(/^Keepnet: POST \/api\/target-users failed: the connection was dropped\. It was not re-sent/);
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
		expect(write.error?.message).toBe('Keepnet answered POST /api/target-users with a body that is not valid JSON');
		expect(tries('POST', CREATE_PATH)).toBe(1);
		expect(platforms.keepnet.users.size).toBe(2);
	});

	it('a body slower than the timeout fails with "timed out"; no secret or token shows', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		sandbox.fault({ kind: 'slowBody', method: 'GET', path: '/api/', times: 5, delayMs: 3000 });
		const run = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId, options: { timeout: 300, maxTries: 2 } });
		expect(run.error?.message).toBe(`Keepnet: GET /api/target-users/${user.resourceId} timed out after 300 ms (after 2 tries).`);
		expect(tries('GET', `/api/target-users/${user.resourceId}`)).toBe(2);
		const raw = JSON.stringify(run.error?.raw);
		for (const secret of [KEEPNET_CLIENT_SECRET, ...platforms.keepnet.tokens.keys()]) expect(raw).not.toContain(secret);
	});

	it('with continueOnFail, every input item ends as exactly one success or one error item', async () => {
		sandbox.fault({ kind: 'status', status: 503, method: 'POST', path: CREATE_PATH, times: 1, retryAfter: '0' });
		const items = ['a@example.com', 'b@example.com', 'broken', 'd@example.com'].map((email) => ({ json: { email } }));
		const run = await runKeepnet(sandbox, { ...create, email: '={{ $json.email }}' }, { items, onError: 'continueRegularOutput' });
		expect(run.error).toBeUndefined();
		const out = run.outputs[0];
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(out.map((i) => (i.json.error ? 'error' : i.json.outcome))).toEqual(['error', 'created', 'error', 'created']);
		expect(out[0].json.error).toBe('Keepnet 503: Service Unavailable');
		expect(platforms.keepnet.users.size).toBe(2);
	});
});
