import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { apiRequestsOf, createJane as create, jsonOf, runKeepnet } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const apiRequests = () => apiRequestsOf(sandbox);

describe('Keepnet target users in the n8n engine, against the sandbox', () => {
	it('creates a target user: exact request, envelope unwrapped', async () => {
		const run = await runKeepnet(sandbox, {
			...create,
			additionalFields: {
				firstName: 'Jane',
				lastName: 'Doe',
				department: 'Finance',
				priority: 'High',
				isActive: true,
				targetGroupResourceIds: 'grpSales01, grpIT00002',
				timeZoneId: 'GMT Standard Time',
				preferredLanguageId: 'en-GB',
				managerFirstName: 'Max',
				managerLastName: 'Boss',
				managerEmail: 'max.boss@example.com',
				customFields: { field: [{ name: 'Office', value: 'London' }] },
			},
		});
		expect(run.error).toBeUndefined();
		const requests = apiRequests();
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'POST', path: '/api/target-users', query: {} });
		expect(requests[0].body).toEqual({
			email: 'jane.doe@example.com',
			phoneNumber: '+447700900123',
			firstName: 'Jane',
			lastName: 'Doe',
			department: 'Finance',
			priority: 'High',
			isActive: true,
			timeZoneId: 'GMT Standard Time',
			preferredLanguageId: 'en-GB',
			managerFirstName: 'Max',
			managerLastName: 'Boss',
			managerEmail: 'max.boss@example.com',
			customFields: [{ name: 'Office', value: 'London' }],
			targetGroupResourceIds: ['grpSales01', 'grpIT00002'],
		});
		expect(requests[0].headers['content-type']).toBe('application/json');
		expect(requests[0].headers.accept).toBe('application/json');
		expect(run.outputs[0]).toEqual([
			{
				json: { resourceId: 'tu0000001', email: 'jane.doe@example.com', outcome: 'created' },
				pairedItem: { item: 0 },
			},
		]);
		expect(platforms.keepnet.users.get('tu0000001')).toMatchObject({
			department: 'Finance',
			groups: ['grpSales01', 'grpIT00002'],
		});
	});

	it('gets a target user by resourceId, unwrapped', async () => {
		const user = platforms.keepnet.addUser('anna@example.com', {
			firstName: 'Anna',
			department: 'IT',
		});
		const run = await runKeepnet(sandbox, { operation: 'get', resourceId: ` ${user.resourceId} ` });
		expect(apiRequests()[0]).toMatchObject({
			method: 'GET',
			path: `/api/target-users/${user.resourceId}`,
			body: undefined,
		});
		expect(jsonOf(run.outputs[0])).toEqual([
			expect.objectContaining({
				resourceId: user.resourceId,
				email: 'anna@example.com',
				firstName: 'Anna',
				department: 'IT',
				isActive: true,
			}),
		]);
	});

	it('search sends the full filter body and returns the matching users', async () => {
		const k = platforms.keepnet;
		k.addUser('anna@corp.io', { firstName: 'Anna', department: 'Finance' });
		k.addUser('bob@corp.io', { lastName: 'Annaberg', department: 'Finance' });
		k.addUser('carl@corp.io', { firstName: 'Carl', department: 'Finance' });
		k.addUser('dora@corp.io', { firstName: 'Anna', department: 'Finance', isActive: false });
		k.addUser('eve@other.io', { firstName: 'Anna', department: 'Finance' });
		const run = await runKeepnet(sandbox, {
			operation: 'search',
			returnAll: true,
			filters: { email: 'corp.io', name: 'anna', department: 'fin', status: 'active' },
			searchOptions: { orderBy: 'Email', ascending: true },
		});
		expect(run.error).toBeUndefined();
		expect(apiRequests()).toHaveLength(1);
		expect(apiRequests()[0]).toMatchObject({ method: 'POST', path: '/api/target-users/search' });
		expect(apiRequests()[0].body).toEqual({
			pageNumber: 1,
			pageSize: 100,
			orderBy: 'Email',
			ascending: true,
			filter: {
				Condition: 'AND',
				SearchInputTextValue: '',
				FilterGroups: [
					{
						Condition: 'AND',
						FilterItems: [
							{ FieldName: 'Email', Operator: 'Contains', Value: 'corp.io' },
							{ FieldName: 'Department', Operator: 'Contains', Value: 'fin' },
							{ FieldName: 'Status', Operator: 'Include', Value: '1' },
						],
						FilterGroups: [
							{
								Condition: 'OR',
								FilterItems: [
									{ FieldName: 'FirstName', Operator: 'Contains', Value: 'anna' },
									{ FieldName: 'LastName', Operator: 'Contains', Value: 'anna' },
								],
								FilterGroups: [],
							},
						],
					},
				],
			},
		});
		expect(jsonOf(run.outputs[0]).map((u) => u.email)).toEqual(['anna@corp.io', 'bob@corp.io']);
		expect(run.outputs[0].every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('search without filters still sends a complete body (no null filter, text as "")', async () => {
		platforms.keepnet.addUser('a@corp.io');
		const run = await runKeepnet(sandbox, { operation: 'search', returnAll: false, limit: 10 });
		expect(run.error).toBeUndefined();
		expect(apiRequests()[0].body).toEqual({
			pageNumber: 1,
			pageSize: 10,
			orderBy: 'CreateTime',
			ascending: false,
			filter: {
				Condition: 'AND',
				SearchInputTextValue: '',
				FilterGroups: [{ Condition: 'AND', FilterItems: [], FilterGroups: [] }],
			},
		});
	});

	it('Return All pages until the last page; Limit stops as soon as it is reached', async () => {
		for (let i = 0; i < 230; i++)
			platforms.keepnet.addUser(`user${String(i).padStart(3, '0')}@corp.io`);
		const all = await runKeepnet(sandbox, {
			operation: 'search',
			returnAll: true,
			searchOptions: { orderBy: 'Email', ascending: true },
		});
		expect(all.outputs[0]).toHaveLength(230);
		expect(apiRequests().map((r) => (r.body as { pageNumber: number }).pageNumber)).toEqual([
			1, 2, 3,
		]);
		expect(new Set(jsonOf(all.outputs[0]).map((u) => u.email)).size).toBe(230);

		sandbox.log.length = 0;
		const limited = await runKeepnet(sandbox, {
			operation: 'search',
			returnAll: false,
			limit: 150,
		});
		expect(limited.outputs[0]).toHaveLength(150);
		expect(apiRequests().map((r) => r.body as { pageNumber: number; pageSize: number })).toEqual([
			expect.objectContaining({ pageNumber: 1, pageSize: 100 }),
			expect.objectContaining({ pageNumber: 2, pageSize: 100 }),
		]);

		sandbox.log.length = 0;
		const few = await runKeepnet(sandbox, { operation: 'search', returnAll: false, limit: 3 });
		expect(few.outputs[0]).toHaveLength(3);
		expect(apiRequests()).toHaveLength(1);
	});

	it('search by email sends every field and returns the full record; no match gives no items', async () => {
		const user = platforms.keepnet.addUser('Anna@Example.com', { firstName: 'Anna' });
		const run = await runKeepnet(sandbox, {
			operation: 'searchByEmail',
			email: 'anna@example.com',
		});
		expect(apiRequests()[0]).toMatchObject({
			method: 'POST',
			path: '/api/target-users/search-email',
			body: {
				email: 'anna@example.com',
				pageNumber: 1,
				pageSize: 50,
				orderBy: 'Email',
				ascending: true,
			},
		});
		expect(jsonOf(run.outputs[0])).toEqual([
			expect.objectContaining({
				resourceId: user.resourceId,
				firstName: 'Anna',
				phoneNumber: '+10000000000',
			}),
		]);

		const none = await runKeepnet(sandbox, {
			operation: 'searchByEmail',
			email: 'nobody@example.com',
		});
		expect(none.error).toBeUndefined();
		expect(none.outputs[0] ?? []).toEqual([]);
	});

	it('update reads the user and PUTs the complete record: untouched fields are kept', async () => {
		const user = platforms.keepnet.addUser('anna@example.com', {
			firstName: 'Anna',
			lastName: 'Smith',
			department: 'Finance',
			priority: 'Medium',
			phoneNumber: '+4915112345',
			timeZoneId: 'W. Europe Standard Time',
			managerEmail: 'boss@example.com',
			customFieldValues: [
				{
					resourceId: 'cf1',
					name: 'Office',
					dataType: 'Text',
					value: 'Berlin',
					timestampValue: null,
				},
			],
		});
		const run = await runKeepnet(sandbox, {
			operation: 'update',
			resourceId: user.resourceId,
			updateFields: {
				lastName: 'Jones',
				customFields: { field: [{ name: 'Badge', value: '42' }] },
			},
		});
		expect(run.error).toBeUndefined();
		expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /api/target-users/${user.resourceId}`,
			`PUT /api/target-users/${user.resourceId}`,
		]);
		const body = {
			email: 'anna@example.com',
			phoneNumber: '+4915112345',
			firstName: 'Anna',
			lastName: 'Jones',
			department: 'Finance',
			priority: 'Medium',
			isActive: true,
			timeZoneId: 'W. Europe Standard Time',
			managerEmail: 'boss@example.com',
			customFields: [
				{
					resourceId: 'cf1',
					name: 'Office',
					dataType: 'Text',
					value: 'Berlin',
					timestampValue: null,
				},
				{ name: 'Badge', value: '42' },
			],
		};
		expect(apiRequests()[1].body).toEqual(body);
		expect(jsonOf(run.outputs[0])).toEqual([
			{ resourceId: user.resourceId, ...body, outcome: 'updated' },
		]);
		expect(platforms.keepnet.users.get(user.resourceId)).toMatchObject({
			firstName: 'Anna',
			lastName: 'Jones',
			department: 'Finance',
			isActive: true,
			phoneNumber: '+4915112345',
			managerEmail: 'boss@example.com',
		});
	});

	it('update of a user without a phone number says so and sends no PUT', async () => {
		const user = platforms.keepnet.addUser('nophone@example.com', { phoneNumber: null });
		const run = await runKeepnet(sandbox, {
			operation: 'update',
			resourceId: user.resourceId,
			updateFields: { department: 'IT' },
		});
		expect(run.error?.message).toBe(
			'Item 0: Update Fields > Phone Number (updateFields.phoneNumber): Keepnet requires a phone number on every update and this user has none; set one',
		);
		expect(apiRequests().map((r) => r.method)).toEqual(['GET']);
	});

	it('deletes a target user', async () => {
		const user = platforms.keepnet.addUser('gone@example.com');
		const run = await runKeepnet(sandbox, { operation: 'delete', resourceId: user.resourceId });
		expect(apiRequests()[0]).toMatchObject({
			method: 'DELETE',
			path: `/api/target-users/${user.resourceId}`,
		});
		expect(jsonOf(run.outputs[0])).toEqual([
			{ resourceId: user.resourceId, deleted: true, outcome: 'deleted' },
		]);
		expect(platforms.keepnet.users.size).toBe(0);
	});

	it('adds to and removes from groups with the documented requests', async () => {
		const user = platforms.keepnet.addUser('g@example.com', { groups: ['grpSales01'] });
		const added = await runKeepnet(sandbox, {
			operation: 'addToGroups',
			resourceId: user.resourceId,
			groupIds: 'grpIT00002,grpFinance3',
		});
		expect(apiRequests()[0]).toMatchObject({
			method: 'PUT',
			path: '/api/target-groups/users',
			body: {
				targetUserResourceIds: [user.resourceId],
				targetGroupResourceIds: ['grpIT00002', 'grpFinance3'],
				selectAll: false,
				excludedResourceIdList: [],
			},
		});
		expect(jsonOf(added.outputs[0])).toEqual([
			{ resourceId: user.resourceId, addedToGroups: ['grpIT00002', 'grpFinance3'] },
		]);
		expect(platforms.keepnet.users.get(user.resourceId)?.groups).toEqual([
			'grpSales01',
			'grpIT00002',
			'grpFinance3',
		]);

		sandbox.log.length = 0;
		const removed = await runKeepnet(sandbox, {
			operation: 'removeFromGroups',
			resourceId: user.resourceId,
			groupIds: 'grpSales01, grpFinance3',
		});
		expect(apiRequests().map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'DELETE',
				'/api/target-groups/grpSales01/users',
				{ targetUserResourceIds: [user.resourceId] },
			],
			[
				'DELETE',
				'/api/target-groups/grpFinance3/users',
				{ targetUserResourceIds: [user.resourceId] },
			],
		]);
		expect(jsonOf(removed.outputs[0])).toEqual([
			{ resourceId: user.resourceId, removedFromGroups: ['grpSales01', 'grpFinance3'] },
		]);
		expect(platforms.keepnet.users.get(user.resourceId)?.groups).toEqual(['grpIT00002']);
	});
});
