import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { KEITARO_SANDBOX_KEY } from '../../sandbox/platforms/keitaro';
import { jsonOf, runKeitaro } from './helpers';

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
	login: 'buyer.anna',
	password: 'S3cret-pass',
	type: 'USER',
};
const tries = (method: string) => sandbox.requests().filter((r) => r.method === method).length;

describe('Keitaro retries and faults over real HTTP', () => {
	it('a read retries through 503s and succeeds on the third try', async () => {
		platforms.keitaro.addUser('anna');
		sandbox.fault({ kind: 'status', status: 503, method: 'GET', times: 2, retryAfter: '0' });
		const run = await runKeitaro(sandbox, { operation: 'get', userId: 1 });
		expect(run.error).toBeUndefined();
		expect(tries('GET')).toBe(3);
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({ login: 'anna' });
	});

	it('a read gives up after Max Tries and says how many tries it took', async () => {
		sandbox.fault({ kind: 'status', status: 502, method: 'GET', times: 10, retryAfter: '0' });
		const run = await runKeitaro(sandbox, {
			operation: 'getAll',
			returnAll: true,
			options: { maxTries: 2 },
		});
		expect(tries('GET')).toBe(2);
		expect(run.error?.message).toBe('Keitaro 502: Service Unavailable (after 2 tries)');
	});

	it('Max Tries 1 turns retries off', async () => {
		sandbox.fault({ kind: 'status', status: 503, method: 'GET', times: 1, retryAfter: '0' });
		const run = await runKeitaro(sandbox, {
			operation: 'getAll',
			returnAll: true,
			options: { maxTries: 1 },
		});
		expect(tries('GET')).toBe(1);
		expect(run.error?.httpCode).toBe('503');
	});

	it('a create answered 503 is looked up before it is sent again: one user, no duplicate', async () => {
		sandbox.fault({ kind: 'status', status: 503, method: 'POST', times: 1, retryAfter: '0' });
		const run = await runKeitaro(sandbox, create);
		expect(run.error).toBeUndefined();
		expect(sandbox.requests().map((r) => r.method)).toEqual(['POST', 'GET', 'POST']);
		expect(platforms.keitaro.users.size).toBe(1);
	});

	it('a create is re-sent after a 429, which means nothing was done, honouring Retry-After', async () => {
		sandbox.fault({ kind: 'status', status: 429, method: 'POST', times: 2, retryAfter: '1' });
		const started = Date.now();
		const run = await runKeitaro(sandbox, create);
		expect(run.error).toBeUndefined();
		expect(tries('POST')).toBe(3);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
		expect(platforms.keitaro.users.size).toBe(1);
	});

	it('a create whose connection dropped after the server acted is found, not sent twice', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const run = await runKeitaro(sandbox, create);
		expect(run.error).toBeUndefined();
		expect(sandbox.requests().map((r) => r.method)).toEqual(['POST', 'GET']);
		expect(platforms.keitaro.users.size).toBe(1);
		expect(jsonOf(run.outputs[0])).toEqual([
			expect.objectContaining({ id: 1, login: 'buyer.anna' }),
		]);
	});

	it('Create or Update: a create whose connection dropped after the server acted is found, not sent twice', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const run = await runKeitaro(sandbox, {
			operation: 'upsert',
			login: 'buyer.anna',
			password: 'S3cret-pass',
			type: 'USER',
		});
		expect(run.error).toBeUndefined();
		// The find, the create whose answer was lost, the lookup that finds the new user.
		expect(sandbox.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /admin_api/v1/users',
			'POST /admin_api/v1/users',
			'GET /admin_api/v1/users',
		]);
		expect(platforms.keitaro.users.size).toBe(1);
		expect(jsonOf(run.outputs[0])).toEqual([
			expect.objectContaining({ id: 1, login: 'buyer.anna', outcome: 'created' }),
		]);
	});

	it('after a recovered create, Include Request Details lists the create and the lookup, labelled', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const run = await runKeitaro(sandbox, { ...create, options: { includeRequestDetails: true } });
		expect(run.error).toBeUndefined();
		const out = jsonOf(run.outputs[0])[0];
		const url = `${sandbox.urlOf('/keitaro')}/admin_api/v1/users`;
		// "The request" is the create that made the user, not the lookup that found it.
		expect(out.request).toMatchObject({ url, method: 'POST' });
		expect(out.requests).toEqual([
			expect.objectContaining({ label: 'request', url, method: 'POST', failure: 'ECONNRESET' }),
			expect.objectContaining({
				label: 'lookup (was the lost create made?)',
				url,
				method: 'GET',
				status: 200,
			}),
		]);
		expect(out.data).toMatchObject({ id: 1, login: 'buyer.anna' });
		expect(JSON.stringify(out)).not.toContain('S3cret-pass');
	});

	it('a create whose connection dropped before the server acted is looked up, then sent again', async () => {
		sandbox.fault({ kind: 'drop', method: 'POST', times: 1 });
		const run = await runKeitaro(sandbox, create);
		expect(run.error).toBeUndefined();
		expect(sandbox.requests().map((r) => r.method)).toEqual(['POST', 'GET', 'POST']);
		expect(platforms.keitaro.users.size).toBe(1);
	});

	it('a create that timed out after the server acted is found, not sent twice', async () => {
		sandbox.fault({ kind: 'slowBody', method: 'POST', times: 1, delayMs: 10000 });
		const run = await runKeitaro(sandbox, { ...create, options: { timeout: 300 } });
		expect(run.error).toBeUndefined();
		expect(sandbox.requests().map((r) => r.method)).toEqual(['POST', 'GET']);
		expect(platforms.keitaro.users.size).toBe(1);
	});

	it('with Max Tries 1 a create with a lost answer fails and says it was not re-sent', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const run = await runKeitaro(sandbox, { ...create, options: { maxTries: 1 } });
		expect(tries('POST')).toBe(1);
		expect(platforms.keitaro.users.size).toBe(1);
		expect(run.error?.message).toBe(
			'Keitaro: POST /keitaro/admin_api/v1/users failed: the connection was dropped. It was not re-sent, because the service may already have acted on it: check before running again.',
		);
	});

	it('a read retries after a dropped connection', async () => {
		sandbox.fault({ kind: 'drop', method: 'GET', times: 1 });
		const run = await runKeitaro(sandbox, { operation: 'getAll', returnAll: true });
		expect(run.error).toBeUndefined();
		expect(tries('GET')).toBe(2);
	});

	it('a malformed JSON body: a read retries, a create reports it', async () => {
		sandbox.fault({ kind: 'malformed', method: 'GET', times: 1 });
		const read = await runKeitaro(sandbox, { operation: 'getAll', returnAll: true });
		expect(read.error).toBeUndefined();
		expect(tries('GET')).toBe(2);

		sandbox.fault({ kind: 'malformed', method: 'POST', times: 1 });
		const write = await runKeitaro(sandbox, create);
		expect(write.error?.message).toBe(
			'Keitaro answered POST /keitaro/admin_api/v1/users with a body that is not valid JSON',
		);
		expect(tries('POST')).toBe(1);
	});

	it('a body slower than the timeout fails with "timed out" and the key never shows', async () => {
		platforms.keitaro.addUser('anna');
		sandbox.fault({ kind: 'slowBody', method: 'GET', times: 5, delayMs: 10000 });
		const run = await runKeitaro(sandbox, {
			operation: 'get',
			userId: 1,
			options: { timeout: 300, maxTries: 2 },
		});
		expect(run.error?.message).toBe(
			'Keitaro: GET /keitaro/admin_api/v1/users/1 timed out after 300 ms (after 2 tries).',
		);
		expect(tries('GET')).toBe(2);
		expect(JSON.stringify(run.error?.raw)).not.toContain(KEITARO_SANDBOX_KEY);
	});
});
