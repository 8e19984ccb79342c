import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { ACTIVEPLATFORM_SANDBOX_TOKEN as TOKEN } from '../../sandbox/platforms/activeplatform';
import { calls, jsonOf, runActivePlatform as run } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;
let ap: Platforms['activeplatform'];

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
	ap = platforms.activeplatform;
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const USERS = '/api/vendor/v1/users.json';
const create = {
	operation: 'create',
	firstName: 'Olena',
	lastName: 'Koval',
	email: 'olena@example.com',
	password: 'Xy7!pass-word',
	additionalFields: { middleName: 'Petrivna' },
	customAttributes: { attribute: [{ key: 'crm_id', value: '42' }, { key: 'department', value: 'R&D; Ops' }] },
};
const secretFree = (value: unknown) => {
	const text = JSON.stringify(value);
	expect(text).not.toContain(TOKEN);
	expect(text).not.toContain(encodeURIComponent(TOKEN));
};

describe('ActivePlatform node in the n8n engine: users', () => {
	it('creates a user: form-encoded, bracketed custom attributes, token only in the query', async () => {
		const result = await run(sandbox, create);
		expect(result.error).toBeUndefined();
		expect(sandbox.requests()).toHaveLength(1);
		const [request] = sandbox.requests('activeplatform');
		expect(request).toMatchObject({ method: 'POST', path: USERS, query: { api_token: TOKEN } });
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(request.headers['x-api-token']).toBeUndefined();
		expect(request.body).toEqual({
			first_name: 'Olena',
			middle_name: 'Petrivna',
			last_name: 'Koval',
			email: 'olena@example.com',
			password: 'Xy7!pass-word',
			custom_attributes: [
				{ key: 'crm_id', value: '42' },
				{ key: 'department', value: 'R&D; Ops' },
			],
		});
		expect(result.outputs[0]).toEqual([
			{
				json: {
					id: 2021001,
					first_name: 'Olena',
					middle_name: 'Petrivna',
					last_name: 'Koval',
					email: 'olena@example.com',
					status: 'active',
					custom_attributes: [
						{ name: 'CRM ID', value: '42' },
						{ name: 'Department', value: 'R&D; Ops' },
					],
					created_at: expect.stringMatching(/^2024-05-01T12:01:00\.000\+03:00$/),
					updated_at: expect.any(String),
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(ap.users.get(2021001)?.password).toBe('Xy7!pass-word');
	});

	it('sends the form pairs in the documented order with repeated bracket keys', async () => {
		await run(sandbox, create);
		expect(ap.forms).toEqual([
			[
				['first_name', 'Olena'],
				['middle_name', 'Petrivna'],
				['last_name', 'Koval'],
				['email', 'olena@example.com'],
				['password', 'Xy7!pass-word'],
				['custom_attributes[][key]', 'crm_id'],
				['custom_attributes[][value]', '42'],
				['custom_attributes[][key]', 'department'],
				['custom_attributes[][value]', 'R&D; Ops'],
			],
		]);
	});

	it('Include Request Details echoes api_token=*** and a masked password; the token shows nowhere', async () => {
		const result = await run(sandbox, { ...create, options: { includeRequestDetails: true } });
		expect(jsonOf(result.outputs[0])[0]).toEqual({
			request: {
				url: `${sandbox.urlOf('/activeplatform')}${USERS}?api_token=***`,
				method: 'POST',
				headers: {},
				form: [
					{ first_name: 'Olena' },
					{ middle_name: 'Petrivna' },
					{ last_name: 'Koval' },
					{ email: 'olena@example.com' },
					{ password: '***' },
					{ 'custom_attributes[][key]': 'crm_id' },
					{ 'custom_attributes[][value]': '42' },
					{ 'custom_attributes[][key]': 'department' },
					{ 'custom_attributes[][value]': 'R&D; Ops' },
				],
			},
			resource: 'user',
			operation: 'create',
			success: true,
			data: expect.objectContaining({ id: 2021001, email: 'olena@example.com' }),
		});
		secretFree(result.outputs);
		expect(JSON.stringify(result.outputs)).not.toContain('Xy7!pass-word');
	});

	it('Dry Run sends nothing and shows the query with the token masked', async () => {
		const result = await run(sandbox, {
			operation: 'attachToAccount',
			userId: 7,
			accountId: 9,
			role: 'admin',
			options: { dryRun: true },
		});
		expect(sandbox.requests()).toHaveLength(0);
		expect(jsonOf(result.outputs[0])).toEqual([
			{
				dryRun: true,
				resource: 'user',
				operation: 'attachToAccount',
				requests: [
					{
						url: `${sandbox.urlOf('/activeplatform')}/api/v2/vendor/account_accesses.json?account_id=9&user_id=7&role=admin&api_token=***`,
						method: 'POST',
						headers: {},
					},
				],
			},
		]);
	});

	it('gets a user by ID', async () => {
		const anna = ap.addUser('anna@example.com', { first_name: 'Anna', custom: [{ key: 'age', value: '31' }] });
		const result = await run(sandbox, { operation: 'get', userId: anna.id });
		expect(result.error).toBeUndefined();
		expect(sandbox.requests('activeplatform')[0]).toMatchObject({
			method: 'GET',
			path: `/api/vendor/v1/users/${anna.id}.json`,
			query: { api_token: TOKEN },
			body: undefined,
		});
		expect(result.outputs[0]).toEqual([
			{ json: expect.objectContaining({ id: anna.id, first_name: 'Anna', custom_attributes: [{ name: 'Age', value: '31' }] }), pairedItem: { item: 0 } },
		]);
	});

	it('Get Many with Return All pages with page/per_page and stops at the short page', async () => {
		for (const name of ['a', 'b', 'c', 'd', 'e']) ap.addUser(`${name}@example.com`);
		const result = await run(sandbox, { operation: 'getAll', returnAll: true, listOptions: { pageSize: 2 } });
		expect(result.error).toBeUndefined();
		expect(sandbox.requests('activeplatform').map((r) => r.query)).toEqual([
			{ page: '1', per_page: '2', api_token: TOKEN },
			{ page: '2', per_page: '2', api_token: TOKEN },
			{ page: '3', per_page: '2', api_token: TOKEN },
		]);
		expect(jsonOf(result.outputs[0]).map((u) => u.email)).toEqual([
			'a@example.com',
			'b@example.com',
			'c@example.com',
			'd@example.com',
			'e@example.com',
		]);
		expect(result.outputs[0].every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Get Many stops at an empty page when the last page was full, and honours Limit', async () => {
		for (const name of ['a', 'b', 'c', 'd']) ap.addUser(`${name}@example.com`);
		const all = await run(sandbox, { operation: 'getAll', returnAll: true, listOptions: { pageSize: 2 } });
		expect(jsonOf(all.outputs[0])).toHaveLength(4);
		expect(sandbox.requests().map((r) => r.query.page)).toEqual(['1', '2', '3']);

		sandbox.log.length = 0;
		const limited = await run(sandbox, { operation: 'getAll', returnAll: false, limit: 3, listOptions: { pageSize: 2 } });
		expect(jsonOf(limited.outputs[0]).map((u) => u.email)).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
		expect(sandbox.requests().map((r) => `${r.query.page}/${r.query.per_page}`)).toEqual(['1/2', '2/2']);

		sandbox.log.length = 0;
		const small = await run(sandbox, { operation: 'getAll', returnAll: false, limit: 1 });
		expect(jsonOf(small.outputs[0])).toHaveLength(1);
		expect(sandbox.requests().map((r) => `${r.query.page}/${r.query.per_page}`)).toEqual(['1/1']);
	});

	it('Get Many reads a list wrapped in an object and trusts its paging metadata', async () => {
		ap.listShape = 'envelope';
		for (const name of ['a', 'b', 'c', 'd']) ap.addUser(`${name}@example.com`);
		const result = await run(sandbox, { operation: 'getAll', returnAll: true, listOptions: { pageSize: 2 } });
		expect(jsonOf(result.outputs[0]).map((u) => u.email)).toHaveLength(4);
		// total_pages = 2: no third request for an empty page.
		expect(sandbox.requests().map((r) => r.query.page)).toEqual(['1', '2']);
	});

	it('searches with filters and sorting sent as filters[...] and sorting[...]', async () => {
		ap.addUser('joanna@example.com', { status: 'active' });
		ap.addUser('anna@example.com', { status: 'active' });
		ap.addUser('anna.old@example.com', { status: 'inactive' });
		ap.addUser('bob@example.com', { status: 'active' });
		const result = await run(sandbox, {
			operation: 'getAll',
			returnAll: true,
			filters: { email: 'anna', status: 'active', createdAt: '2024-05-01' },
			listOptions: { sortField: 'email', sortReversed: true },
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.requests()[0].query).toEqual({
			'filters[email]': 'anna',
			'filters[status]': 'active',
			'filters[created_at]': '2024-05-01',
			'sorting[field]': 'email',
			'sorting[reversed]': 'true',
			page: '1',
			per_page: '100',
			api_token: TOKEN,
		});
		expect(jsonOf(result.outputs[0]).map((u) => u.email)).toEqual(['joanna@example.com', 'anna@example.com']);
	});

	it('updates names, password and attributes with a PUT form; email is not sent', async () => {
		const user = ap.addUser('upd@example.com', { custom: [{ key: 'age', value: '30' }] });
		const result = await run(sandbox, {
			operation: 'update',
			userId: user.id,
			updateFields: { lastName: 'Shevchenko', password: 'N3w-password' },
			customAttributes: { attribute: [{ key: 'age', value: '31' }] },
		});
		expect(result.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([`PUT /api/vendor/v1/users/${user.id}.json`]);
		expect(sandbox.requests()[0]).toMatchObject({ query: { api_token: TOKEN } });
		expect(sandbox.requests()[0].body).toEqual({
			last_name: 'Shevchenko',
			password: 'N3w-password',
			custom_attributes: [{ key: 'age', value: '31' }],
		});
		expect(jsonOf(result.outputs[0])).toEqual([
			expect.objectContaining({ last_name: 'Shevchenko', custom_attributes: [{ name: 'Age', value: '31' }], outcome: 'updated' }),
		]);
		expect(ap.users.get(user.id)?.password).toBe('N3w-password');
	});

	it('update with the same email checks it and goes on; another email stops with a clear error', async () => {
		const user = ap.addUser('Same@Example.com');
		const same = await run(sandbox, {
			operation: 'update',
			userId: user.id,
			updateFields: { email: 'same@example.com', firstName: 'Iryna' },
		});
		expect(same.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([`GET /api/vendor/v1/users/${user.id}.json`, `PUT /api/vendor/v1/users/${user.id}.json`]);
		expect(sandbox.requests()[1].body).toEqual({ first_name: 'Iryna' });

		sandbox.log.length = 0;
		const onlyEmail = await run(sandbox, { operation: 'update', userId: user.id, updateFields: { email: 'same@example.com' } });
		expect(jsonOf(onlyEmail.outputs[0])).toEqual([expect.objectContaining({ id: user.id, outcome: 'unchanged' })]);
		expect(calls(sandbox)).toEqual([`GET /api/vendor/v1/users/${user.id}.json`]);

		sandbox.log.length = 0;
		const other = await run(sandbox, {
			operation: 'update',
			userId: user.id,
			updateFields: { email: 'new@example.com', firstName: 'Never' },
		});
		expect(other.error?.message).toBe(
			`Item 0: Email cannot be changed: ActivePlatform's API has no way to change a user's email (the login). User ${user.id} has "Same@Example.com", not "new@example.com".`,
		);
		expect(other.error?.description).toBe('Nothing was changed. Leave Email empty, or create a new user with the new email.');
		expect(calls(sandbox)).toEqual([`GET /api/vendor/v1/users/${user.id}.json`]);
		expect(ap.users.get(user.id)?.first_name).toBe('Iryna');
	});

	it('create or update by email: created, unchanged, updated; a partial email match is not the user', async () => {
		ap.addUser('joanna@example.com', { first_name: 'Joanna' });
		const params = {
			operation: 'upsert',
			email: 'anna@example.com',
			firstName: 'Anna',
			lastName: 'Bondar',
			password: 'Start-pass-1',
			customAttributes: { attribute: [{ key: 'crm_id', value: '7' }] },
		};
		const first = await run(sandbox, params);
		expect(first.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([`GET ${USERS}`, `POST ${USERS}`]);
		expect(sandbox.requests()[0].query).toEqual({ 'filters[email]': 'anna@example.com', page: '1', per_page: '100', api_token: TOKEN });
		expect(jsonOf(first.outputs[0])[0]).toMatchObject({ email: 'anna@example.com', first_name: 'Anna', outcome: 'created' });
		const created = jsonOf(first.outputs[0])[0].id as number;

		sandbox.log.length = 0;
		const same = await run(sandbox, { ...params, email: 'ANNA@example.com', password: '' });
		expect(jsonOf(same.outputs[0])[0]).toMatchObject({ id: created, outcome: 'unchanged' });
		expect(calls(sandbox)).toEqual([`GET ${USERS}`]);

		sandbox.log.length = 0;
		const changed = await run(sandbox, { ...params, lastName: 'Melnyk', password: '' });
		expect(jsonOf(changed.outputs[0])[0]).toMatchObject({ id: created, last_name: 'Melnyk', outcome: 'updated' });
		expect(calls(sandbox)).toEqual([`GET ${USERS}`, `PUT /api/vendor/v1/users/${created}.json`]);
		expect(sandbox.requests()[1].body).toEqual({ last_name: 'Melnyk' });
		expect(ap.users.size).toBe(2);
		expect([...ap.users.values()].find((u) => u.email === 'joanna@example.com')?.first_name).toBe('Joanna');
	});

	it('create or update says which fields a new user needs, and creates nothing', async () => {
		const result = await run(sandbox, { operation: 'upsert', email: 'new@example.com', firstName: 'New', lastName: '', password: '' });
		expect(result.error?.message).toBe(
			'Item 0: Last Name (lastName), Password (password): are required to create the new user "new@example.com"',
		);
		expect(calls(sandbox)).toEqual([`GET ${USERS}`]);
		expect(ap.users.size).toBe(0);
	});

	it('attaches a user to an account with a role, all in the query; 201 gives the link', async () => {
		const user = ap.addUser('u@example.com');
		const account = ap.addAccount('Acme LLC');
		const result = await run(sandbox, { operation: 'attachToAccount', userId: user.id, accountId: account.id, role: 'admin' });
		expect(result.error).toBeUndefined();
		const [request] = sandbox.requests('activeplatform');
		expect(request).toMatchObject({
			method: 'POST',
			path: '/api/v2/vendor/account_accesses.json',
			query: { account_id: String(account.id), user_id: String(user.id), role: 'admin', api_token: TOKEN },
			body: undefined,
		});
		expect(result.outputs[0]).toEqual([
			{ json: { user_id: user.id, account_id: account.id, role: 'admin', attached: true }, pairedItem: { item: 0 } },
		]);
		expect(ap.accesses).toEqual([{ account_id: account.id, user_id: user.id, role: 'admin' }]);
	});

	it('attach errors read as ActivePlatform wrote them: second owner, unknown account', async () => {
		const user = ap.addUser('u@example.com');
		const other = ap.addUser('o@example.com');
		const account = ap.addAccount('Acme LLC');
		ap.attach(other.id, account.id, 'owner');
		const owner = await run(sandbox, { operation: 'attachToAccount', userId: user.id, accountId: account.id, role: 'owner' });
		expect(owner.error?.message).toBe('ActivePlatform 422: Account already has an owner');
		expect(owner.error?.httpCode).toBe('422');
		const missing = await run(sandbox, { operation: 'attachToAccount', userId: user.id, accountId: 999, role: 'user' });
		// The server's trailing space is trimmed.
		expect(missing.error?.message).toBe("ActivePlatform 404: Couldn't find Account with 'id'=999");
		expect(missing.error?.description).toBe('POST /api/v2/vendor/account_accesses.json');
	});

	it('detaches a user (204) and refuses to detach the owner', async () => {
		const user = ap.addUser('u@example.com');
		const boss = ap.addUser('boss@example.com');
		const account = ap.addAccount('Acme LLC');
		ap.attach(user.id, account.id, 'user');
		ap.attach(boss.id, account.id, 'owner');
		const result = await run(sandbox, { operation: 'detachFromAccount', userId: user.id, accountId: account.id });
		expect(result.error).toBeUndefined();
		expect(sandbox.requests()[0]).toMatchObject({
			method: 'DELETE',
			path: '/api/v2/vendor/account_accesses/detach.json',
			query: { account_id: String(account.id), user_id: String(user.id), api_token: TOKEN },
		});
		expect(result.outputs[0]).toEqual([{ json: { user_id: user.id, account_id: account.id, detached: true }, pairedItem: { item: 0 } }]);
		expect(ap.accesses).toEqual([{ account_id: account.id, user_id: boss.id, role: 'owner' }]);

		const refused = await run(sandbox, { operation: 'detachFromAccount', userId: boss.id, accountId: account.id });
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
		expect(sandbox.requests()[0]).toMatchObject({ method: 'GET', path: `/api/vendor/v1/users/${user.id}/accounts.json`, query: { api_token: TOKEN } });
		expect(accounts.outputs[0]).toEqual([
			{ json: { id: acme.id, name: 'Acme LLC', status: 'active', role: 'owner' }, pairedItem: { item: 0 } },
			{ json: { id: beta.id, name: 'Beta Ltd', status: 'active', role: 'user' }, pairedItem: { item: 0 } },
		]);

		sandbox.log.length = 0;
		const users = await run(sandbox, { operation: 'getAccountUsers', accountId: acme.id });
		expect(sandbox.requests()[0]).toMatchObject({ method: 'GET', path: `/api/vendor/v1/accounts/${acme.id}/users.json`, query: { api_token: TOKEN } });
		expect(jsonOf(users.outputs[0]).map((u) => u.email)).toEqual(['u@example.com', 'v@example.com']);
	});
});

describe('ActivePlatform errors, input checks and token masking', () => {
	it('shows the {"error"} text with the HTTP code, e.g. "password is missing"', async () => {
		sandbox.fault({ kind: 'status', platform: 'activeplatform', method: 'POST', status: 422, body: { error: 'password is missing' } });
		const result = await run(sandbox, create);
		expect(result.error?.message).toBe('ActivePlatform 422: password is missing');
		expect(result.error?.httpCode).toBe('422');
		expect(result.error?.description).toBe('POST /api/vendor/v1/users.json');
	});

	it("the server's own validation reaches the user: a password the operator's rules reject", async () => {
		const result = await run(sandbox, { ...create, password: 'short' });
		expect(result.error?.message).toBe('ActivePlatform 400: password is too short (minimum is 8 characters)');
		expect(ap.users.size).toBe(0);
	});

	it('an unknown attribute key and a taken email come back in words', async () => {
		const unknown = await run(sandbox, { ...create, customAttributes: { attribute: [{ key: 'shoe_size', value: '44' }] } });
		expect(unknown.error?.message).toBe("ActivePlatform 404: Couldn't find Attribute with 'key'=shoe_size");
		ap.addUser('olena@example.com');
		const taken = await run(sandbox, create);
		expect(taken.error?.message).toBe('ActivePlatform 422: Email has already been taken');
	});

	it('invalid input names the item and the field, and nothing is sent', async () => {
		const items = [{ json: { email: 'ok@example.com' } }, { json: { email: 'not-an-email' } }];
		const result = await run(sandbox, { ...create, email: '={{ $json.email }}' }, { items });
		expect(result.error?.message).toBe('Item 1: Email (email): is not a valid email address');
		expect(result.error?.itemIndex).toBe(1);
		expect(result.error?.description).toBe('Nothing was sent.');
		expect(sandbox.requests().map((r) => (r.body as { email: string }).email)).toEqual(['ok@example.com']);
	});

	it('update with nothing to change and a bad role are refused before sending', async () => {
		const empty = await run(sandbox, { operation: 'update', userId: 5, updateFields: {} });
		expect(empty.error?.message).toBe('Item 0: Update Fields (updateFields): set at least one field or custom attribute to change');
		const role = await run(sandbox, { operation: 'attachToAccount', userId: 5, accountId: 6, role: 'root' });
		expect(role.error?.message).toBe('Item 0: Role (role): must be user, admin or owner');
		const id = await run(sandbox, { operation: 'get', userId: 0 });
		expect(id.error?.message).toBe('Item 0: User ID (userId): must be a positive number');
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('with continueOnFail, each item gives one success or one error item, paired', async () => {
		ap.addUser('taken@example.com');
		const items = [
			{ json: { email: 'first@example.com' } },
			{ json: { email: 'taken@example.com' } },
			{ json: { email: '' } },
			{ json: { email: 'last@example.com' } },
		];
		const result = await run(sandbox, { ...create, email: '={{ $json.email }}' }, { items, onError: 'continueRegularOutput' });
		expect(result.error).toBeUndefined();
		const out = result.outputs[0];
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(out[0].json).toMatchObject({ email: 'first@example.com' });
		expect(out[1].json).toEqual({
			error: 'ActivePlatform 422: Email has already been taken',
			details: { itemIndex: 1, httpCode: '422', description: 'POST /api/vendor/v1/users.json' },
		});
		expect(out[2].json).toEqual({ error: 'Item 2: Email (email): is required', details: { itemIndex: 2, description: 'Nothing was sent.' } });
		expect(out[3].json).toMatchObject({ email: 'last@example.com' });
		expect(sandbox.requests()).toHaveLength(3);
		secretFree(result.outputs);
	});

	it('"Continue (using error output)" routes failures to the error branch', async () => {
		const result = await run(sandbox, { operation: 'get', userId: 4242 }, { onError: 'continueErrorOutput' });
		expect(result.outputs[0]).toEqual([]);
		expect(jsonOf(result.outputs[1])).toEqual([
			{
				error: "ActivePlatform 404: Couldn't find User with 'id'=4242",
				details: { itemIndex: 0, httpCode: '404', description: 'GET /api/vendor/v1/users/4242.json' },
			},
		]);
	});

	it('a wrong token gives 401 with a hint, and the token shows nowhere', async () => {
		const wrong = 'wrong-token-0000-1111';
		const result = await run(sandbox, { operation: 'get', userId: 1 }, { apiToken: wrong });
		expect(sandbox.requests()[0].query.api_token).toBe(wrong);
		expect(result.error?.message).toBe('ActivePlatform 401: Unauthorized');
		expect(result.error?.description).toBe(
			'Check the API token in the ActivePlatform credential: regenerating a token makes the old one stop working. — GET /api/vendor/v1/users/1.json',
		);
		expect(JSON.stringify(result.error?.raw)).not.toContain(wrong);
		expect(JSON.stringify(result.outputs)).not.toContain(wrong);
	});

	it('masks the token when the server echoes the URL in its error text and in an HTML error page', async () => {
		sandbox.fault({
			kind: 'status',
			platform: 'activeplatform',
			method: 'GET',
			status: 400,
			body: { error: `bad request: GET ${USERS}?api_token=${TOKEN}&page=1 (token ${TOKEN})` },
		});
		const echoed = await run(sandbox, { operation: 'getAll', returnAll: true });
		expect(echoed.error?.message).toBe(`ActivePlatform 400: bad request: GET ${USERS}?api_token=***&page=1 (token ***)`);
		expect(JSON.stringify(echoed.error?.raw)).not.toContain(TOKEN);

		sandbox.fault({
			kind: 'status',
			platform: 'activeplatform',
			method: 'GET',
			status: 500,
			body: `<html><body>Error at /api/vendor/v1/users/3.json?api_token=${TOKEN}</body></html>`,
		});
		const html = await run(sandbox, { operation: 'get', userId: 3, options: { maxTries: 1 } }, { onError: 'continueRegularOutput' });
		const item = jsonOf(html.outputs[0])[0] as { error: string; details: { description: string } };
		expect(item.error).toBe('ActivePlatform 500: The service had an internal error');
		expect(item.details.description).toContain('api_token=***');
		secretFree(html.outputs);
	});
});
