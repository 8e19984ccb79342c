import { startSandbox, type Platforms, type Sandbox } from '../sandbox';
import { CHATWOOT_PLATFORM_TOKEN, CHATWOOT_USER_TOKEN } from '../sandbox/platforms/chatwoot';
import { jsonOf, runChatwoot } from './chatwoot-helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const createContact = { resource: 'contact', operation: 'create', fields: { name: 'Mia', email: 'mia@shop.test' } };
const getContact = { resource: 'contact', operation: 'get', contactId: 1 };
const tries = (method: string) => sandbox.requests('chatwoot').filter((r) => r.method === method).length;

describe('Chatwoot retries and faults over real HTTP', () => {
	it('a read retries through a 503 and a 429 and succeeds on the third try', async () => {
		platforms.chatwoot.addContact({ name: 'Mia', email: 'mia@shop.test' });
		sandbox.fault({ kind: 'status', status: 503, method: 'GET', times: 1, retryAfter: '0' });
		sandbox.fault({ kind: 'status', status: 429, method: 'GET', times: 1, retryAfter: '0' });
		const run = await runChatwoot(sandbox, getContact);
		expect(run.error).toBeUndefined();
		expect(tries('GET')).toBe(3);
		expect(jsonOf(run.outputs[0])).toEqual([expect.objectContaining({ id: 1, email: 'mia@shop.test' })]);
	});

	it('a read gives up after Max Tries and says how many tries it took', async () => {
		sandbox.fault({ kind: 'status', status: 502, method: 'GET', times: 10, retryAfter: '0' });
		const run = await runChatwoot(sandbox, { resource: 'agent', operation: 'getAll', returnAll: true, options: { maxTries: 2 } });
		expect(tries('GET')).toBe(2);
		expect(run.error?.message).toBe('Chatwoot 502: Service Unavailable (after 2 tries)');
	});

	it('a create is not re-sent after a 503: nothing is stored and the error says 503', async () => {
		sandbox.fault({ kind: 'status', status: 503, method: 'POST', times: 1, retryAfter: '0' });
		const run = await runChatwoot(sandbox, createContact);
		expect(tries('POST')).toBe(1);
		expect(run.error?.message).toBe('Chatwoot 503: Service Unavailable');
		expect(platforms.chatwoot.contacts.size).toBe(0);
	});

	it('a create whose connection dropped after the server acted is not re-sent: exactly one contact', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const run = await runChatwoot(sandbox, createContact);
		expect(tries('POST')).toBe(1);
		expect(platforms.chatwoot.contacts.size).toBe(1);
		expect(run.error?.message).toMatch(
			/^Chatwoot: POST \/contacts failed: the connection was dropped\. It was not re-sent, because the service may already have acted on it/,
		);
	});

	it('a platform user create that dropped after the server acted leaves exactly one user', async () => {
		const before = platforms.chatwoot.users.size;
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const run = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'create',
			name: 'Ana',
			email: 'ana@example.com',
			password: 'Str0ng!pass',
		});
		expect(tries('POST')).toBe(1);
		expect(platforms.chatwoot.users.size).toBe(before + 1);
		expect(run.error?.message).toMatch(/^Chatwoot: POST \/users failed: the connection was dropped\. It was not re-sent/);
	});

	it('a read retries after a dropped connection', async () => {
		platforms.chatwoot.addContact({ name: 'Mia', email: 'mia@shop.test' });
		sandbox.fault({ kind: 'drop', method: 'GET', times: 1 });
		const run = await runChatwoot(sandbox, { resource: 'contact', operation: 'search', query: 'mia', returnAll: true });
		expect(run.error).toBeUndefined();
		expect(tries('GET')).toBe(2);
		expect(jsonOf(run.outputs[0]).map((c) => c.email)).toEqual(['mia@shop.test']);
	});

	it('a malformed JSON body: a read retries, a create reports it and is not re-sent', async () => {
		platforms.chatwoot.addContact({ name: 'Mia', email: 'mia@shop.test' });
		sandbox.fault({ kind: 'malformed', method: 'GET', times: 1 });
		const read = await runChatwoot(sandbox, getContact);
		expect(read.error).toBeUndefined();
		expect(tries('GET')).toBe(2);

		sandbox.fault({ kind: 'malformed', method: 'POST', times: 1 });
		const write = await runChatwoot(sandbox, { ...createContact, fields: { email: 'new@shop.test' } });
		expect(write.error?.message).toBe('Chatwoot answered POST /contacts with a body that is not valid JSON');
		expect(tries('POST')).toBe(1);
		expect(platforms.chatwoot.contacts.size).toBe(2);
	});

	it('a body slower than the timeout fails with "timed out" and no token shows', async () => {
		platforms.chatwoot.addContact({ name: 'Mia', email: 'mia@shop.test' });
		sandbox.fault({ kind: 'slowBody', method: 'GET', times: 5, delayMs: 3000 });
		const run = await runChatwoot(sandbox, { ...getContact, options: { timeout: 300, maxTries: 2 } });
		expect(run.error?.message).toBe('Chatwoot: GET /contacts/1 timed out after 300 ms (after 2 tries).');
		expect(tries('GET')).toBe(2);
		const raw = JSON.stringify(run.error?.raw);
		expect(raw).not.toContain(CHATWOOT_USER_TOKEN);
		expect(raw).not.toContain(CHATWOOT_PLATFORM_TOKEN);
	});

	it('with continueOnFail every item ends as exactly one success or one error item', async () => {
		platforms.chatwoot.addContact({ email: 'taken@shop.test' });
		sandbox.fault({ kind: 'status', status: 503, method: 'POST', times: 1, retryAfter: '0' });
		const items = [
			{ json: { email: 'first@shop.test' } }, // meets the 503: not re-sent
			{ json: { email: 'taken@shop.test' } }, // 422
			{ json: { email: 'not-an-email' } }, // invalid: nothing sent
			{ json: { email: 'last@shop.test' } },
		];
		const run = await runChatwoot(
			sandbox,
			{ resource: 'contact', operation: 'create', fields: { email: '={{ $json.email }}' } },
			{ items, onError: 'continueRegularOutput' },
		);
		expect(run.error).toBeUndefined();
		const out = run.outputs[0];
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(out[0].json).toEqual({
			error: 'Chatwoot 503: Service Unavailable',
			details: { itemIndex: 0, httpCode: '503', description: 'POST /contacts' },
		});
		expect(out[1].json).toEqual({
			error: 'Chatwoot 422: Email has already been taken',
			details: { itemIndex: 1, httpCode: '422', description: 'POST /contacts' },
		});
		expect(out[2].json).toEqual({
			error: 'Item 2: Fields > Email (fields.email): is not a valid email address',
			details: { itemIndex: 2, description: 'Nothing was sent.' },
		});
		expect(out[3].json).toMatchObject({ email: 'last@shop.test', outcome: 'created' });
		expect(tries('POST')).toBe(3);
		expect([...platforms.chatwoot.contacts.values()].map((c) => c.email)).toEqual(['taken@shop.test', 'last@shop.test']);
	});
});
