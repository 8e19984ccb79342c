import { startSandbox, type Platforms, type Sandbox } from '../sandbox';
import { CHATWOOT_PLATFORM_TOKEN, CHATWOOT_USER_TOKEN } from '../sandbox/platforms/chatwoot';
import { calls, jsonOf, runChatwoot } from './chatwoot-helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const P = '/platform/api/v1';
const A = '/api/v1/accounts/1';
const createUser = {
	resource: 'platformUser',
	operation: 'create',
	name: 'Ana Souza',
	email: 'ana@example.com',
	password: 'Str0ng!pass',
	additionalFields: { displayName: 'Ana', customAttributes: '{"crm_id":"A-17"}' },
};

describe('Chatwoot platform users in the n8n engine', () => {
	it('creates a user: exact request, platform token header, outcome created, secrets masked', async () => {
		const run = await runChatwoot(sandbox, createUser);
		expect(run.error).toBeUndefined();
		const requests = sandbox.requests('chatwoot');
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({
			method: 'POST',
			path: `${P}/users`,
			query: {},
			body: {
				name: 'Ana Souza',
				email: 'ana@example.com',
				password: 'Str0ng!pass',
				display_name: 'Ana',
				custom_attributes: { crm_id: 'A-17' },
			},
		});
		expect(requests[0].headers.api_access_token).toBe(CHATWOOT_PLATFORM_TOKEN);
		expect(requests[0].headers['content-type']).toBe('application/json');
		const created = [...platforms.chatwoot.users.values()].find((u) => u.email === 'ana@example.com');
		expect(run.outputs[0]).toEqual([
			{
				json: expect.objectContaining({
					id: created?.id,
					name: 'Ana Souza',
					display_name: 'Ana',
					email: 'ana@example.com',
					custom_attributes: { crm_id: 'A-17' },
					accounts: [],
					// The new user's own token is a secret: the core masks it, deliberately kept so.
					access_token: '***',
					pubsub_token: '***',
					outcome: 'created',
				}),
				pairedItem: { item: 0 },
			},
		]);
		const text = JSON.stringify(run.outputs);
		expect(text).not.toContain(CHATWOOT_PLATFORM_TOKEN);
		expect(text).not.toContain(created?.access_token);
		expect(text).not.toContain('Str0ng!pass');
	});

	it('an email that is taken returns the existing user unchanged, and says so', async () => {
		const existing = platforms.chatwoot.addUser({ name: 'Ana Existing', email: 'ana@example.com' });
		platforms.chatwoot.addMember(1, existing.id);
		const run = await runChatwoot(sandbox, createUser);
		expect(run.error).toBeUndefined();
		const out = jsonOf(run.outputs[0])[0];
		expect(out).toMatchObject({ id: existing.id, name: 'Ana Existing', outcome: 'existing' });
		expect(out.note).toBe(
			'A user with this email already existed: Chatwoot returned it as it was (the name, password and custom attributes given here were not applied). Use Update to change it.',
		);
		expect([...platforms.chatwoot.users.values()].filter((u) => u.email === 'ana@example.com')).toHaveLength(1);
		expect(platforms.chatwoot.users.get(existing.id)?.password).toBe('Seeded-1!');
	});

	it('a password against the rule names what is missing, and nothing is sent', async () => {
		const run = await runChatwoot(sandbox, { ...createUser, password: 'abc' });
		expect(run.error?.message).toBe(
			"Item 0: Password (password): must be 6 to 128 characters long (it has 3); needs an uppercase letter, a digit, a special character (!@#$%^&*()_+-=[]{}|')",
		);
		expect(run.error?.description).toBe('Nothing was sent.');
		expect(sandbox.requests()).toHaveLength(0);

		const items = [{ json: { pw: 'Good-pass1' } }, { json: { pw: 'nodigits!A' } }, { json: { pw: 'x'.repeat(120) + 'A1!aaaaaaaa' } }];
		const many = await runChatwoot(
			sandbox,
			{ ...createUser, email: '={{ "u" + $itemIndex + "@example.com" }}', password: '={{ $json.pw }}' },
			{ items, onError: 'continueRegularOutput' },
		);
		const out = jsonOf(many.outputs[0]);
		expect(out[0]).toMatchObject({ email: 'u0@example.com', outcome: 'created' });
		expect(out[1]).toEqual({
			error: 'Item 1: Password (password): needs a digit',
			details: { itemIndex: 1, description: 'Nothing was sent.' },
		});
		expect(out[2]).toEqual({
			error: 'Item 2: Password (password): must be 6 to 128 characters long (it has 131)',
			details: { itemIndex: 2, description: 'Nothing was sent.' },
		});
		expect(calls(sandbox)).toEqual([`POST ${P}/users`]);
		expect(JSON.stringify(many.outputs)).not.toContain('nodigits!A');
	});

	it('gets, updates, links, adds to and removes from an account, and deletes', async () => {
		const cw = platforms.chatwoot;
		const user = cw.addUser({ name: 'Bo', email: 'bo@example.com', custom_attributes: { tier: 'gold' } });

		const got = await runChatwoot(sandbox, { resource: 'platformUser', operation: 'get', userId: user.id });
		expect(jsonOf(got.outputs[0])).toEqual([expect.objectContaining({ id: user.id, email: 'bo@example.com' })]);

		const updated = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'update',
			userId: user.id,
			updateFields: { displayName: 'Bobby', password: 'N3w-Pass!', customAttributes: { plan: 'pro' } },
		});
		expect(updated.error).toBeUndefined();
		expect(sandbox.requests()[1]).toMatchObject({
			method: 'PATCH',
			path: `${P}/users/${user.id}`,
			body: { display_name: 'Bobby', password: 'N3w-Pass!', custom_attributes: { plan: 'pro' } },
		});
		expect(cw.users.get(user.id)?.custom_attributes).toEqual({ tier: 'gold', plan: 'pro' });
		expect(JSON.stringify(updated.outputs)).not.toContain('N3w-Pass!');

		const link = await runChatwoot(sandbox, { resource: 'platformUser', operation: 'getLoginLink', userId: user.id });
		// The SSO parameter is sso_auth_token, which the query-string masking does not cover: the link stays usable.
		expect(jsonOf(link.outputs[0])).toEqual([{ id: user.id, url: cw.lastLoginUrl }]);
		expect(cw.lastLoginUrl).toMatch(/\/app\/login\?email=bo%40example\.com&sso_auth_token=sso\d+t1a7b6c5d4e3f2$/);

		const added = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'addToAccount',
			userId: user.id,
			accountId: 1,
			role: 'administrator',
		});
		expect(jsonOf(added.outputs[0])).toEqual([{ account_id: 1, user_id: user.id, role: 'administrator' }]);
		expect(sandbox.requests()[3]).toMatchObject({
			method: 'POST',
			path: `${P}/accounts/1/account_users`,
			body: { user_id: user.id, role: 'administrator' },
		});

		const removed = await runChatwoot(sandbox, { resource: 'platformUser', operation: 'removeFromAccount', userId: user.id, accountId: 1 });
		expect(jsonOf(removed.outputs[0])).toEqual([{ user_id: user.id, account_id: 1, removed: true, outcome: 'deleted' }]);
		expect(sandbox.requests()[4]).toMatchObject({
			method: 'DELETE',
			path: `${P}/accounts/1/account_users`,
			query: { user_id: String(user.id) },
		});
		expect(cw.accountUsers.some((au) => au.user_id === user.id)).toBe(false);

		const deleted = await runChatwoot(sandbox, { resource: 'platformUser', operation: 'delete', userId: user.id });
		expect(jsonOf(deleted.outputs[0])).toEqual([{ id: user.id, deleted: true, outcome: 'deleted' }]);
		expect(cw.users.has(user.id)).toBe(false);
		expect(calls(sandbox)).toEqual([
			`GET ${P}/users/${user.id}`,
			`PATCH ${P}/users/${user.id}`,
			`GET ${P}/users/${user.id}/login`,
			`POST ${P}/accounts/1/account_users`,
			`DELETE ${P}/accounts/1/account_users?user_id=${user.id}`,
			`DELETE ${P}/users/${user.id}`,
		]);
	});

	it("the platform app's ownership rule reads as a sentence", async () => {
		const foreign = platforms.chatwoot.addUser({ name: 'Not Ours', email: 'x@example.com', ownedByApp: false });
		const run = await runChatwoot(sandbox, { resource: 'platformUser', operation: 'get', userId: foreign.id });
		expect(run.error?.message).toBe(
			'Chatwoot 401: Non permissible resource. This platform app may only manage users and accounts it created itself (or was given access to)',
		);
		const account = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'addToAccount',
			userId: 1,
			accountId: 2,
			role: 'agent',
		});
		expect(account.error?.message).toMatch(/^Chatwoot 401: Non permissible resource\./);
		expect(account.error?.description).toContain('POST /accounts/2/account_users');
	});

	it('an unknown platform user is 404', async () => {
		const run = await runChatwoot(sandbox, { resource: 'platformUser', operation: 'get', userId: 999 });
		expect(run.error?.message).toBe('Chatwoot 404: Not Found');
		expect(run.error?.httpCode).toBe('404');
	});
});

describe('Chatwoot credentials: one header, two token kinds', () => {
	it('a user access token in the platform credential is refused, in words, and never shown', async () => {
		const run = await runChatwoot(sandbox, { resource: 'platformUser', operation: 'get', userId: 1 }, { platformToken: CHATWOOT_USER_TOKEN });
		expect(sandbox.requests()[0].headers.api_access_token).toBe(CHATWOOT_USER_TOKEN);
		expect(run.error?.message).toBe(
			'Chatwoot 401: Invalid access_token. Platform User operations need a platform app token (Super Admin > Platform Apps) in the "Chatwoot Platform API" credential; a user access token is refused here',
		);
		expect(run.error?.description).toContain('only on self-hosted installations');
		expect(JSON.stringify(run.error?.raw)).not.toContain(CHATWOOT_USER_TOKEN);
	});

	it('a platform app token in the account credential is refused, in words, and never shown', async () => {
		const run = await runChatwoot(sandbox, { resource: 'agent', operation: 'getAll', returnAll: true }, { accessToken: CHATWOOT_PLATFORM_TOKEN });
		expect(sandbox.requests()[0]).toMatchObject({ method: 'GET', path: `${A}/agents` });
		expect(run.error?.message).toBe(
			'Chatwoot 401: Invalid Access Token. Agent and Contact operations need a user access token (Profile Settings > Access Token) in the "Chatwoot API" credential; a platform app token is refused here',
		);
		expect(JSON.stringify(run.error?.raw)).not.toContain(CHATWOOT_PLATFORM_TOKEN);
	});

	it('the account ID comes from the credential; an account the user is not in says so', async () => {
		const run = await runChatwoot(sandbox, { resource: 'agent', operation: 'getAll', returnAll: true }, { accountId: 2 });
		expect(sandbox.requests()[0].path).toBe('/api/v1/accounts/2/agents');
		expect(run.error?.message).toBe('Chatwoot 401: You are not authorized to access this account');
		expect(run.error?.description).toContain('Check the Account ID in the "Chatwoot API" credential');
	});

	it('Include Request Details and Dry Run show the header masked, per credential', async () => {
		const detailed = await runChatwoot(sandbox, { ...createUser, options: { includeRequestDetails: true } });
		expect(jsonOf(detailed.outputs[0])[0]).toMatchObject({
			request: {
				url: `${sandbox.urlOf('/chatwoot')}${P}/users`,
				method: 'POST',
				headers: { api_access_token: '***' },
				body: { name: 'Ana Souza', email: 'ana@example.com', password: '***' },
			},
			resource: 'platformUser',
			operation: 'create',
			success: true,
		});
		sandbox.log.length = 0;
		const dry = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'search',
			query: 'ana',
			returnAll: true,
			options: { dryRun: true },
		});
		expect(sandbox.requests()).toHaveLength(0);
		expect(jsonOf(dry.outputs[0])).toEqual([
			{
				dryRun: true,
				resource: 'contact',
				operation: 'search',
				requests: [
					{
						url: `${sandbox.urlOf('/chatwoot')}${A}/contacts/search?q=ana&page=1`,
						method: 'GET',
						headers: { api_access_token: '***' },
					},
				],
			},
		]);
		const text = JSON.stringify([detailed.outputs, dry.outputs]);
		expect(text).not.toContain(CHATWOOT_PLATFORM_TOKEN);
		expect(text).not.toContain(CHATWOOT_USER_TOKEN);
	});
});

describe('Chatwoot agents', () => {
	it('invites, lists with a limit, updates and removes agents with the exact requests', async () => {
		const created = await runChatwoot(sandbox, {
			resource: 'agent',
			operation: 'create',
			name: 'Ivan Agent',
			email: 'ivan@acme.test',
			role: 'agent',
			additionalFields: { availability: 'busy', autoOffline: false },
		});
		expect(created.error).toBeUndefined();
		expect(sandbox.requests()[0]).toMatchObject({
			method: 'POST',
			path: `${A}/agents`,
			body: { name: 'Ivan Agent', email: 'ivan@acme.test', role: 'agent', availability: 'busy', auto_offline: false },
		});
		expect(sandbox.requests()[0].headers.api_access_token).toBe(CHATWOOT_USER_TOKEN);
		const agent = jsonOf(created.outputs[0])[0];
		expect(agent).toMatchObject({ name: 'Ivan Agent', role: 'agent', availability_status: 'busy', auto_offline: false, confirmed: false });

		const all = await runChatwoot(sandbox, { resource: 'agent', operation: 'getAll', returnAll: true });
		expect(jsonOf(all.outputs[0]).map((a) => a.email)).toEqual(['ivan@acme.test', 'owner@acme.test']);
		const one = await runChatwoot(sandbox, { resource: 'agent', operation: 'getAll', returnAll: false, limit: 1 });
		expect(jsonOf(one.outputs[0]).map((a) => a.email)).toEqual(['ivan@acme.test']);

		const updated = await runChatwoot(sandbox, {
			resource: 'agent',
			operation: 'update',
			agentId: agent.id as number,
			updateFields: { role: 'administrator', availability: 'online' },
		});
		expect(jsonOf(updated.outputs[0])[0]).toMatchObject({ role: 'administrator', availability_status: 'online' });
		expect(sandbox.requests()[3]).toMatchObject({
			method: 'PATCH',
			path: `${A}/agents/${agent.id}`,
			body: { role: 'administrator', availability: 'online' },
		});

		const removed = await runChatwoot(sandbox, { resource: 'agent', operation: 'delete', agentId: agent.id as number });
		expect(jsonOf(removed.outputs[0])).toEqual([{ id: agent.id, deleted: true, outcome: 'deleted' }]);
		expect(calls(sandbox).slice(4)).toEqual([`DELETE ${A}/agents/${agent.id}`]);
		expect(platforms.chatwoot.users.has(agent.id as number)).toBe(false);
	});

	it('an invite over the plan limit reads as 402 with a hint; a duplicate as 422', async () => {
		platforms.chatwoot.accounts.get(1)!.agentLimit = 1;
		const run = await runChatwoot(sandbox, { resource: 'agent', operation: 'create', name: 'X', email: 'x@acme.test', role: 'agent' });
		expect(run.error?.message).toBe('Chatwoot 402: Account limit exceeded. Please purchase more licenses');
		expect(run.error?.description).toContain('agent limit');

		platforms.chatwoot.accounts.get(1)!.agentLimit = 100;
		const dup = await runChatwoot(sandbox, { resource: 'agent', operation: 'create', name: 'O', email: 'owner@acme.test', role: 'agent' });
		expect(dup.error?.message).toBe('Chatwoot 422: User has already been taken');
	});
});

describe('Chatwoot contacts', () => {
	it('creates (with an inbox), gets, updates (merging attributes) and deletes a contact', async () => {
		const created = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'create',
			fields: {
				name: 'Mia',
				email: 'mia@shop.test',
				phoneNumber: '+1 555 010 0200',
				identifier: 'crm-9',
				inboxId: 1,
				customAttributes: '{"plan":"free","seats":2}',
			},
		});
		expect(created.error).toBeUndefined();
		expect(sandbox.requests()[0]).toMatchObject({
			method: 'POST',
			path: `${A}/contacts`,
			body: {
				name: 'Mia',
				email: 'mia@shop.test',
				phone_number: '+15550100200',
				identifier: 'crm-9',
				inbox_id: 1,
				custom_attributes: { plan: 'free', seats: 2 },
			},
		});
		const contact = jsonOf(created.outputs[0])[0];
		expect(contact).toMatchObject({
			id: 1,
			name: 'Mia',
			outcome: 'created',
			contact_inbox: { inbox: { id: 1, name: 'Website', channel_type: 'Channel::WebWidget' }, source_id: 'source-1' },
		});

		const got = await runChatwoot(sandbox, { resource: 'contact', operation: 'get', contactId: 1 });
		expect(jsonOf(got.outputs[0])).toEqual([expect.objectContaining({ id: 1, email: 'mia@shop.test', custom_attributes: { plan: 'free', seats: 2 } })]);

		const updated = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'update',
			contactId: 1,
			updateFields: { customAttributes: { plan: 'pro' }, blocked: true },
		});
		expect(sandbox.requests()[2]).toMatchObject({
			method: 'PUT',
			path: `${A}/contacts/1`,
			body: { blocked: true, custom_attributes: { plan: 'pro' } },
		});
		expect(jsonOf(updated.outputs[0])[0]).toMatchObject({ blocked: true, custom_attributes: { plan: 'pro', seats: 2 }, outcome: 'updated' });

		const deleted = await runChatwoot(sandbox, { resource: 'contact', operation: 'delete', contactId: 1 });
		expect(jsonOf(deleted.outputs[0])).toEqual([{ id: 1, deleted: true, outcome: 'deleted' }]);
		expect(calls(sandbox)[3]).toBe(`DELETE ${A}/contacts/1`);
		expect(platforms.chatwoot.contacts.size).toBe(0);
	});

	it("Chatwoot's 422 {message, attributes} becomes the error text; bad input sends nothing", async () => {
		platforms.chatwoot.addContact({ email: 'taken@shop.test' });
		const run = await runChatwoot(sandbox, { resource: 'contact', operation: 'create', fields: { email: 'TAKEN@shop.test' } });
		expect(run.error?.message).toBe('Chatwoot 422: Email has already been taken');
		expect(run.error?.description).toBe('POST /contacts');

		sandbox.log.length = 0;
		const bad = await runChatwoot(sandbox, { resource: 'contact', operation: 'create', fields: { phoneNumber: '0555 12' } });
		expect(bad.error?.message).toBe('Item 0: Fields > Phone Number (fields.phoneNumber): must be in E.164 format, e.g. +15551234567');
		const none = await runChatwoot(sandbox, { resource: 'contact', operation: 'create', fields: {} });
		expect(none.error?.message).toBe('Item 0: Fields (fields): give at least a name, email, phone number or identifier');
		const noQuery = await runChatwoot(sandbox, { resource: 'contact', operation: 'search', query: '  ', returnAll: true });
		expect(noQuery.error?.message).toBe('Item 0: Search Text (query): is required');
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('search pages through 15 at a time: Return All reads every page, Limit stops early', async () => {
		for (let i = 1; i <= 40; i++) platforms.chatwoot.addContact({ name: `Lead ${i}`, email: `lead${i}@shop.test` });
		platforms.chatwoot.addContact({ name: 'Other', email: 'other@else.test' });

		const all = await runChatwoot(sandbox, { resource: 'contact', operation: 'search', query: 'lead', returnAll: true, sort: 'name' });
		expect(calls(sandbox)).toEqual([
			`GET ${A}/contacts/search?q=lead&page=1&sort=name`,
			`GET ${A}/contacts/search?q=lead&page=2&sort=name`,
			`GET ${A}/contacts/search?q=lead&page=3&sort=name`,
		]);
		const emails = jsonOf(all.outputs[0]).map((c) => c.email);
		expect(emails).toHaveLength(40);
		expect(new Set(emails).size).toBe(40);
		expect(all.outputs[0].every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);

		sandbox.log.length = 0;
		const some = await runChatwoot(sandbox, { resource: 'contact', operation: 'search', query: 'lead', returnAll: false, limit: 20 });
		expect(calls(sandbox)).toEqual([`GET ${A}/contacts/search?q=lead&page=1`, `GET ${A}/contacts/search?q=lead&page=2`]);
		expect(jsonOf(some.outputs[0])).toHaveLength(20);
	});

	it('filter sends the conditions chained by the match operator and pages the result', async () => {
		for (let i = 1; i <= 16; i++) platforms.chatwoot.addContact({ name: `Pro ${i}`, email: `p${i}@shop.test`, custom_attributes: { plan: 'pro' } });
		platforms.chatwoot.addContact({ name: 'Free', email: 'free@shop.test', custom_attributes: { plan: 'free' } });
		const run = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'filter',
			conditions: {
				condition: [
					{ attributeKey: 'plan', operator: 'equal_to', value: 'pro' },
					{ attributeKey: 'email', operator: 'contains', value: 'shop.test' },
				],
			},
			match: 'AND',
			returnAll: true,
		});
		expect(run.error).toBeUndefined();
		const requests = sandbox.requests();
		expect(calls(sandbox)).toEqual([`POST ${A}/contacts/filter?page=1`, `POST ${A}/contacts/filter?page=2`]);
		expect(requests[0].body).toEqual({
			payload: [
				{ attribute_key: 'plan', filter_operator: 'equal_to', values: ['pro'], query_operator: 'AND' },
				{ attribute_key: 'email', filter_operator: 'contains', values: ['shop.test'], query_operator: null },
			],
		});
		expect(jsonOf(run.outputs[0]).map((c) => c.name)).toEqual(Array.from({ length: 16 }, (_, i) => `Pro ${i + 1}`));
	});
});

describe('Chatwoot contact Create or Update', () => {
	const upsert = {
		resource: 'contact',
		operation: 'upsert',
		matchBy: 'email',
		email: 'anna@shop.test',
		additionalFields: { name: 'Anna', customAttributes: '{"tier":"gold"}' },
	};

	it('creates when only partial matches exist, even past the first page', async () => {
		// "joanna@shop.test" contains "anna@shop.test": Chatwoot's search finds it, the node must not take it.
		for (let i = 1; i <= 16; i++) platforms.chatwoot.addContact({ name: `Jo ${i}`, email: `${i}joanna@shop.test` });
		const run = await runChatwoot(sandbox, upsert);
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([
			`GET ${A}/contacts/search?q=anna%40shop.test&page=1`,
			`GET ${A}/contacts/search?q=anna%40shop.test&page=2`,
			`POST ${A}/contacts`,
		]);
		expect(sandbox.requests()[2].body).toEqual({ name: 'Anna', email: 'anna@shop.test', custom_attributes: { tier: 'gold' } });
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({ id: 17, email: 'anna@shop.test', outcome: 'created' });
		expect(platforms.chatwoot.contacts.size).toBe(17);
	});

	it('finds the exact match behind partial ones: unchanged when nothing differs, else updates only the changes', async () => {
		for (let i = 1; i <= 15; i++) platforms.chatwoot.addContact({ name: `Jo ${i}`, email: `${i}joanna@shop.test` });
		const anna = platforms.chatwoot.addContact({ name: 'Anna', email: 'Anna@Shop.test', custom_attributes: { tier: 'gold', x: 1 } });

		const same = await runChatwoot(sandbox, upsert);
		expect(jsonOf(same.outputs[0])[0]).toMatchObject({ id: anna.id, outcome: 'unchanged' });
		expect(sandbox.requests().map((r) => r.method)).toEqual(['GET', 'GET']);

		sandbox.log.length = 0;
		const changed = await runChatwoot(sandbox, {
			...upsert,
			phoneNumber: '+380441234567',
			additionalFields: { name: 'Anna', customAttributes: '{"tier":"platinum"}' },
		});
		expect(calls(sandbox)).toEqual([
			`GET ${A}/contacts/search?q=anna%40shop.test&page=1`,
			`GET ${A}/contacts/search?q=anna%40shop.test&page=2`,
			`PUT ${A}/contacts/${anna.id}`,
		]);
		expect(sandbox.requests()[2].body).toEqual({ phone_number: '+380441234567', custom_attributes: { tier: 'platinum' } });
		expect(jsonOf(changed.outputs[0])[0]).toMatchObject({
			id: anna.id,
			outcome: 'updated',
			custom_attributes: { tier: 'platinum', x: 1 },
		});
		expect(platforms.chatwoot.contacts.size).toBe(16);
	});

	it('matches by identifier and by phone; two contacts with one phone stop the item', async () => {
		platforms.chatwoot.addContact({ identifier: 'crm-1', name: 'Old' });
		platforms.chatwoot.addContact({ identifier: 'crm-10', name: 'Other' });
		const byId = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'upsert',
			matchBy: 'identifier',
			identifier: 'crm-1',
			additionalFields: { name: 'New' },
		});
		expect(jsonOf(byId.outputs[0])[0]).toMatchObject({ id: 1, name: 'New', outcome: 'updated' });
		expect(sandbox.requests()[1]).toMatchObject({ method: 'PUT', path: `${A}/contacts/1`, body: { name: 'New' } });

		platforms.chatwoot.addContact({ phone_number: '+15550001111' });
		platforms.chatwoot.addContact({ phone_number: '+15550001111' });
		sandbox.log.length = 0;
		const dup = await runChatwoot(sandbox, { resource: 'contact', operation: 'upsert', matchBy: 'phone_number', phoneNumber: '+15550001111' });
		expect(dup.error?.message).toBe('Item 0: 2 contacts have Phone Number "+15550001111" (IDs 3, 4); nothing was changed');
		expect(calls(sandbox)).toEqual([`GET ${A}/contacts/search?q=%2B15550001111&page=1`]);

		const missing = await runChatwoot(sandbox, { resource: 'contact', operation: 'upsert', matchBy: 'phone_number', email: 'a@b.test' });
		expect(missing.error?.message).toBe('Item 0: Phone Number (phoneNumber): is required to match by Phone Number');
	});
});

describe('Chatwoot batching from the shared Options', () => {
	it('Items per Batch and Batch Interval space the requests and keep their order', async () => {
		for (let i = 1; i <= 4; i++) platforms.chatwoot.addContact({ name: `C${i}`, email: `c${i}@shop.test` });
		const items = [1, 2, 3, 4].map((id) => ({ json: { id } }));
		const run = await runChatwoot(
			sandbox,
			{
				resource: 'contact',
				operation: 'get',
				contactId: '={{ $json.id }}',
				options: { batching: { batch: { batchSize: 2, batchInterval: 400 } } },
			},
			{ items },
		);
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([1, 2, 3, 4].map((id) => `GET ${A}/contacts/${id}`));
		const times = sandbox.requests().map((r) => Date.parse(r.time));
		expect(times[2] - times[1]).toBeGreaterThanOrEqual(390);
		expect(times[1] - times[0]).toBeLessThan(300);
		expect(times[3] - times[2]).toBeLessThan(300);
		expect(run.outputs[0].map((i) => [i.json.id, i.pairedItem])).toEqual([
			[1, { item: 0 }],
			[2, { item: 1 }],
			[3, { item: 2 }],
			[4, { item: 3 }],
		]);
	});
});
