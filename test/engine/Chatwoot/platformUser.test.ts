import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { CHATWOOT_PLATFORM_TOKEN } from '../../sandbox/platforms/chatwoot';
import { calls, createUser, jsonOf, runChatwoot } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const P = '/platform/api/v1';
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
		const created = [...platforms.chatwoot.users.values()].find(
			(u) => u.email === 'ana@example.com',
		);
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
		expect(
			[...platforms.chatwoot.users.values()].filter((u) => u.email === 'ana@example.com'),
		).toHaveLength(1);
		expect(platforms.chatwoot.users.get(existing.id)?.password).toBe('Seeded-1!');
	});

	it('a password against the rule names what is missing, and nothing is sent', async () => {
		const run = await runChatwoot(sandbox, { ...createUser, password: 'abc' });
		expect(run.error?.message).toBe(
			"Item 0: Password (password): must be 6 to 128 characters long (it has 3); needs an uppercase letter, a digit, a special character (!@#$%^&*()_+-=[]{}|')",
		);
		expect(run.error?.description).toBe('Nothing was sent.');
		expect(sandbox.requests()).toHaveLength(0);

		const items = [
			{ json: { pw: 'Good-pass1' } },
			{ json: { pw: 'nodigits!A' } },
			{ json: { pw: 'x'.repeat(120) + 'A1!aaaaaaaa' } },
		];
		const many = await runChatwoot(
			sandbox,
			{
				...createUser,
				email: '={{ "u" + $itemIndex + "@example.com" }}',
				password: '={{ $json.pw }}',
			},
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
		const user = cw.addUser({
			name: 'Bo',
			email: 'bo@example.com',
			custom_attributes: { tier: 'gold' },
		});

		const got = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'get',
			userId: user.id,
		});
		expect(jsonOf(got.outputs[0])).toEqual([
			expect.objectContaining({ id: user.id, email: 'bo@example.com' }),
		]);

		const updated = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'update',
			userId: user.id,
			updateFields: {
				displayName: 'Bobby',
				password: 'N3w-Pass!',
				customAttributes: { plan: 'pro' },
			},
		});
		expect(updated.error).toBeUndefined();
		expect(sandbox.requests()[1]).toMatchObject({
			method: 'PATCH',
			path: `${P}/users/${user.id}`,
			body: { display_name: 'Bobby', password: 'N3w-Pass!', custom_attributes: { plan: 'pro' } },
		});
		expect(cw.users.get(user.id)?.custom_attributes).toEqual({ tier: 'gold', plan: 'pro' });
		expect(JSON.stringify(updated.outputs)).not.toContain('N3w-Pass!');

		const link = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'getLoginLink',
			userId: user.id,
		});
		// The SSO parameter is sso_auth_token, which the query-string masking does not cover: the link stays usable.
		expect(jsonOf(link.outputs[0])).toEqual([{ id: user.id, url: cw.lastLoginUrl }]);
		expect(cw.lastLoginUrl).toMatch(
			/\/app\/login\?email=bo%40example\.com&sso_auth_token=sso\d+t1a7b6c5d4e3f2$/,
		);

		const added = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'addToAccount',
			userId: user.id,
			accountId: 1,
			role: 'administrator',
		});
		expect(jsonOf(added.outputs[0])).toEqual([
			{ account_id: 1, user_id: user.id, role: 'administrator' },
		]);
		expect(sandbox.requests()[3]).toMatchObject({
			method: 'POST',
			path: `${P}/accounts/1/account_users`,
			body: { user_id: user.id, role: 'administrator' },
		});

		const removed = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'removeFromAccount',
			userId: user.id,
			accountId: 1,
		});
		expect(jsonOf(removed.outputs[0])).toEqual([
			{ user_id: user.id, account_id: 1, removed: true, outcome: 'deleted' },
		]);
		expect(sandbox.requests()[4]).toMatchObject({
			method: 'DELETE',
			path: `${P}/accounts/1/account_users`,
			query: { user_id: String(user.id) },
		});
		expect(cw.accountUsers.some((au) => au.user_id === user.id)).toBe(false);

		const deleted = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'delete',
			userId: user.id,
		});
		expect(jsonOf(deleted.outputs[0])).toEqual([
			{ id: user.id, deleted: true, outcome: 'deleted' },
		]);
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
		const foreign = platforms.chatwoot.addUser({
			name: 'Not Ours',
			email: 'x@example.com',
			ownedByApp: false,
		});
		const run = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'get',
			userId: foreign.id,
		});
		expect(run.error?.message).toBe(
			'Chatwoot 401: Non permissible resource. This platform app may only manage users, accounts and agent bots it created itself (or was given access to)',
		);
		const account = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'addToAccount',
			userId: 1,
			accountId: 2,
			role: 'agent',
		});
		expect(account.error?.message).toMatch(/^Chatwoot 401: Non permissible resource\./);
		expect(account.error?.description).toContain(
			'POST /chatwoot/platform/api/v1/accounts/2/account_users',
		);
	});

	it('an unknown platform user is 404', async () => {
		const run = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'get',
			userId: 999,
		});
		expect(run.error?.message).toBe('Chatwoot 404: Not Found');
		expect(run.error?.httpCode).toBe('404');
	});
});
