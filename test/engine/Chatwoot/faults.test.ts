import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { CHATWOOT_PLATFORM_TOKEN, CHATWOOT_USER_TOKEN } from '../../sandbox/platforms/chatwoot';
import { calls, jsonOf, runChatwoot } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const createContact = {
	resource: 'contact',
	operation: 'create',
	fields: { name: 'Mia', email: 'mia@shop.test' },
};
const getContact = { resource: 'contact', operation: 'get', contactId: 1 };
const P = '/platform/api/v1';
const A = '/api/v1/accounts/1';
/** Mia as the contact search returns her (the lookup's find). */
const foundMia = (id: number) => ({
	additional_attributes: {},
	availability_status: 'offline',
	email: 'mia@shop.test',
	id,
	name: 'Mia',
	phone_number: null,
	identifier: null,
	blocked: false,
	thumbnail: '',
	custom_attributes: {},
	last_activity_at: null,
	created_at: 1_700_000_000 + id,
});
const tries = (method: string) =>
	sandbox.requests('chatwoot').filter((r) => r.method === method).length;

describe('Chatwoot retries and faults over real HTTP', () => {
	it('a read retries through a 503 and a 429 and succeeds on the third try', async () => {
		platforms.chatwoot.addContact({ name: 'Mia', email: 'mia@shop.test' });
		sandbox.fault({ kind: 'status', status: 503, method: 'GET', times: 1, retryAfter: '0' });
		sandbox.fault({ kind: 'status', status: 429, method: 'GET', times: 1, retryAfter: '0' });
		const run = await runChatwoot(sandbox, getContact);
		expect(run.error).toBeUndefined();
		expect(tries('GET')).toBe(3);
		expect(jsonOf(run.outputs[0])).toEqual([
			expect.objectContaining({ id: 1, email: 'mia@shop.test' }),
		]);
	});

	it('a read gives up after Max Tries and says how many tries it took', async () => {
		sandbox.fault({ kind: 'status', status: 502, method: 'GET', times: 10, retryAfter: '0' });
		const run = await runChatwoot(sandbox, {
			resource: 'agent',
			operation: 'getAll',
			returnAll: true,
			options: { maxTries: 2 },
		});
		expect(tries('GET')).toBe(2);
		expect(run.error?.message).toBe('Chatwoot 502: Service Unavailable (after 2 tries)');
	});

	it('a contact create that met a 503 is looked up by email, found missing, and sent again: exactly one contact', async () => {
		sandbox.fault({ kind: 'status', status: 503, method: 'POST', times: 1, retryAfter: '0' });
		const run = await runChatwoot(sandbox, createContact);
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([
			`POST ${A}/contacts`,
			`GET ${A}/contacts/search?q=mia%40shop.test&page=1`,
			`POST ${A}/contacts`,
		]);
		expect([...platforms.chatwoot.contacts.values()].map((c) => c.email)).toEqual([
			'mia@shop.test',
		]);
		expect(jsonOf(run.outputs[0])).toEqual([{ ...foundMia(1), outcome: 'created' }]);
	});

	it('a contact create with only an identifier is looked up by identifier after a 503', async () => {
		sandbox.fault({ kind: 'status', status: 503, method: 'POST', times: 1, retryAfter: '0' });
		const run = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'create',
			fields: { identifier: 'crm-42' },
		});
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([
			`POST ${A}/contacts`,
			`GET ${A}/contacts/search?q=crm-42&page=1`,
			`POST ${A}/contacts`,
		]);
		expect([...platforms.chatwoot.contacts.values()].map((c) => c.identifier)).toEqual(['crm-42']);
		expect(jsonOf(run.outputs[0])).toEqual([
			expect.objectContaining({ id: 1, identifier: 'crm-42', outcome: 'created' }),
		]);
	});

	it('a contact create whose connection dropped after the server acted is found by the lookup, not sent again: exactly one contact', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const run = await runChatwoot(sandbox, createContact);
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([
			`POST ${A}/contacts`,
			`GET ${A}/contacts/search?q=mia%40shop.test&page=1`,
		]);
		expect(platforms.chatwoot.contacts.size).toBe(1);
		expect(platforms.chatwoot.contacts.get(1)).toMatchObject({
			name: 'Mia',
			email: 'mia@shop.test',
		});
		// The answer is the contact the search found.
		expect(jsonOf(run.outputs[0])).toEqual([{ ...foundMia(1), outcome: 'created' }]);
	});

	it('a contact create with neither email nor identifier has no lookup: after a drop it is not re-sent and says so', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const run = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'create',
			fields: { name: 'Mia' },
		});
		expect(calls(sandbox)).toEqual([`POST ${A}/contacts`]);
		expect(platforms.chatwoot.contacts.size).toBe(1);
		expect(run.error?.message).toBe(
			'Chatwoot: POST /chatwoot/api/v1/accounts/1/contacts failed: the connection was dropped. It was not re-sent, because the service may already have acted on it: check before running again.',
		);
	});

	it('an agent invite whose connection dropped after the server acted is found among the agents: one membership, no second POST', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const run = await runChatwoot(sandbox, {
			resource: 'agent',
			operation: 'create',
			name: 'Ben',
			email: 'Ben@Shop.test',
			role: 'agent',
		});
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([`POST ${A}/agents`, `GET ${A}/agents`]);
		const bens = [...platforms.chatwoot.users.values()].filter((u) => u.email === 'Ben@Shop.test');
		expect(bens).toHaveLength(1);
		expect(platforms.chatwoot.accountUsers.filter((au) => au.user_id === bens[0].id)).toHaveLength(
			1,
		);
		expect(jsonOf(run.outputs[0])).toEqual([
			expect.objectContaining({ id: bens[0].id, email: 'Ben@Shop.test', role: 'agent' }),
		]);
	});

	it('a platform user create that dropped after the server acted is sent again (idempotent): still exactly one user', async () => {
		const before = platforms.chatwoot.users.size;
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const run = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'create',
			name: 'Ana',
			email: 'ana@example.com',
			password: 'Str0ng!pass',
		});
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([`POST ${P}/users`, `POST ${P}/users`]);
		// The second POST met the user the first made: Chatwoot returned it instead of making another.
		expect(platforms.chatwoot.users.size).toBe(before + 1);
		const anas = [...platforms.chatwoot.users.values()].filter(
			(u) => u.email === 'ana@example.com',
		);
		expect(anas).toHaveLength(1);
		const out = jsonOf(run.outputs[0]);
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({
			id: anas[0].id,
			email: 'ana@example.com',
			name: 'Ana',
			outcome: 'created',
		});
	});

	it('a read retries after a dropped connection', async () => {
		platforms.chatwoot.addContact({ name: 'Mia', email: 'mia@shop.test' });
		sandbox.fault({ kind: 'drop', method: 'GET', times: 1 });
		const run = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'search',
			query: 'mia',
			returnAll: true,
		});
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
		const write = await runChatwoot(sandbox, {
			...createContact,
			fields: { email: 'new@shop.test' },
		});
		expect(write.error?.message).toBe(
			'Chatwoot answered POST /chatwoot/api/v1/accounts/1/contacts with a body that is not valid JSON',
		);
		expect(tries('POST')).toBe(1);
		expect(platforms.chatwoot.contacts.size).toBe(2);
	});

	it('a body slower than the timeout fails with "timed out" and no token shows', async () => {
		platforms.chatwoot.addContact({ name: 'Mia', email: 'mia@shop.test' });
		sandbox.fault({ kind: 'slowBody', method: 'GET', times: 5, delayMs: 3000 });
		const run = await runChatwoot(sandbox, {
			...getContact,
			options: { timeout: 300, maxTries: 2 },
		});
		expect(run.error?.message).toBe(
			'Chatwoot: GET /chatwoot/api/v1/accounts/1/contacts/1 timed out after 300 ms (after 2 tries).',
		);
		expect(tries('GET')).toBe(2);
		const raw = JSON.stringify(run.error?.raw);
		expect(raw).not.toContain(CHATWOOT_USER_TOKEN);
		expect(raw).not.toContain(CHATWOOT_PLATFORM_TOKEN);
	});

	it('with continueOnFail every item ends as exactly one success or one error item', async () => {
		platforms.chatwoot.addContact({ email: 'taken@shop.test' });
		sandbox.fault({
			kind: 'status',
			status: 500,
			method: 'POST',
			times: 1,
			body: { status: 500, error: 'Internal Server Error' },
		});
		sandbox.fault({ kind: 'status', status: 503, method: 'POST', times: 1, retryAfter: '0' });
		const items = [
			{ json: { email: 'first@shop.test' } }, // meets the 500: a create is never re-sent after it
			{ json: { email: 'second@shop.test' } }, // meets the 503: looked up, missing, sent again
			{ json: { email: 'taken@shop.test' } }, // 422
			{ json: { email: 'not-an-email' } }, // invalid: nothing sent
			{ json: { email: 'last@shop.test' } },
		];
		const run = await runChatwoot(
			sandbox,
			// One at a time: the faults hit the items in input order.
			{
				resource: 'contact',
				operation: 'create',
				fields: { email: '={{ $json.email }}' },
				options: { concurrency: 1 },
			},
			{ items, onError: 'continueRegularOutput' },
		);
		expect(run.error).toBeUndefined();
		const out = run.outputs[0];
		expect(out.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
			{ item: 4 },
		]);
		expect(out.map((i) => (i.json.error ? 'error' : i.json.outcome))).toEqual([
			'error',
			'created',
			'error',
			'error',
			'created',
		]);
		expect(out[0].json).toEqual({
			error: 'Chatwoot 500: Internal Server Error',
			details: {
				itemIndex: 0,
				httpCode: '500',
				description: 'POST /chatwoot/api/v1/accounts/1/contacts',
			},
		});
		expect(out[1].json).toMatchObject({ id: 2, email: 'second@shop.test', outcome: 'created' });
		expect(out[2].json).toEqual({
			error: 'Chatwoot 422: Email has already been taken',
			details: {
				itemIndex: 2,
				httpCode: '422',
				description: 'POST /chatwoot/api/v1/accounts/1/contacts',
			},
		});
		expect(out[3].json).toEqual({
			error: 'Item 3: Fields > Email (fields.email): is not a valid email address',
			details: { itemIndex: 3, description: 'Nothing was sent.' },
		});
		expect(out[4].json).toMatchObject({ id: 3, email: 'last@shop.test', outcome: 'created' });
		expect(calls(sandbox)).toEqual([
			`POST ${A}/contacts`,
			`POST ${A}/contacts`,
			`GET ${A}/contacts/search?q=second%40shop.test&page=1`,
			`POST ${A}/contacts`,
			`POST ${A}/contacts`,
			`POST ${A}/contacts`,
		]);
		expect([...platforms.chatwoot.contacts.values()].map((c) => c.email)).toEqual([
			'taken@shop.test',
			'second@shop.test',
			'last@shop.test',
		]);
	});

	describe('Create or Update', () => {
		const upsertMia = {
			resource: 'contact',
			operation: 'upsert',
			matchBy: 'email',
			email: 'mia@shop.test',
			additionalFields: { name: 'Mia' },
		};
		const search = `GET ${A}/contacts/search?q=mia%40shop.test&page=1`;

		it('a create whose connection dropped after the server acted is found by looking again: one contact, outcome created', async () => {
			sandbox.fault({ kind: 'dropAfter', method: 'POST', path: '/contacts', times: 1 });
			const run = await runChatwoot(sandbox, upsertMia);
			expect(run.error).toBeUndefined();
			// The find, the create whose answer was lost, the lookup that finds the new contact.
			expect(calls(sandbox)).toEqual([search, `POST ${A}/contacts`, search]);
			expect([...platforms.chatwoot.contacts.values()].map((c) => c.email)).toEqual([
				'mia@shop.test',
			]);
			expect(jsonOf(run.outputs[0])).toEqual([{ ...foundMia(1), outcome: 'created' }]);
		});

		it('after a recovered create, Include Request Details lists the find, the create and the lookup, labelled', async () => {
			sandbox.fault({ kind: 'dropAfter', method: 'POST', path: '/contacts', times: 1 });
			const run = await runChatwoot(sandbox, {
				...upsertMia,
				options: { includeRequestDetails: true },
			});
			expect(run.error).toBeUndefined();
			const out = jsonOf(run.outputs[0])[0];
			const base = `${sandbox.urlOf('/chatwoot')}${A}`;
			// "The request" is the create that made the contact, not the lookup that found it.
			expect(out.request).toMatchObject({
				url: `${base}/contacts`,
				method: 'POST',
				body: { name: 'Mia', email: 'mia@shop.test' },
			});
			expect(out.requests).toEqual([
				expect.objectContaining({
					label: 'request',
					url: `${base}/contacts/search?q=mia%40shop.test&page=1`,
					method: 'GET',
					status: 200,
				}),
				expect.objectContaining({
					label: 'request',
					url: `${base}/contacts`,
					method: 'POST',
					failure: 'ECONNRESET',
				}),
				expect.objectContaining({
					label: 'lookup (was the lost create made?)',
					url: `${base}/contacts/search?q=mia%40shop.test&page=1`,
					status: 200,
				}),
			]);
			expect(out.data).toEqual({ ...foundMia(1), outcome: 'created' });
			expect(JSON.stringify(out)).not.toContain(CHATWOOT_USER_TOKEN);
		});

		it('a create answered 503 is looked up, found missing and sent again: one contact', async () => {
			sandbox.fault({ kind: 'status', status: 503, method: 'POST', times: 1, retryAfter: '0' });
			const run = await runChatwoot(sandbox, upsertMia);
			expect(run.error).toBeUndefined();
			expect(calls(sandbox)).toEqual([search, `POST ${A}/contacts`, search, `POST ${A}/contacts`]);
			expect(platforms.chatwoot.contacts.size).toBe(1);
			expect(jsonOf(run.outputs[0])[0]).toMatchObject({
				id: 1,
				email: 'mia@shop.test',
				outcome: 'created',
			});
		});
	});
});
