import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { apiRequestsOf, jsonOf, runKeepnet } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const apiRequests = () => apiRequestsOf(sandbox);

describe('Keepnet Create or Update', () => {
	it('create or update takes the right branch: created, unchanged, updated (+ groups), and needs a phone to create', async () => {
		const params = {
			operation: 'upsert',
			email: 'Up.Sert@example.com',
			phoneNumber: '+111',
			additionalFields: { department: 'Sales' },
		};
		const first = await runKeepnet(sandbox, params);
		expect(jsonOf(first.outputs[0])).toEqual([
			{ resourceId: 'tu0000001', email: 'Up.Sert@example.com', outcome: 'created' },
		]);
		expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /api/target-users/search-email',
			'POST /api/target-users',
		]);

		sandbox.log.length = 0;
		const same = await runKeepnet(sandbox, {
			...params,
			email: 'up.sert@example.com',
			phoneNumber: '',
		});
		expect(jsonOf(same.outputs[0])).toEqual([
			expect.objectContaining({
				resourceId: 'tu0000001',
				department: 'Sales',
				outcome: 'unchanged',
			}),
		]);
		expect(apiRequests().map((r) => r.method)).toEqual(['POST']);

		sandbox.log.length = 0;
		const changed = await runKeepnet(sandbox, {
			...params,
			phoneNumber: '',
			additionalFields: {
				department: 'Sales',
				firstName: 'Uma',
				targetGroupResourceIds: 'grpFinance3',
			},
		});
		expect(jsonOf(changed.outputs[0])).toEqual([
			expect.objectContaining({ resourceId: 'tu0000001', firstName: 'Uma', outcome: 'updated' }),
		]);
		expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /api/target-users/search-email',
			'PUT /api/target-users/tu0000001',
			'PUT /api/target-groups/users',
		]);
		expect(apiRequests()[1].body).toEqual({
			email: 'Up.Sert@example.com',
			phoneNumber: '+111',
			firstName: 'Uma',
			department: 'Sales',
			isActive: true,
		});
		expect(platforms.keepnet.users.size).toBe(1);
		expect(platforms.keepnet.users.get('tu0000001')?.groups).toEqual(['grpFinance3']);

		sandbox.log.length = 0;
		const noPhone = await runKeepnet(sandbox, {
			...params,
			email: 'new.person@example.com',
			phoneNumber: '',
		});
		expect(noPhone.error?.message).toBe(
			'Item 0: Phone Number (phoneNumber): is required to create the new target user "new.person@example.com"',
		);
		expect(apiRequests().map((r) => r.path)).toEqual(['/api/target-users/search-email']);
	});

	it('an existing user without a phone number cannot be saved: said after the find, no PUT', async () => {
		platforms.keepnet.addUser('nophone@example.com', { phoneNumber: null });
		const run = await runKeepnet(sandbox, {
			operation: 'upsert',
			email: 'nophone@example.com',
			additionalFields: { department: 'IT' },
		});
		expect(run.error?.message).toBe(
			'Item 0: Phone Number (phoneNumber): Keepnet requires a phone number on every update and this user has none; set one',
		);
		expect(run.error?.description).toBe('Nothing was changed.');
		expect(apiRequests().map((r) => r.path)).toEqual(['/api/target-users/search-email']);
	});

	it('Dry Run lists the lookup and says why nothing more; nothing is sent', async () => {
		const run = await runKeepnet(sandbox, {
			operation: 'upsert',
			email: 'a@example.com',
			phoneNumber: '+1',
			options: { dryRun: true },
		});
		expect(sandbox.requests()).toHaveLength(0);
		expect(jsonOf(run.outputs[0])).toEqual([
			{
				dryRun: true,
				resource: 'targetUser',
				operation: 'upsert',
				requests: [
					expect.objectContaining({
						method: 'POST',
						url: `${sandbox.urlOf('/keepnet')}/api/target-users/search-email`,
						body: {
							email: 'a@example.com',
							pageNumber: 1,
							pageSize: 50,
							orderBy: 'Email',
							ascending: true,
						},
					}),
				],
				note: expect.stringContaining('looks the record up first'),
			},
		]);
	});
});
