import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { ACTIVEPLATFORM_SANDBOX_TOKEN as TOKEN } from '../../sandbox/platforms/activeplatform';
import { calls, create, jsonOf, runActivePlatform as run, secretFree, USERS } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;
let ap: Platforms['activeplatform'];

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
	ap = platforms.activeplatform;
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

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
		const anna = ap.addUser('anna@example.com', {
			first_name: 'Anna',
			custom: [{ key: 'age', value: '31' }],
		});
		const result = await run(sandbox, { operation: 'get', userId: anna.id });
		expect(result.error).toBeUndefined();
		expect(sandbox.requests('activeplatform')[0]).toMatchObject({
			method: 'GET',
			path: `/api/vendor/v1/users/${anna.id}.json`,
			query: { api_token: TOKEN },
			body: undefined,
		});
		expect(result.outputs[0]).toEqual([
			{
				json: expect.objectContaining({
					id: anna.id,
					first_name: 'Anna',
					custom_attributes: [{ name: 'Age', value: '31' }],
				}),
				pairedItem: { item: 0 },
			},
		]);
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
			expect.objectContaining({
				last_name: 'Shevchenko',
				custom_attributes: [{ name: 'Age', value: '31' }],
				outcome: 'updated',
			}),
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
		expect(calls(sandbox)).toEqual([
			`GET /api/vendor/v1/users/${user.id}.json`,
			`PUT /api/vendor/v1/users/${user.id}.json`,
		]);
		expect(sandbox.requests()[1].body).toEqual({ first_name: 'Iryna' });

		sandbox.log.length = 0;
		const onlyEmail = await run(sandbox, {
			operation: 'update',
			userId: user.id,
			updateFields: { email: 'same@example.com' },
		});
		expect(jsonOf(onlyEmail.outputs[0])).toEqual([
			expect.objectContaining({ id: user.id, outcome: 'unchanged' }),
		]);
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
		expect(other.error?.description).toBe(
			'Nothing was changed. Leave Email empty, or create a new user with the new email.',
		);
		expect(calls(sandbox)).toEqual([`GET /api/vendor/v1/users/${user.id}.json`]);
		expect(ap.users.get(user.id)?.first_name).toBe('Iryna');
	});

	it('Dry Run of an update with Email lists the read, then the PUT; with Email alone, only the read', async () => {
		const base = `${sandbox.urlOf('/activeplatform')}/api/vendor/v1/users/7.json?api_token=***`;
		const withName = await run(sandbox, {
			operation: 'update',
			userId: 7,
			updateFields: { email: 'a@example.com', firstName: 'Iryna' },
			options: { dryRun: true },
		});
		expect(jsonOf(withName.outputs[0])[0].requests).toEqual([
			{ url: base, method: 'GET', headers: {} },
			{ url: base, method: 'PUT', headers: {}, form: [{ first_name: 'Iryna' }] },
		]);
		const emailOnly = await run(sandbox, {
			operation: 'update',
			userId: 7,
			updateFields: { email: 'a@example.com' },
			options: { dryRun: true },
		});
		expect(jsonOf(emailOnly.outputs[0])[0].requests).toEqual([
			{ url: base, method: 'GET', headers: {} },
		]);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
