/**
 * Every example workflow (examples/*.json) runs inside a real n8n 2.40.7 with the packed package
 * installed as a community package, against the sandbox: outputs and the exact requests.
 */
import { executeWorkflow, nodeOutput, type ExecuteResult } from './n8n';
import { EXAMPLE_IDS, type ExampleName } from './examples';
import { calls, jsonOf, setUpN8n, type E2eEnv } from './setup';
import { KEITARO_SANDBOX_KEY } from '../sandbox/platforms/keitaro';
import { KEEPNET_CLIENT_ID, KEEPNET_CLIENT_SECRET } from '../sandbox/platforms/keepnet';
import { CHATWOOT_PLATFORM_TOKEN, CHATWOOT_USER_TOKEN } from '../sandbox/platforms/chatwoot';
import { ACTIVEPLATFORM_SANDBOX_TOKEN } from '../sandbox/platforms/activeplatform';
import { DAVINTOO_SANDBOX_TOKEN } from '../sandbox/platforms/davintoo';

let env: E2eEnv;

beforeAll(async () => {
	env = await setUpN8n();
});
afterAll(async () => env?.close());

async function runExample(name: ExampleName, reset = true): Promise<ExecuteResult> {
	if (reset) env.sandbox.reset();
	const res = await executeWorkflow(env.folder, EXAMPLE_IDS[name]);
	const why = res.run?.data.resultData.error?.message ?? res.stderr.slice(-1500);
	expect({ ok: res.ok, why }).toEqual({ ok: true, why: expect.anything() });
	return res;
}

const out = (res: ExecuteResult, node: string) => jsonOf(nodeOutput(res.run, node));

describe('example workflows in real n8n, against the sandbox', () => {
	it('Keepnet: n8n fetches the OAuth2 token itself (form body), sends it as Bearer, and reuses it next run', async () => {
		const res = await runExample('keepnet');
		expect(calls(env.sandbox, 'keepnet')).toEqual([
			'POST /connect/token',
			'POST /api/target-users',
			'GET /api/target-users/tu0000001',
			'GET /api/target-users/tu0000001',
			'PUT /api/target-users/tu0000001',
			'PUT /api/target-groups/users',
			'POST /api/target-users/search-email',
			'DELETE /api/target-users/tu0000001',
		]);
		const [token, create] = env.sandbox.requests('keepnet');
		expect(token.headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect(token.body).toEqual({
			grant_type: 'client_credentials',
			client_id: KEEPNET_CLIENT_ID,
			client_secret: KEEPNET_CLIENT_SECRET,
			scope: 'api1',
		});
		const issued = [...env.platforms.keepnet.tokens.keys()];
		expect(issued).toHaveLength(1);
		for (const r of env.sandbox.requests('keepnet').slice(1))
			expect(r.headers.authorization).toBe(`Bearer ${issued[0]}`);
		expect(create.body).toEqual({
			email: 'demo.user@example.com',
			phoneNumber: '+15550100100',
			firstName: 'Demo',
			lastName: 'User',
			department: 'Sales',
		});
		expect(out(res, 'Create target user')).toEqual([
			{ resourceId: 'tu0000001', email: 'demo.user@example.com', outcome: 'created' },
		]);
		expect(out(res, 'Update target user')[0]).toMatchObject({
			department: 'IT',
			outcome: 'updated',
		});
		expect(out(res, 'Search by email')[0]).toMatchObject({ email: 'demo.user@example.com' });
		expect(out(res, 'Delete target user')).toEqual([
			{ resourceId: 'tu0000001', deleted: true, outcome: 'deleted' },
		]);
		expect(JSON.stringify(res.run)).not.toContain(KEEPNET_CLIENT_SECRET);

		// n8n stored the token in the credential: the next execution asks for none.
		env.sandbox.log.length = 0;
		await runExample('keepnet', false);
		expect(calls(env.sandbox, 'keepnet')).not.toContain('POST /connect/token');
		expect(env.platforms.keepnet.tokensIssued).toBe(1);
	});

	it('Keitaro: create, get, update, list, delete with the Api-Key header', async () => {
		const res = await runExample('keitaro');
		expect(calls(env.sandbox, 'keitaro')).toEqual([
			'POST /admin_api/v1/users',
			'GET /admin_api/v1/users/1',
			'GET /admin_api/v1/users/1',
			'PUT /admin_api/v1/users/1',
			'GET /admin_api/v1/users',
			'DELETE /admin_api/v1/users/1',
		]);
		const [create] = env.sandbox.requests('keitaro');
		expect(create.body).toEqual({
			login: 'demo.buyer',
			type: 'USER',
			new_password: 'Demo-Pass-123',
			new_password_confirmation: 'Demo-Pass-123',
			preferences: { language: 'en', timezone: 'UTC' },
		});
		for (const r of env.sandbox.requests('keitaro'))
			expect(r.headers['api-key']).toBe(KEITARO_SANDBOX_KEY);
		expect(env.sandbox.requests('keitaro')[3].body).toEqual({
			preferences: { language: 'ru', timezone: 'UTC', first_weekday: '1' },
		});
		expect(out(res, 'Create user')).toEqual([
			expect.objectContaining({ id: 1, login: 'demo.buyer', state: 'active' }),
		]);
		expect(out(res, 'Update user')[0]).toMatchObject({ id: 1, preferences: { language: 'ru' } });
		expect(out(res, 'List users').map((u) => u.login)).toEqual(['demo.buyer']);
		expect(out(res, 'Delete user')).toEqual([{ id: 1, deleted: true, outcome: 'deleted' }]);
		expect(env.platforms.keitaro.users.size).toBe(0);
	});

	it('Chatwoot: platform user into an account, agents, contact upsert, each with its own token', async () => {
		const res = await runExample('chatwoot');
		const P = '/platform/api/v1';
		const A = '/api/v1/accounts/1';
		const sent = env.sandbox.requests('chatwoot');
		const userId = out(res, 'Create platform user')[0].id as number;
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST ${P}/users`,
			`POST ${P}/accounts/1/account_users`,
			`GET ${P}/users/${userId}`,
			`GET ${A}/agents`,
			`GET ${A}/contacts/search`,
			`POST ${A}/contacts`,
			`DELETE ${P}/users/${userId}`,
		]);
		expect(sent[0].body).toEqual({
			name: 'Demo Agent',
			email: 'demo.agent@example.com',
			password: 'Demo-Pass1!',
			display_name: 'Demo',
		});
		expect(sent[1].body).toEqual({ user_id: userId, role: 'agent' });
		for (const r of sent) {
			expect(r.headers.api_access_token).toBe(
				r.path.startsWith(P) ? CHATWOOT_PLATFORM_TOKEN : CHATWOOT_USER_TOKEN,
			);
		}
		expect(out(res, 'Create platform user')[0]).toMatchObject({
			email: 'demo.agent@example.com',
			access_token: '***',
			outcome: 'created',
		});
		expect(out(res, 'List agents')).toHaveLength(1);
		expect(out(res, 'Create or update contact')[0]).toMatchObject({
			email: 'demo.customer@example.com',
			outcome: 'created',
		});
		expect(out(res, 'Delete platform user')).toEqual([
			{ id: userId, deleted: true, outcome: 'deleted' },
		]);
	});

	it('ActivePlatform: create or update, get, update, list; token in the query only', async () => {
		const res = await runExample('activeplatform');
		const U = '/api/vendor/v1/users';
		const id = out(res, 'Create or update user')[0].id as number;
		expect(calls(env.sandbox, 'activeplatform')).toEqual([
			`GET ${U}.json`,
			`POST ${U}.json`,
			`GET ${U}/${id}.json`,
			`PUT ${U}/${id}.json`,
			`GET ${U}.json`,
		]);
		const sent = env.sandbox.requests('activeplatform');
		expect(sent[1].headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(sent[1].body).toEqual({
			first_name: 'Demo',
			last_name: 'Client',
			email: 'demo.client@example.com',
			password: 'Demo-Pass-123',
		});
		for (const r of sent) expect(r.query.api_token).toBe(ACTIVEPLATFORM_SANDBOX_TOKEN);
		expect(sent[3].body).toEqual({ last_name: 'Customer' });
		expect(out(res, 'Create or update user')[0]).toMatchObject({
			email: 'demo.client@example.com',
			outcome: 'created',
		});
		expect(out(res, 'List users').map((u) => u.last_name)).toEqual(['Customer']);
	});

	it('Davintoo: import, block, unblock, list with the X-CBR-Authorization header', async () => {
		const res = await runExample('davintoo');
		const sent = env.sandbox.requests('davintoo');
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /api/v2/users-import/single',
			'POST /api/v2/users-import/single',
			'POST /api/v2/users-import/single',
			'GET /api/v2/users/list',
		]);
		expect(sent[0].body).toEqual({
			uid: 'EMP-0001',
			secondname: 'Learner',
			firstname: 'Demo',
			login: 'demo.learner',
			email: 'demo.learner@example.com',
			department: 'Sales',
		});
		expect(sent.slice(1, 3).map((r) => r.body)).toEqual([
			{ uid: 'EMP-0001', is_active: 0 },
			{ uid: 'EMP-0001', is_active: 1 },
		]);
		for (const r of sent)
			expect(r.headers['x-cbr-authorization']).toBe(`Bearer ${DAVINTOO_SANDBOX_TOKEN}`);
		expect(out(res, 'Import user')).toEqual([
			expect.objectContaining({ uid: 'EMP-0001', created_count: 1, outcome: 'created' }),
		]);
		expect(out(res, 'List users')).toEqual([
			expect.objectContaining({ uid: 'EMP-0001', is_active: 1 }),
		]);
	});

	it('Onboarding: one person on all five platforms, and a second run changes nothing new', async () => {
		const res = await runExample('onboarding');
		const [summary] = out(res, 'Summary');
		expect(summary).toEqual({
			email: 'jane.doe@example.com',
			keitaroUserId: expect.stringMatching(/^\d+$/),
			keepnetResourceId: expect.stringMatching(/^tu/),
			chatwootUserId: expect.stringMatching(/^\d+$/),
			activePlatformUserId: expect.stringMatching(/^\d+$/),
			davintooUid: 'EMP-1001',
		});
		const snap = (p: keyof E2eEnv['platforms']) => JSON.stringify(env.platforms[p].snapshot());
		for (const p of ['keepnet', 'chatwoot', 'activeplatform', 'davintoo'] as const)
			expect(snap(p)).toContain('jane.doe@example.com');
		expect(snap('keitaro')).toContain('"login":"jane.doe"');
		expect(out(res, 'Keitaro')[0]).toMatchObject({ outcome: 'created' });
		expect(out(res, 'Chatwoot')[0]).toMatchObject({ outcome: 'created' });

		const again = await runExample('onboarding', false);
		expect(out(again, 'Summary')).toEqual([summary]);
		// Same ids everywhere (Chatwoot hands back the existing user: with no account and the same
		// name it reads as "created", as the README says); Keepnet finds the target user unchanged.
		expect(out(again, 'Keepnet Labs')[0]).toMatchObject({ outcome: 'unchanged' });
		expect(
			[...env.platforms.chatwoot.users.values()].filter((u) => u.email === 'jane.doe@example.com'),
		).toHaveLength(1);
		expect(out(again, 'Davintoo Collaborator')[0]).toMatchObject({ created_count: 0 });
	});
});

/**
 * "Sync from a list" per platform: a Code node gives the wanted users, one node plans the sync and
 * the next applies it. The sandbox is seeded so each plan holds an update, a create and a removal.
 */
describe('sync examples in real n8n: plan, then apply', () => {
	const names = ['ann', 'bob', 'cy', 'dee', 'eve', 'fay', 'gus', 'hal', 'ivy'];
	const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
	const pad2 = (i: number) => String(i).padStart(2, '0');
	/** The plan without its unchanged rows and summary, as [action, key, changes]. */
	const planOf = (res: ExecuteResult, node: string) =>
		out(res, node)
			.filter((j) => j.action && j.action !== 'unchanged')
			.map((j) => [j.action, j.key, j.changes]);
	const summaryOf = (res: ExecuteResult, node: string) => out(res, node).at(-1)?.summary;
	const seeded = async (name: ExampleName, seed: () => void) => {
		env.sandbox.reset();
		seed();
		return runExample(name, false);
	};

	it('Keitaro: the plan, then Apply updates, creates and deletes exactly that', async () => {
		const res = await seeded('keitaro-sync', () => {
			for (const n of names) env.platforms.keitaro.addUser(`media.${n}`);
			env.platforms.keitaro.addUser('media.old');
			env.platforms.keitaro.addUser('admin.root', { type: 'ADMIN' });
		});
		expect(planOf(res, 'Plan sync')).toEqual([
			['update', 'media.ann', 'type: USER → ADMIN'],
			['create', 'media.jo', ''],
			['remove', 'media.old', ''],
		]);
		expect(summaryOf(res, 'Apply sync')).toMatchObject({
			existing: 10,
			created: 1,
			updated: 1,
			unchanged: 8,
			removed: 1,
			failed: 0,
		});
		expect(
			calls(env.sandbox, 'keitaro')
				.filter((c) => !c.startsWith('GET '))
				.map((c) => c.split(' ')[0])
				.sort(),
		).toEqual(['DELETE', 'POST', 'PUT']);
		expect([...env.platforms.keitaro.users.values()].map((u) => u.login).sort()).toEqual(
			['admin.root', ...names.map((n) => `media.${n}`), 'media.jo'].sort(),
		);
	});

	it('Keepnet: the Sales group matches the list; a member not on it leaves the group', async () => {
		const res = await seeded('keepnet-sync', () => {
			names.forEach((n, i) =>
				env.platforms.keepnet.addUser(`${n}@acme.example`, {
					firstName: i === 0 ? 'Annie' : cap(n),
					lastName: 'Sales',
					phoneNumber: `+4477009001${pad2(i)}`,
					groups: ['grpSales01'],
				}),
			);
			env.platforms.keepnet.addUser('old@acme.example', { groups: ['grpSales01'] });
		});
		expect(planOf(res, 'Plan sync')).toEqual([
			['update', 'ann@acme.example', 'firstName: Annie → Ann'],
			['create', 'jo@acme.example', ''],
			['remove', 'old@acme.example', ''],
		]);
		expect(summaryOf(res, 'Apply sync')).toMatchObject({
			created: 1,
			updated: 1,
			unchanged: 8,
			removed: 1,
			failed: 0,
		});
		const old = [...env.platforms.keepnet.users.values()].find(
			(u) => u.email === 'old@acme.example',
		);
		expect(old?.groups).toEqual([]);
		const lists = [
			'POST /connect/token',
			'POST /api/target-users/search',
			'POST /api/target-groups/grpSales01/users',
		];
		const writes = calls(env.sandbox, 'keepnet').filter(
			(c) => !c.startsWith('GET ') && !lists.includes(c),
		);
		expect(writes.map((c) => c.replace(/tu\d+/, 'ID')).sort()).toEqual(
			[
				'PUT /api/target-users/ID',
				'POST /api/target-users',
				'DELETE /api/target-groups/grpSales01/users',
			].sort(),
		);
	});

	it('Chatwoot: agents and labelled contacts match their lists', async () => {
		const cw = env.platforms.chatwoot;
		const customers = ['kim', 'lee', 'max', 'ned', 'oli', 'pam', 'quin', 'rae', 'sam'];
		const res = await seeded('chatwoot-sync', () => {
			names.forEach((n, i) =>
				cw.addMember(
					1,
					cw.addUser({ name: i === 0 ? 'Annie' : cap(n), email: `${n}@support.example` }).id,
					'agent',
				),
			);
			cw.addMember(1, cw.addUser({ name: 'Old', email: 'old@support.example' }).id, 'agent');
			customers.forEach((n, i) =>
				cw.addContact({
					email: `${n}@customer.example`,
					name: i === 0 ? 'Kimberly' : cap(n),
					custom_attributes: { tier: i < 3 ? 'gold' : 'basic' },
					labels: ['customer'],
				}),
			);
			cw.addContact({ email: 'old@customer.example', name: 'Old', labels: ['customer'] });
		});
		expect(planOf(res, 'Plan agents')).toEqual([
			['update', 'ann@support.example', 'name: Annie → Ann'],
			['create', 'jo@support.example', ''],
			['remove', 'old@support.example', ''],
		]);
		expect(planOf(res, 'Plan contacts')).toEqual([
			['update', 'kim@customer.example', 'name: Kimberly → Kim'],
			['create', 'tess@customer.example', ''],
			['remove', 'old@customer.example', ''],
		]);
		expect(summaryOf(res, 'Apply agents')).toMatchObject({
			created: 1,
			updated: 1,
			unchanged: 8,
			removed: 1,
			failed: 0,
		});
		expect(summaryOf(res, 'Apply contacts')).toMatchObject({
			created: 1,
			updated: 1,
			unchanged: 8,
			removed: 1,
			failed: 0,
		});
		expect(
			[...cw.contacts.values()].find((c) => c.email === 'tess@customer.example'),
		).toMatchObject({ labels: ['customer'], custom_attributes: { tier: 'basic' } });
		expect(
			[...cw.contacts.values()].find((c) => c.email === 'old@customer.example')?.labels,
		).toEqual([]);
	});

	it('ActivePlatform: the demo account holds the listed users; a new one is created and attached', async () => {
		const ap = env.platforms.activeplatform;
		const account = 2000500;
		const res = await seeded('activeplatform-sync', () => {
			names.forEach((n, i) =>
				ap.attach(
					ap.addUser(`${n}@acme.example`, {
						first_name: i === 0 ? 'Annie' : cap(n),
						last_name: 'Demo',
					}).id,
					account,
				),
			);
			ap.attach(ap.addUser('old@acme.example').id, account);
		});
		expect(planOf(res, 'Plan sync')).toEqual([
			['update', 'ann@acme.example', 'first_name: Annie → Ann'],
			['create', 'jo@acme.example', ''],
			['remove', 'old@acme.example', ''],
		]);
		expect(summaryOf(res, 'Apply sync')).toMatchObject({
			created: 1,
			updated: 1,
			unchanged: 8,
			removed: 1,
			failed: 0,
		});
		const onAccount = ap.accesses
			.filter((a) => a.account_id === account)
			.map((a) => ap.users.get(a.user_id)?.email);
		expect(onAccount.sort()).toEqual([...names, 'jo'].map((n) => `${n}@acme.example`).sort());
	});

	it('Davintoo: Sales matches the list; a user missing from it is blocked, not deleted', async () => {
		const dv = env.platforms.davintoo;
		const res = await seeded('davintoo-sync', () => {
			names.forEach((n, i) =>
				dv.addUser(`EMP-${100 + i}`, {
					login: n,
					email: `${n}@acme.example`,
					firstname: cap(n),
					secondname: 'Demo',
					department: 'Sales',
					position: i === 0 ? 'Trainee' : 'Rep',
				}),
			);
			dv.addUser('EMP-999', { department: 'Sales' });
		});
		expect(planOf(res, 'Plan sync')).toEqual([
			['update', 'EMP-100', 'position: Trainee → Rep'],
			['create', 'EMP-109', ''],
			['remove', 'EMP-999', ''],
		]);
		expect(summaryOf(res, 'Apply sync')).toMatchObject({
			created: 1,
			updated: 1,
			unchanged: 8,
			removed: 1,
			failed: 0,
		});
		expect(dv.users.get('EMP-999')?.is_active).toBe(0);
		expect(dv.users.get('EMP-109')?.fields).toMatchObject({ login: 'jo', department: 'Sales' });
	});
});
