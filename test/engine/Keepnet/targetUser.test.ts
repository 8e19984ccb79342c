import { startSandbox, type Platforms, type Sandbox } from '../sandbox';
import {
	KEEPNET_CLIENT_ID,
	KEEPNET_CLIENT_SECRET,
	KEEPNET_CUSTOMER_COMPANY,
	KEEPNET_RESELLER_ID,
	KEEPNET_RESELLER_SECRET,
} from '../sandbox/platforms/keepnet';
import { calls, jsonOf, runKeepnet } from './keepnet-helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const issuedTokens = () => [...platforms.keepnet.tokens.keys()];
const apiRequests = () => sandbox.requests('keepnet').filter((r) => r.path !== '/connect/token');
const create = { operation: 'create', email: 'jane.doe@example.com', phoneNumber: '+447700900123' };

describe('Keepnet OAuth2 client credentials through n8n', () => {
	it('fetches a token with a form body on the first call, sends it as Bearer and stores it', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		const run = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId });
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual(['POST /connect/token', `GET /api/target-users/${user.resourceId}`]);
		const [tokenCall, get] = sandbox.requests('keepnet');
		expect(tokenCall.headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect(tokenCall.body).toEqual({
			grant_type: 'client_credentials',
			client_id: KEEPNET_CLIENT_ID,
			client_secret: KEEPNET_CLIENT_SECRET,
			scope: 'api1',
		});
		const [token] = issuedTokens();
		expect(get.headers.authorization).toBe(`Bearer ${token}`);
		expect(get.headers['x-keepnet-company-id']).toBeUndefined();
		expect(run.credentialsAfter.keepnetOAuth2Api.oauthTokenData).toMatchObject({ access_token: token, token_type: 'Bearer' });
	});

	it('reuses a stored token, and when it has expired refreshes once on the 401 and repeats the call', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		const first = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId });
		const stored = first.credentialsAfter.keepnetOAuth2Api.oauthTokenData;

		sandbox.log.length = 0;
		const again = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId }, { credential: { oauthTokenData: stored } });
		expect(again.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([`GET /api/target-users/${user.resourceId}`]);

		platforms.keepnet.expireTokens();
		sandbox.log.length = 0;
		const expired = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId }, { credential: { oauthTokenData: stored } });
		expect(expired.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([
			`GET /api/target-users/${user.resourceId}`,
			'POST /connect/token',
			`GET /api/target-users/${user.resourceId}`,
		]);
		const fresh = issuedTokens()[1];
		const [stale, , retried] = sandbox.requests('keepnet');
		expect(stale.headers.authorization).toBe(`Bearer ${(stored as { access_token: string }).access_token}`);
		expect(retried.headers.authorization).toBe(`Bearer ${fresh}`);
		expect(expired.credentialsAfter.keepnetOAuth2Api.oauthTokenData).toMatchObject({ access_token: fresh });
		expect(jsonOf(expired.outputs[0])).toEqual([expect.objectContaining({ resourceId: user.resourceId })]);
	});

	it('refreshes only once: a second 401 is reported, with a hint', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		platforms.keepnet.tokenTtlMs = -1; // every token is dead on arrival
		const run = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId });
		expect(calls(sandbox)).toEqual([
			'POST /connect/token',
			`GET /api/target-users/${user.resourceId}`,
			'POST /connect/token',
			`GET /api/target-users/${user.resourceId}`,
		]);
		expect(run.error?.message).toBe('Keepnet 401: Authorization failed: check the credential');
		expect(run.error?.description).toContain('The token was refused even after n8n fetched a new one');
	});

	it('a wrong client secret reads as invalid_client, sends no API call and shows the secret nowhere', async () => {
		const wrong = 'wrong-secret-9f8e7d6c';
		const run = await runKeepnet(sandbox, { operation: 'get', resourceId: 'x1' }, { credential: { clientSecret: wrong } });
		expect(calls(sandbox)).toEqual(['POST /connect/token']);
		expect(run.error?.message).toBe('Keepnet 400: invalid_client');
		expect(run.error?.description).toContain('Keepnet refused the Client ID / Client Secret');
		expect(JSON.stringify(run.error?.raw)).not.toContain(wrong);
	});

	it('the token URL is built from a base URL with a trailing slash', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		const run = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId }, { credential: { baseUrl: `${sandbox.urlOf('/keepnet')}/` } });
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)[0]).toBe('POST /connect/token');
	});

	it('the sandbox token endpoint answers 500 to JSON, as Keepnet does', async () => {
		const response = await fetch(`${sandbox.urlOf('/keepnet')}/connect/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ grant_type: 'client_credentials', client_id: KEEPNET_CLIENT_ID, client_secret: KEEPNET_CLIENT_SECRET, scope: 'api1' }),
		});
		expect(response.status).toBe(500);
	});
});

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
			{ json: { resourceId: 'tu0000001', email: 'jane.doe@example.com', outcome: 'created' }, pairedItem: { item: 0 } },
		]);
		expect(platforms.keepnet.users.get('tu0000001')).toMatchObject({ department: 'Finance', groups: ['grpSales01', 'grpIT00002'] });
	});

	it('a reseller credential sends X-KEEPNET-Company-Id on every call and works in that company', async () => {
		const credential = { clientId: KEEPNET_RESELLER_ID, clientSecret: KEEPNET_RESELLER_SECRET, companyId: KEEPNET_CUSTOMER_COMPANY };
		const run = await runKeepnet(sandbox, { operation: 'upsert', email: 'cust@example.com', phoneNumber: '+15550001', additionalFields: {} }, { credential });
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual(['POST /connect/token', 'POST /api/target-users/search-email', 'POST /api/target-users']);
		for (const r of apiRequests()) expect(r.headers['x-keepnet-company-id']).toBe(KEEPNET_CUSTOMER_COMPANY);
		expect(platforms.keepnet.snapshot()).toEqual([expect.objectContaining({ email: 'cust@example.com', companyId: KEEPNET_CUSTOMER_COMPANY })]);
	});

	it('a company client naming another company gets 403 in words', async () => {
		const run = await runKeepnet(sandbox, { operation: 'get', resourceId: 'tu0000001' }, { credential: { companyId: KEEPNET_CUSTOMER_COMPANY } });
		expect(run.error?.message).toBe('Keepnet 403: You are not authorized to access this company.');
		expect(run.error?.description).toContain('it may not act in that company');
	});

	it('gets a target user by resourceId, unwrapped', async () => {
		const user = platforms.keepnet.addUser('anna@example.com', { firstName: 'Anna', department: 'IT' });
		const run = await runKeepnet(sandbox, { operation: 'get', resourceId: ` ${user.resourceId} ` });
		expect(apiRequests()[0]).toMatchObject({ method: 'GET', path: `/api/target-users/${user.resourceId}`, body: undefined });
		expect(jsonOf(run.outputs[0])).toEqual([
			expect.objectContaining({ resourceId: user.resourceId, email: 'anna@example.com', firstName: 'Anna', department: 'IT', isActive: true }),
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
			filter: { Condition: 'AND', SearchInputTextValue: '', FilterGroups: [{ Condition: 'AND', FilterItems: [], FilterGroups: [] }] },
		});
	});

	it('Return All pages until the last page; Limit stops as soon as it is reached', async () => {
		for (let i = 0; i < 230; i++) platforms.keepnet.addUser(`user${String(i).padStart(3, '0')}@corp.io`);
		const all = await runKeepnet(sandbox, { operation: 'search', returnAll: true, searchOptions: { orderBy: 'Email', ascending: true } });
		expect(all.outputs[0]).toHaveLength(230);
		expect(apiRequests().map((r) => (r.body as { pageNumber: number }).pageNumber)).toEqual([1, 2, 3]);
		expect(new Set(jsonOf(all.outputs[0]).map((u) => u.email)).size).toBe(230);

		sandbox.log.length = 0;
		const limited = await runKeepnet(sandbox, { operation: 'search', returnAll: false, limit: 150 });
		expect(limited.outputs[0]).toHaveLength(150);
		expect(apiRequests().map((r) => (r.body as { pageNumber: number; pageSize: number }))).toEqual([
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
		const run = await runKeepnet(sandbox, { operation: 'searchByEmail', email: 'anna@example.com' });
		expect(apiRequests()[0]).toMatchObject({
			method: 'POST',
			path: '/api/target-users/search-email',
			body: { email: 'anna@example.com', pageNumber: 1, pageSize: 50, orderBy: 'Email', ascending: true },
		});
		expect(jsonOf(run.outputs[0])).toEqual([expect.objectContaining({ resourceId: user.resourceId, firstName: 'Anna', phoneNumber: '+10000000000' })]);

		const none = await runKeepnet(sandbox, { operation: 'searchByEmail', email: 'nobody@example.com' });
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
			customFieldValues: [{ resourceId: 'cf1', name: 'Office', dataType: 'Text', value: 'Berlin', timestampValue: null }],
		});
		const run = await runKeepnet(sandbox, {
			operation: 'update',
			resourceId: user.resourceId,
			updateFields: { lastName: 'Jones', customFields: { field: [{ name: 'Badge', value: '42' }] } },
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
				{ resourceId: 'cf1', name: 'Office', dataType: 'Text', value: 'Berlin', timestampValue: null },
				{ name: 'Badge', value: '42' },
			],
		};
		expect(apiRequests()[1].body).toEqual(body);
		expect(jsonOf(run.outputs[0])).toEqual([{ resourceId: user.resourceId, ...body, outcome: 'updated' }]);
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
		const run = await runKeepnet(sandbox, { operation: 'update', resourceId: user.resourceId, updateFields: { department: 'IT' } });
		expect(run.error?.message).toBe(
			'Item 0: Update Fields > Phone Number (updateFields.phoneNumber): Keepnet requires a phone number on every update and this user has none; set one',
		);
		expect(apiRequests().map((r) => r.method)).toEqual(['GET']);
	});

	it('deletes a target user', async () => {
		const user = platforms.keepnet.addUser('gone@example.com');
		const run = await runKeepnet(sandbox, { operation: 'delete', resourceId: user.resourceId });
		expect(apiRequests()[0]).toMatchObject({ method: 'DELETE', path: `/api/target-users/${user.resourceId}` });
		expect(jsonOf(run.outputs[0])).toEqual([{ resourceId: user.resourceId, deleted: true, outcome: 'deleted' }]);
		expect(platforms.keepnet.users.size).toBe(0);
	});

	it('create or update takes the right branch: created, unchanged, updated (+ groups), and needs a phone to create', async () => {
		const params = { operation: 'upsert', email: 'Up.Sert@example.com', phoneNumber: '+111', additionalFields: { department: 'Sales' } };
		const first = await runKeepnet(sandbox, params);
		expect(jsonOf(first.outputs[0])).toEqual([{ resourceId: 'tu0000001', email: 'Up.Sert@example.com', outcome: 'created' }]);
		expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/target-users/search-email', 'POST /api/target-users']);

		sandbox.log.length = 0;
		const same = await runKeepnet(sandbox, { ...params, email: 'up.sert@example.com', phoneNumber: '' });
		expect(jsonOf(same.outputs[0])).toEqual([expect.objectContaining({ resourceId: 'tu0000001', department: 'Sales', outcome: 'unchanged' })]);
		expect(apiRequests().map((r) => r.method)).toEqual(['POST']);

		sandbox.log.length = 0;
		const changed = await runKeepnet(sandbox, {
			...params,
			phoneNumber: '',
			additionalFields: { department: 'Sales', firstName: 'Uma', targetGroupResourceIds: 'grpFinance3' },
		});
		expect(jsonOf(changed.outputs[0])).toEqual([expect.objectContaining({ resourceId: 'tu0000001', firstName: 'Uma', outcome: 'updated' })]);
		expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /api/target-users/search-email',
			'PUT /api/target-users/tu0000001',
			'PUT /api/target-groups/users',
		]);
		expect(apiRequests()[1].body).toEqual({ email: 'Up.Sert@example.com', phoneNumber: '+111', firstName: 'Uma', department: 'Sales', isActive: true });
		expect(platforms.keepnet.users.size).toBe(1);
		expect(platforms.keepnet.users.get('tu0000001')?.groups).toEqual(['grpFinance3']);

		sandbox.log.length = 0;
		const noPhone = await runKeepnet(sandbox, { ...params, email: 'new.person@example.com', phoneNumber: '' });
		expect(noPhone.error?.message).toBe('Item 0: Phone Number (phoneNumber): is required to create the new target user "new.person@example.com"');
		expect(apiRequests().map((r) => r.path)).toEqual(['/api/target-users/search-email']);
	});

	it('adds to and removes from groups with the documented requests', async () => {
		const user = platforms.keepnet.addUser('g@example.com', { groups: ['grpSales01'] });
		const added = await runKeepnet(sandbox, { operation: 'addToGroups', resourceId: user.resourceId, groupIds: 'grpIT00002,grpFinance3' });
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
		expect(jsonOf(added.outputs[0])).toEqual([{ resourceId: user.resourceId, addedToGroups: ['grpIT00002', 'grpFinance3'] }]);
		expect(platforms.keepnet.users.get(user.resourceId)?.groups).toEqual(['grpSales01', 'grpIT00002', 'grpFinance3']);

		sandbox.log.length = 0;
		const removed = await runKeepnet(sandbox, { operation: 'removeFromGroups', resourceId: user.resourceId, groupIds: 'grpSales01, grpFinance3' });
		expect(apiRequests().map((r) => [r.method, r.path, r.body])).toEqual([
			['DELETE', '/api/target-groups/grpSales01/users', { targetUserResourceIds: [user.resourceId] }],
			['DELETE', '/api/target-groups/grpFinance3/users', { targetUserResourceIds: [user.resourceId] }],
		]);
		expect(jsonOf(removed.outputs[0])).toEqual([{ resourceId: user.resourceId, removedFromGroups: ['grpSales01', 'grpFinance3'] }]);
		expect(platforms.keepnet.users.get(user.resourceId)?.groups).toEqual(['grpIT00002']);
	});
});

describe('Keepnet errors, input checks and masking', () => {
	it('invalid input names the item and the field, and nothing at all is sent (not even a token request)', async () => {
		const run = await runKeepnet(sandbox, { ...create, email: 'not-an-email' });
		expect(run.error?.message).toBe('Item 0: Email (email): is not a valid email address');
		expect(run.error?.description).toBe('Nothing was sent.');
		expect(sandbox.requests()).toHaveLength(0);

		const noPhone = await runKeepnet(sandbox, { ...create, phoneNumber: ' ' });
		expect(noPhone.error?.message).toBe('Item 0: Phone Number (phoneNumber): is required');
		const noChange = await runKeepnet(sandbox, { operation: 'update', resourceId: 'tu1', updateFields: {} });
		expect(noChange.error?.message).toBe('Item 0: Update Fields (updateFields): set at least one field to change');
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('server validation messages, 404 text; with continueOnFail every item ends as one success or one error', async () => {
		platforms.keepnet.addUser('taken@example.com');
		const items = [
			{ json: { email: 'first@example.com' } },
			{ json: { email: 'taken@example.com' } },
			{ json: { email: 'broken' } },
			{ json: { email: 'last@example.com' } },
		];
		const run = await runKeepnet(sandbox, { ...create, email: '={{ $json.email }}' }, { items, onError: 'continueRegularOutput' });
		expect(run.error).toBeUndefined();
		const out = run.outputs[0];
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(out[0].json).toMatchObject({ email: 'first@example.com', outcome: 'created' });
		expect(out[1].json).toEqual({
			error: 'Keepnet 400: A target user with this email address already exists.',
			details: { itemIndex: 1, httpCode: '400', description: 'POST /api/target-users' },
		});
		expect(out[2].json).toEqual({
			error: 'Item 2: Email (email): is not a valid email address',
			details: { itemIndex: 2, description: 'Nothing was sent.' },
		});
		expect(out[3].json).toMatchObject({ email: 'last@example.com', outcome: 'created' });

		const missing = await runKeepnet(sandbox, { operation: 'get', resourceId: 'nope123' });
		expect(missing.error?.message).toBe('Keepnet 404: Target user not found');
		expect(missing.error?.itemIndex).toBe(0);
	});

	it('Include Request Details and Dry Run echo the request with the token masked; secrets and tokens show nowhere', async () => {
		const credential = { clientId: KEEPNET_RESELLER_ID, clientSecret: KEEPNET_RESELLER_SECRET, companyId: KEEPNET_CUSTOMER_COMPANY };
		const run = await runKeepnet(sandbox, { ...create, options: { includeRequestDetails: true } }, { credential });
		expect(run.error).toBeUndefined();
		expect(jsonOf(run.outputs[0])[0]).toEqual({
			request: {
				url: `${sandbox.urlOf('/keepnet')}/api/target-users`,
				method: 'POST',
				headers: { Authorization: '***', 'X-KEEPNET-Company-Id': KEEPNET_CUSTOMER_COMPANY },
				body: { email: 'jane.doe@example.com', phoneNumber: '+447700900123' },
			},
			resource: 'targetUser',
			operation: 'create',
			success: true,
			data: { resourceId: 'tu0000001', email: 'jane.doe@example.com', outcome: 'created' },
		});
		const [token] = issuedTokens();
		const text = JSON.stringify(run.outputs);
		expect(text).not.toContain(KEEPNET_RESELLER_SECRET);
		expect(text).not.toContain(token);

		sandbox.log.length = 0;
		const dry = await runKeepnet(sandbox, { operation: 'search', returnAll: true, options: { dryRun: true } }, { credential });
		expect(sandbox.requests()).toHaveLength(0);
		expect(jsonOf(dry.outputs[0])).toEqual([
			{
				dryRun: true,
				resource: 'targetUser',
				operation: 'search',
				requests: [expect.objectContaining({ method: 'POST', url: `${sandbox.urlOf('/keepnet')}/api/target-users/search` })],
			},
		]);
	});

	it('an error after a refresh shows neither the client secret nor either token', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		const first = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId });
		const stored = first.credentialsAfter.keepnetOAuth2Api.oauthTokenData;
		platforms.keepnet.expireTokens();
		const run = await runKeepnet(sandbox, { operation: 'get', resourceId: 'nope123' }, { credential: { oauthTokenData: stored } });
		expect(run.error?.message).toBe('Keepnet 404: Target user not found');
		const raw = JSON.stringify(run.error?.raw);
		for (const secret of [KEEPNET_CLIENT_SECRET, ...issuedTokens()]) expect(raw).not.toContain(secret);
	});
});
