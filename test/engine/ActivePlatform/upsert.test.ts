import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { ACTIVEPLATFORM_SANDBOX_TOKEN as TOKEN } from '../../sandbox/platforms/activeplatform';
import { calls, jsonOf, runActivePlatform as run, USERS } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;
let ap: Platforms['activeplatform'];

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
	ap = platforms.activeplatform;
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

describe('ActivePlatform Create or Update by email', () => {
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
		expect(sandbox.requests()[0].query).toEqual({
			'filters[email]': 'anna@example.com',
			page: '1',
			per_page: '100',
			api_token: TOKEN,
		});
		expect(jsonOf(first.outputs[0])[0]).toMatchObject({
			email: 'anna@example.com',
			first_name: 'Anna',
			outcome: 'created',
		});
		const created = jsonOf(first.outputs[0])[0].id as number;

		sandbox.log.length = 0;
		const same = await run(sandbox, { ...params, email: 'ANNA@example.com', password: '' });
		expect(jsonOf(same.outputs[0])[0]).toMatchObject({ id: created, outcome: 'unchanged' });
		expect(calls(sandbox)).toEqual([`GET ${USERS}`]);

		sandbox.log.length = 0;
		const changed = await run(sandbox, { ...params, lastName: 'Melnyk', password: '' });
		expect(jsonOf(changed.outputs[0])[0]).toMatchObject({
			id: created,
			last_name: 'Melnyk',
			outcome: 'updated',
		});
		expect(calls(sandbox)).toEqual([`GET ${USERS}`, `PUT /api/vendor/v1/users/${created}.json`]);
		expect(sandbox.requests()[1].body).toEqual({ last_name: 'Melnyk' });
		expect(ap.users.size).toBe(2);
		expect([...ap.users.values()].find((u) => u.email === 'joanna@example.com')?.first_name).toBe(
			'Joanna',
		);
	});

	it('create or update says which fields a new user needs, and creates nothing', async () => {
		const result = await run(sandbox, {
			operation: 'upsert',
			email: 'new@example.com',
			firstName: 'New',
			lastName: '',
			password: '',
		});
		expect(result.error?.message).toBe(
			'Item 0: Last Name (lastName), Password (password): are required to create the new user "new@example.com"',
		);
		expect(calls(sandbox)).toEqual([`GET ${USERS}`]);
		expect(ap.users.size).toBe(0);
	});

	it('Dry Run sends nothing and lists the lookup by email, with a note that the rest depends on it', async () => {
		const result = await run(sandbox, {
			operation: 'upsert',
			email: 'anna@example.com',
			firstName: 'Anna',
			options: { dryRun: true },
		});
		expect(sandbox.requests()).toHaveLength(0);
		expect(jsonOf(result.outputs[0])).toEqual([
			{
				dryRun: true,
				resource: 'user',
				operation: 'upsert',
				requests: [
					{
						url: `${sandbox.urlOf('/activeplatform')}${USERS}?filters%5Bemail%5D=anna%40example.com&page=1&per_page=100&api_token=***`,
						method: 'GET',
						headers: {},
					},
				],
				note: expect.stringContaining('looks the record up first'),
			},
		]);
	});

	it('two users with the email (in different case) are reported, and nothing is changed', async () => {
		const first = ap.addUser('Anna@example.com');
		const second = ap.addUser('anna@example.com');
		const result = await run(sandbox, {
			operation: 'upsert',
			email: 'anna@example.com',
			lastName: 'Changed',
		});
		expect(result.error?.message).toBe(
			`Item 0: 2 users have "anna@example.com" (IDs ${first.id}, ${second.id}); nothing was changed`,
		);
		expect(result.error?.description).toBe(
			'Emails are compared case-insensitively. Use Update with the User ID of the one to change.',
		);
		expect(calls(sandbox)).toEqual([`GET ${USERS}`]);
		expect(ap.users.get(first.id)?.last_name).toBe('User');
	});
});
