import { KeepnetOAuth2Api } from '../../credentials/KeepnetOAuth2Api.credentials';
import { targetUserOperations } from '../../nodes/Keepnet/actions/targetUser';
import { createBody } from '../../nodes/Keepnet/actions/targetUser/create';
import type { TargetUser } from '../../nodes/Keepnet/actions/targetUser/fields';
import { searchBody } from '../../nodes/Keepnet/actions/targetUser/search';
import { exactMatch } from '../../nodes/Keepnet/actions/targetUser/searchByEmail';
import { fullUpdateBody, type UpdateChanges } from '../../nodes/Keepnet/actions/targetUser/update';
import { upsertChanges } from '../../nodes/Keepnet/actions/targetUser/upsert';
import { answerFromError } from '../../nodes/shared/client';
import { Keepnet } from '../../nodes/Keepnet/Keepnet.node';
import { keepnetBaseUrl, keepnetErrorMessage, unwrap } from '../../nodes/Keepnet/transport';
import { operationsOf } from './operations';

const { op, parse, issuesOf } = operationsOf(targetUserOperations);

const issue = (name: string, raw: Record<string, unknown>) => issuesOf(name, raw)[0];

const current: TargetUser = {
	resourceId: 'tu1',
	email: 'anna@example.com',
	firstName: 'Anna',
	lastName: null,
	department: 'Finance',
	priority: 'Low',
	isActive: false,
	phoneNumber: '+49151',
	customFieldValues: [{ resourceId: 'cf1', name: 'Office', dataType: 'Text', value: 'Berlin', timestampValue: null }],
	managerFullName: 'Computed Name',
};

describe('Keepnet operations (pure parts)', () => {
	it('create sends email and phone, and only the fields that were set', () => {
		const input = parse('create', {
			email: ' Jane@Example.com ',
			phoneNumber: '+44 7700',
			additionalFields: { department: 'IT', isActive: false, targetGroupResourceIds: 'g1, ,g2', firstName: '' },
		});
		expect(createBody(input as never)).toEqual({
			email: 'Jane@Example.com',
			phoneNumber: '+44 7700',
			department: 'IT',
			isActive: false,
			targetGroupResourceIds: ['g1', 'g2'],
		});
	});

	it('create rejects a bad email, a missing phone, a long name and an unknown priority, naming the field', () => {
		expect(issue('create', { email: 'x@', phoneNumber: '1' })).toMatchObject({ path: ['email'], message: 'is not a valid email address' });
		expect(issue('create', { email: 'a@b.co', phoneNumber: '' })).toMatchObject({ path: ['phoneNumber'], message: 'is required' });
		expect(issue('create', { email: 'a@b.co', phoneNumber: '1', additionalFields: { firstName: 'x'.repeat(41) } })).toMatchObject({
			path: ['additionalFields', 'firstName'],
			message: 'must be 40 characters or fewer',
		});
		expect(issue('create', { email: 'a@b.co', phoneNumber: '1', additionalFields: { priority: 'Urgent' } })).toMatchObject({
			message: 'must be Low, Medium or High',
		});
		expect(issue('create', { email: 'a@b.co', phoneNumber: '1', additionalFields: { managerEmail: 'boss' } })).toMatchObject({
			path: ['additionalFields', 'managerEmail'],
		});
	});

	it('the search body is always complete: filter object, text as "", orderBy and ascending set', () => {
		const input = parse('search', { returnAll: false, limit: 500 });
		const body = searchBody(input as never, 3, 100);
		expect(body).toEqual({
			pageNumber: 3,
			pageSize: 100,
			orderBy: 'CreateTime',
			ascending: false,
			filter: { Condition: 'AND', SearchInputTextValue: '', FilterGroups: [{ Condition: 'AND', FilterItems: [], FilterGroups: [] }] },
		});
		expect(JSON.stringify(body)).not.toContain('null');
		const text = parse('search', { searchOptions: { searchText: 42, orderBy: 'Email', ascending: true } });
		expect(searchBody(text as never, 1, 50)).toMatchObject({ orderBy: 'Email', ascending: true, filter: { SearchInputTextValue: '42' } });
		expect(op('search').plan(input)?.[0]).toMatchObject({ method: 'POST', path: '/api/target-users/search', idempotent: true, body: { pageSize: 100 } });
		expect(issue('search', { searchOptions: { orderBy: 'Phone' } })?.path).toEqual(['searchOptions', 'orderBy']);
	});

	it('the update body is the whole current record with the changes over it', () => {
		const changes = parse('update', {
			resourceId: 'tu1',
			updateFields: { lastName: 'Jones', isActive: true, customFields: { field: [{ name: 'office', value: 'Kyiv' }] } },
		}) as { updateFields: UpdateChanges };
		expect(fullUpdateBody(current, changes.updateFields)).toEqual({
			email: 'anna@example.com',
			phoneNumber: '+49151',
			firstName: 'Anna',
			lastName: 'Jones',
			department: 'Finance',
			priority: 'Low',
			isActive: true,
			customFields: [{ resourceId: 'cf1', name: 'Office', dataType: 'Text', value: 'Kyiv', timestampValue: null }],
		});
		expect(issue('update', { resourceId: 'tu1', updateFields: { firstName: '' } })?.message).toBe('set at least one field to change');
		expect(issue('update', { resourceId: '', updateFields: { firstName: 'A' } })?.path).toEqual(['resourceId']);
	});

	it('upsert finds the exact email and changes only what differs', () => {
		expect(exactMatch([{ resourceId: '1', email: 'anna@example.com.au' }, { resourceId: '2', email: 'Anna@Example.com' }], 'anna@example.com')?.resourceId).toBe('2');
		const same = parse('upsert', { email: 'anna@example.com', additionalFields: { firstName: 'Anna', department: 'Finance' } });
		const unchanged = upsertChanges(current, same as never);
		expect(unchanged.customFields).toEqual([]);
		expect(Object.entries(unchanged).filter(([k, v]) => k !== 'customFields' && v !== undefined)).toEqual([]);
		const other = parse('upsert', { email: 'anna@example.com', phoneNumber: '+1', additionalFields: { department: 'IT', isActive: false } });
		expect(upsertChanges(current, other as never)).toEqual({ department: 'IT', phoneNumber: '+1', customFields: [] });
	});

	it('groups: ids are required and split on commas; removal is one DELETE per group', () => {
		expect(issue('addToGroups', { resourceId: 'tu1', groupIds: ' , ' })).toMatchObject({ path: ['groupIds'], message: 'is required' });
		expect(op('removeFromGroups').plan(parse('removeFromGroups', { resourceId: 'tu 1', groupIds: 'g1,g/2' }))).toEqual([
			{ method: 'DELETE', path: '/api/target-groups/g1/users', body: { targetUserResourceIds: ['tu 1'] } },
			{ method: 'DELETE', path: '/api/target-groups/g%2F2/users', body: { targetUserResourceIds: ['tu 1'] } },
		]);
		expect(op('get').plan(parse('get', { resourceId: 'a/b' }))).toEqual([{ method: 'GET', path: '/api/target-users/a%2Fb' }]);
	});
});

describe('Keepnet transport', () => {
	it('reads whichever error field Keepnet sent', () => {
		expect(keepnetErrorMessage(404, { data: null, status: 'Error', message: 'Target user not found', validationMessages: null })).toBe('Target user not found');
		expect(keepnetErrorMessage(400, { validationMessages: ["'Email' must not be empty.", 'Phone too'] })).toBe("'Email' must not be empty.; Phone too");
		expect(keepnetErrorMessage(400, { isSuccess: false, messages: ['INPUT_ERROR: filter is required'] })).toBe('INPUT_ERROR: filter is required');
		expect(keepnetErrorMessage(400, { error: 'invalid_client' })).toBe('invalid_client');
		expect(keepnetErrorMessage(500, '')).toBeUndefined();
		expect(keepnetErrorMessage(500, { data: null, message: null, validationMessages: [] })).toBeUndefined();
	});

	it('unwraps the envelope, normalises the base URL, finds a refused token body', () => {
		expect(unwrap({ data: { resourceId: 'x' }, status: 'Success' })).toEqual({ resourceId: 'x' });
		expect(unwrap([1])).toEqual([1]);
		expect(keepnetBaseUrl(' https://api.corp.example/api/ ')).toBe('https://api.corp.example');
		expect(keepnetBaseUrl('')).toBe('https://api.keepnetlabs.com');
		const wrapped = { message: 'Failed to acquire OAuth2 access token', cause: { code: 'EAUTH', body: { error: 'invalid_client' } } };
		expect(answerFromError(wrapped)).toEqual({ statusCode: 400, headers: {}, body: { error: 'invalid_client' } });
		expect(answerFromError({ code: 'ECONNRESET' })).toBeUndefined();
		const refusedAfterRefresh = { message: 'x', cause: { response: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' }, data: { message: 'expired' } } } };
		expect(answerFromError(refusedAfterRefresh)).toEqual({ statusCode: 401, headers: { 'www-authenticate': 'Bearer' }, body: { message: 'expired' } });
	});

	it('the credential is client credentials against <base>/connect/token, scope api1, form body', () => {
		const credential = new KeepnetOAuth2Api();
		const hidden = Object.fromEntries(credential.properties.filter((p) => p.type === 'hidden').map((p) => [p.name, p.default]));
		expect(hidden).toMatchObject({ grantType: 'clientCredentials', scope: 'api1', authentication: 'body' });
		expect(hidden.accessTokenUrl).toContain('/connect/token');
		expect(credential.extends).toEqual(['keepnetBaseApi', 'oAuth2Api']);
		expect(credential.properties.find((p) => p.name === 'clientSecret')?.typeOptions?.password).toBe(true);
		expect(credential.test.request).toMatchObject({ method: 'POST', url: '/api/target-users/search' });
		const node = new Keepnet().description;
		expect(node.usableAsTool).toBe(true);
		expect(node.credentials).toEqual([{ name: 'keepnetOAuth2Api', required: true }]);
	});
});
