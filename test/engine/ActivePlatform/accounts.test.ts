import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { ACTIVEPLATFORM_SANDBOX_TOKEN as TOKEN } from '../../sandbox/platforms/activeplatform';
import { jsonOf, runActivePlatform as run } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;
let ap: Platforms['activeplatform'];

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
	ap = platforms.activeplatform;
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

describe('ActivePlatform users and accounts: attach, detach, lists', () => {
	it('attaches a user to an account with a role, all in the query; 201 gives the link', async () => {
		const user = ap.addUser('u@example.com');
		const account = ap.addAccount('Acme LLC');
		const result = await run(sandbox, {
			operation: 'attachToAccount',
			userId: user.id,
			accountId: account.id,
			role: 'admin',
		});
		expect(result.error).toBeUndefined();
		const [request] = sandbox.requests('activeplatform');
		expect(request).toMatchObject({
			method: 'POST',
			path: '/api/v2/vendor/account_accesses.json',
			query: {
				account_id: String(account.id),
				user_id: String(user.id),
				role: 'admin',
				api_token: TOKEN,
			},
			body: undefined,
		});
		expect(result.outputs[0]).toEqual([
			{
				json: { user_id: user.id, account_id: account.id, role: 'admin', attached: true },
				pairedItem: { item: 0 },
			},
		]);
		expect(ap.accesses).toEqual([{ account_id: account.id, user_id: user.id, role: 'admin' }]);
	});

	it('attach errors read as ActivePlatform wrote them: second owner, unknown account', async () => {
		const user = ap.addUser('u@example.com');
		const other = ap.addUser('o@example.com');
		const account = ap.addAccount('Acme LLC');
		ap.attach(other.id, account.id, 'owner');
		const owner = await run(sandbox, {
			operation: 'attachToAccount',
			userId: user.id,
			accountId: account.id,
			role: 'owner',
		});
		expect(owner.error?.message).toBe('ActivePlatform 422: Account already has an owner');
		expect(owner.error?.httpCode).toBe('422');
		const missing = await run(sandbox, {
			operation: 'attachToAccount',
			userId: user.id,
			accountId: 999,
			role: 'user',
		});
		// The server's trailing space is trimmed.
		expect(missing.error?.message).toBe("ActivePlatform 404: Couldn't find Account with 'id'=999");
		expect(missing.error?.description).toBe(
			'POST /activeplatform/api/v2/vendor/account_accesses.json',
		);
	});

	it('detaches a user (204) and refuses to detach the owner', async () => {
		const user = ap.addUser('u@example.com');
		const boss = ap.addUser('boss@example.com');
		const account = ap.addAccount('Acme LLC');
		ap.attach(user.id, account.id, 'user');
		ap.attach(boss.id, account.id, 'owner');
		const result = await run(sandbox, {
			operation: 'detachFromAccount',
			userId: user.id,
			accountId: account.id,
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.requests()[0]).toMatchObject({
			method: 'DELETE',
			path: '/api/v2/vendor/account_accesses/detach.json',
			query: { account_id: String(account.id), user_id: String(user.id), api_token: TOKEN },
		});
		expect(result.outputs[0]).toEqual([
			{
				json: { user_id: user.id, account_id: account.id, detached: true },
				pairedItem: { item: 0 },
			},
		]);
		expect(ap.accesses).toEqual([{ account_id: account.id, user_id: boss.id, role: 'owner' }]);

		const refused = await run(sandbox, {
			operation: 'detachFromAccount',
			userId: boss.id,
			accountId: account.id,
		});
		expect(refused.error?.message).toBe("ActivePlatform 422: Owner can't be detached");
		expect(ap.accesses).toHaveLength(1);
	});

	it("lists a user's accounts and an account's users, one item each", async () => {
		const user = ap.addUser('u@example.com');
		const second = ap.addUser('v@example.com');
		const acme = ap.addAccount('Acme LLC');
		const beta = ap.addAccount('Beta Ltd');
		ap.attach(user.id, acme.id, 'owner');
		ap.attach(user.id, beta.id, 'user');
		ap.attach(second.id, acme.id, 'admin');

		const accounts = await run(sandbox, { operation: 'getAccounts', userId: user.id });
		expect(sandbox.requests()[0]).toMatchObject({
			method: 'GET',
			path: `/api/vendor/v1/users/${user.id}/accounts.json`,
			query: { api_token: TOKEN },
		});
		expect(accounts.outputs[0]).toEqual([
			{
				json: { id: acme.id, name: 'Acme LLC', status: 'active', role: 'owner' },
				pairedItem: { item: 0 },
			},
			{
				json: { id: beta.id, name: 'Beta Ltd', status: 'active', role: 'user' },
				pairedItem: { item: 0 },
			},
		]);

		sandbox.log.length = 0;
		const users = await run(sandbox, { operation: 'getAccountUsers', accountId: acme.id });
		expect(sandbox.requests()[0]).toMatchObject({
			method: 'GET',
			path: `/api/vendor/v1/accounts/${acme.id}/users.json`,
			query: { api_token: TOKEN },
		});
		expect(jsonOf(users.outputs[0]).map((u) => u.email)).toEqual([
			'u@example.com',
			'v@example.com',
		]);
	});
});
