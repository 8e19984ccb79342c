import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { KEITARO_SANDBOX_KEY } from '../../sandbox/platforms/keitaro';
import { runProbe } from './probe';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const url = () => `${sandbox.urlOf('/keitaro')}/admin_api/v1/users`;

describe('the shared client (probe node, real engine, real HTTP)', () => {
	it('the attempt log: every try and every lookup, labelled, with what came back', async () => {
		// The create meets a 503 (it may have acted), the lookup meets a 503 too and tries again,
		// finds nothing, so the create is sent again and succeeds.
		sandbox.fault({ kind: 'status', status: 503, method: 'POST', times: 1, retryAfter: '0' });
		sandbox.fault({ kind: 'status', status: 503, method: 'GET', times: 1, retryAfter: '0' });
		const run = await runProbe(sandbox, {
			operation: 'create',
			login: 'ann',
			options: { includeRequestDetails: true },
		});
		expect(run.error).toBeUndefined();
		const out = run.outputs[0][0].json as { request: unknown; requests: unknown[] };
		expect(out.requests).toEqual([
			expect.objectContaining({ label: 'request', method: 'POST', url: url(), status: 503 }),
			expect.objectContaining({
				label: 'lookup (was the lost create made?)',
				method: 'GET',
				status: 503,
			}),
			expect.objectContaining({
				label: 'lookup (was the lost create made?, try 2)',
				method: 'GET',
				status: 200,
			}),
			expect.objectContaining({ label: 'retry (try 2)', method: 'POST', status: 200 }),
		]);
		expect(out.request).toEqual(expect.objectContaining({ method: 'POST', url: url() }));
		expect(platforms.keitaro.users.size).toBe(1);
		expect(JSON.stringify(out)).not.toContain(KEITARO_SANDBOX_KEY);
	});

	it("tries are counted per request: a lookup's own tries do not change the create's count in the error", async () => {
		sandbox.fault({ kind: 'status', status: 503, method: 'POST', times: 10, retryAfter: '0' });
		sandbox.fault({ kind: 'status', status: 503, method: 'GET', times: 1, retryAfter: '0' });
		const run = await runProbe(sandbox, {
			operation: 'create',
			login: 'ann',
			options: { maxTries: 3 },
		});
		expect(run.error?.message).toBe('Probe 503: Service Unavailable (after 3 tries)');
		expect(sandbox.requests().map((r) => r.method)).toEqual([
			'POST',
			'GET',
			'GET',
			'POST',
			'GET',
			'POST',
		]);
	});

	it("a lookup that itself fails ends the item with the lookup's error, naming its request", async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		sandbox.fault({
			kind: 'status',
			status: 401,
			method: 'GET',
			times: 1,
			body: { error: 'Access denied' },
		});
		const run = await runProbe(sandbox, { operation: 'create', login: 'ann' });
		expect(run.error?.message).toBe('Probe 401: Access denied');
		expect(run.error?.description).toContain('GET /keitaro/admin_api/v1/users');
	});

	it('secrets never reach an error: the key in a body the service echoes back is masked', async () => {
		sandbox.fault({
			kind: 'status',
			status: 400,
			method: 'GET',
			times: 1,
			body: { error: `bad key ${KEITARO_SANDBOX_KEY}` },
		});
		const run = await runProbe(sandbox, { operation: 'get', id: 1 });
		expect(run.error?.message).toBe('Probe 400: bad key ***');
		expect(JSON.stringify(run.error?.raw)).not.toContain(KEITARO_SANDBOX_KEY);
	});

	it('reads the credential once per run and hands it to n8n with every request, each one still authenticated', async () => {
		const items = ['a', 'b', 'c', 'd', 'e'].map((login) => ({ json: { login } }));
		const run = await runProbe(
			sandbox,
			{ operation: 'create', login: '={{ $json.login }}' },
			{ items },
		);
		expect(run.error).toBeUndefined();
		expect(run.outputs[0]).toHaveLength(5);
		// n8n would otherwise read and decrypt it again for each of the five requests.
		expect(run.credentialReads).toBe(1);
		expect(sandbox.requests().map((r) => r.headers['api-key'])).toEqual(
			Array(5).fill(KEITARO_SANDBOX_KEY),
		);
	});
});
