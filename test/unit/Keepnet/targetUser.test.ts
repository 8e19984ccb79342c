import { KeepnetOAuth2Api } from '../../../credentials/KeepnetOAuth2Api.credentials';
import { targetUserOperations } from '../../../nodes/Keepnet/actions/targetUser';
import {
	upsertChanges,
	upsertUpdates,
} from '../../../nodes/Keepnet/actions/targetUser/upsert.operation';
import {
	createBody,
	fullUpdateBody,
	type UpdateChanges,
} from '../../../nodes/Keepnet/helpers/bodies';
import type { TargetUser } from '../../../nodes/Keepnet/helpers/fields';
import { exactMatch, findByEmail, verifyByEmail } from '../../../nodes/Keepnet/helpers/lookup';
import { searchBody } from '../../../nodes/Keepnet/actions/targetUser/search.operation';
import { answerFromError } from '../../../nodes/shared/client/wire';
import { OperationFailure } from '../../../nodes/shared/operation';
import { Keepnet } from '../../../nodes/Keepnet/Keepnet.node';
import { keepnetBaseUrl, keepnetErrorMessage, unwrap } from '../../../nodes/Keepnet/transport';
import { operationsOf } from '../operations';

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
	customFieldValues: [
		{ resourceId: 'cf1', name: 'Office', dataType: 'Text', value: 'Berlin', timestampValue: null },
	],
	managerFullName: 'Computed Name',
};

describe('Keepnet operations (pure parts)', () => {
	it('create sends email and phone, and only the fields that were set', () => {
		const input = parse('create', {
			email: ' Jane@Example.com ',
			phoneNumber: '+44 7700',
			additionalFields: {
				department: 'IT',
				isActive: false,
				targetGroupResourceIds: 'g1, ,g2',
				firstName: '',
			},
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
		expect(issue('create', { email: 'x@', phoneNumber: '1' })).toMatchObject({
			path: ['email'],
			message: 'is not a valid email address',
		});
		expect(issue('create', { email: 'a@b.co', phoneNumber: '' })).toMatchObject({
			path: ['phoneNumber'],
			message: 'is required',
		});
		expect(
			issue('create', {
				email: 'a@b.co',
				phoneNumber: '1',
				additionalFields: { firstName: 'x'.repeat(41) },
			}),
		).toMatchObject({
			path: ['additionalFields', 'firstName'],
			message: 'must be 40 characters or fewer',
		});
		expect(
			issue('create', {
				email: 'a@b.co',
				phoneNumber: '1',
				additionalFields: { priority: 'Urgent' },
			}),
		).toMatchObject({
			message: 'must be Low, Medium or High',
		});
		expect(
			issue('create', {
				email: 'a@b.co',
				phoneNumber: '1',
				additionalFields: { managerEmail: 'boss' },
			}),
		).toMatchObject({
			path: ['additionalFields', 'managerEmail'],
		});
	});

	it('the search body is always complete: filter object, text as "", orderBy and ascending set', () => {
		const input = parse('search', { returnAll: false, limit: 500 });
		const body = searchBody((input as { value: never }).value, 3, 100);
		expect(body).toEqual({
			pageNumber: 3,
			pageSize: 100,
			orderBy: 'CreateTime',
			ascending: false,
			filter: {
				Condition: 'AND',
				SearchInputTextValue: '',
				FilterGroups: [{ Condition: 'AND', FilterItems: [], FilterGroups: [] }],
			},
		});
		expect(JSON.stringify(body)).not.toContain('null');
		const text = parse('search', {
			searchOptions: { searchText: 42, orderBy: 'Email', ascending: true },
		});
		expect(searchBody((text as { value: never }).value, 1, 50)).toMatchObject({
			orderBy: 'Email',
			ascending: true,
			filter: { SearchInputTextValue: '42' },
		});
		expect(op('search').plan(input)?.[0]).toMatchObject({
			method: 'POST',
			path: '/api/target-users/search',
			idempotent: true,
			body: { pageSize: 100 },
		});
		expect(issue('search', { searchOptions: { orderBy: 'Phone' } })?.path).toEqual([
			'searchOptions',
			'orderBy',
		]);
	});

	it('the update body is the whole current record with the changes over it', () => {
		const changes = parse('update', {
			resourceId: 'tu1',
			updateFields: {
				lastName: 'Jones',
				isActive: true,
				customFields: { field: [{ name: 'office', value: 'Kyiv' }] },
			},
		}) as { updateFields: UpdateChanges };
		expect(fullUpdateBody(current, changes.updateFields)).toEqual({
			email: 'anna@example.com',
			phoneNumber: '+49151',
			firstName: 'Anna',
			lastName: 'Jones',
			department: 'Finance',
			priority: 'Low',
			isActive: true,
			customFields: [
				{
					resourceId: 'cf1',
					name: 'Office',
					dataType: 'Text',
					value: 'Kyiv',
					timestampValue: null,
				},
			],
		});
		expect(issue('update', { resourceId: 'tu1', updateFields: { firstName: '' } })?.message).toBe(
			'set at least one field to change',
		);
		expect(issue('update', { resourceId: '', updateFields: { firstName: 'A' } })?.path).toEqual([
			'resourceId',
		]);
	});

	it('upsert finds the exact email and changes only what differs', () => {
		expect(
			exactMatch(
				[
					{ resourceId: '1', email: 'anna@example.com.au' },
					{ resourceId: '2', email: 'Anna@Example.com' },
				],
				'anna@example.com',
			)?.resourceId,
		).toBe('2');
		const same = parse('upsert', {
			email: 'anna@example.com',
			additionalFields: { firstName: 'Anna', department: 'Finance' },
		});
		const unchanged = upsertChanges(current, same as never);
		expect(unchanged.customFields).toEqual([]);
		expect(
			Object.entries(unchanged).filter(([k, v]) => k !== 'customFields' && v !== undefined),
		).toEqual([]);
		const other = parse('upsert', {
			email: 'anna@example.com',
			phoneNumber: '+1',
			additionalFields: { department: 'IT', isActive: false },
		});
		expect(upsertChanges(current, other as never)).toEqual({
			department: 'IT',
			phoneNumber: '+1',
			customFields: [],
		});
	});

	it('create carries a lookup by exact email, so a lost answer is checked before anything is sent again', () => {
		const input = parse('create', { email: 'Jane@Example.com', phoneNumber: '+1' });
		const [spec] = op('create').plan(input);
		expect(spec).toMatchObject({
			method: 'POST',
			path: '/api/target-users',
			body: { email: 'Jane@Example.com', phoneNumber: '+1' },
		});
		expect(spec.verify?.request).toEqual({
			method: 'POST',
			path: '/api/target-users/search-email',
			body: {
				email: 'Jane@Example.com',
				pageNumber: 1,
				pageSize: 50,
				orderBy: 'Email',
				ascending: true,
			},
			idempotent: true,
		});
		// search-email matches partly; only the exact address (any case) is the user.
		const page = (...emails: string[]) => ({
			data: { results: emails.map((email, i) => ({ resourceId: `tu${i}`, email })) },
			status: 'Success',
		});
		expect(spec.verify?.find(page('jane@example.com.au', 'jane@example.com'))).toEqual({
			resourceId: 'tu1',
			email: 'jane@example.com',
		});
		expect(spec.verify?.find(page('jane@example.com.au'))).toBeUndefined();
		expect(spec.verify?.find({ data: null, status: 'Success' })).toBeUndefined();
		expect(verifyByEmail('a@b.co')?.request).toEqual(findByEmail.request({ email: 'a@b.co' }, 1));
	});

	it('upsert: a PUT of the complete record when a field differs, then the groups; nothing when all is as asked', () => {
		const value = (raw: Record<string, unknown>) =>
			parse('upsert', { email: 'anna@example.com', ...raw }) as never;
		expect(upsertUpdates(current, value({ additionalFields: { department: 'Finance' } }))).toEqual(
			[],
		);
		const [put, groups] = upsertUpdates(
			current,
			value({ additionalFields: { firstName: 'Ann', targetGroupResourceIds: 'g1, g2' } }),
		);
		expect(put).toMatchObject({
			method: 'PUT',
			path: '/api/target-users/tu1',
			body: {
				email: 'anna@example.com',
				phoneNumber: '+49151',
				firstName: 'Ann',
				department: 'Finance',
			},
		});
		expect(groups).toEqual({
			method: 'PUT',
			path: '/api/target-groups/users',
			body: {
				targetUserResourceIds: ['tu1'],
				targetGroupResourceIds: ['g1', 'g2'],
				selectAll: false,
				excludedResourceIdList: [],
			},
		});
		// Groups alone: only the groups request (the outcome is still "updated").
		expect(
			upsertUpdates(current, value({ additionalFields: { targetGroupResourceIds: 'g1' } })).map(
				(r) => r.path,
			),
		).toEqual(['/api/target-groups/users']);
		// An existing user without a phone cannot be saved: said before anything is sent.
		const noPhone = { ...current, phoneNumber: null };
		expect(() => upsertUpdates(noPhone, value({ additionalFields: { firstName: 'Ann' } }))).toThrow(
			OperationFailure,
		);
		expect(() => upsertUpdates(noPhone, value({ additionalFields: { firstName: 'Ann' } }))).toThrow(
			'Phone Number (phoneNumber): Keepnet requires a phone number on every update and this user has none; set one',
		);
		expect(
			upsertUpdates(
				noPhone,
				value({ phoneNumber: '+2', additionalFields: { firstName: 'Ann' } }),
			)[0].body,
		).toMatchObject({ phoneNumber: '+2' });
	});

	it('every operation is declared, none hand-written: kinds, Dry Run plans and the upsert note', () => {
		expect(Object.fromEntries(targetUserOperations.map((o) => [o.operation, o.kind]))).toEqual({
			create: 'request',
			upsert: 'upsert',
			delete: 'request',
			get: 'request',
			search: 'paging',
			searchByEmail: 'request',
			update: 'readThenWrite',
			addToGroups: 'request',
			removeFromGroups: 'requests',
			sync: 'sync',
		});
		// Create or Update: the Dry Run lists the lookup and says why nothing more.
		expect(op('upsert').plan(parse('upsert', { email: 'a@b.co' }))).toEqual([
			findByEmail.request({ email: 'a@b.co' }, 1),
		]);
		expect(op('upsert').planNote).toContain('looks the record up first');
		// Update: the read, then the PUT as far as it is known without the record (no phone check then).
		const plan = op('update').plan(
			parse('update', { resourceId: 'tu1', updateFields: { department: 'IT' } }),
		);
		expect(plan).toEqual([
			{ method: 'GET', path: '/api/target-users/tu1' },
			{ method: 'PUT', path: '/api/target-users/tu1', body: { department: 'IT' } },
		]);
	});

	it('search: Return All and Limit come from the core, before the filters, and are checked', () => {
		expect(op('search').properties.map((p) => p.name)).toEqual([
			'returnAll',
			'limit',
			'filters',
			'searchOptions',
		]);
		expect(issue('search', { returnAll: false, limit: 0 })).toMatchObject({
			path: ['limit'],
			message: 'must be at least 1',
		});
		const few = parse('search', { returnAll: false, limit: 7 });
		expect(op('search').plan(few)[0].body).toMatchObject({ pageNumber: 1, pageSize: 7 });
	});

	it('groups: ids are required and split on commas; removal is one DELETE per group', () => {
		expect(issue('addToGroups', { resourceId: 'tu1', groupIds: ' , ' })).toMatchObject({
			path: ['groupIds'],
			message: 'is required',
		});
		expect(
			op('removeFromGroups').plan(
				parse('removeFromGroups', { resourceId: 'tu 1', groupIds: 'g1,g/2' }),
			),
		).toEqual([
			{
				method: 'DELETE',
				path: '/api/target-groups/g1/users',
				body: { targetUserResourceIds: ['tu 1'] },
			},
			{
				method: 'DELETE',
				path: '/api/target-groups/g%2F2/users',
				body: { targetUserResourceIds: ['tu 1'] },
			},
		]);
		expect(op('get').plan(parse('get', { resourceId: 'a/b' }))).toEqual([
			{ method: 'GET', path: '/api/target-users/a%2Fb' },
		]);
	});
});

describe('Keepnet transport', () => {
	it('reads whichever error field Keepnet sent', () => {
		expect(
			keepnetErrorMessage(404, {
				data: null,
				status: 'Error',
				message: 'Target user not found',
				validationMessages: null,
			}),
		).toBe('Target user not found');
		expect(
			keepnetErrorMessage(400, { validationMessages: ["'Email' must not be empty.", 'Phone too'] }),
		).toBe("'Email' must not be empty.; Phone too");
		expect(
			keepnetErrorMessage(400, { isSuccess: false, messages: ['INPUT_ERROR: filter is required'] }),
		).toBe('INPUT_ERROR: filter is required');
		expect(keepnetErrorMessage(400, { error: 'invalid_client' })).toBe('invalid_client');
		expect(keepnetErrorMessage(500, '')).toBeUndefined();
		expect(
			keepnetErrorMessage(500, { data: null, message: null, validationMessages: [] }),
		).toBeUndefined();
	});

	it('unwraps the envelope, normalises the base URL, finds a refused token body', () => {
		expect(unwrap({ data: { resourceId: 'x' }, status: 'Success' })).toEqual({ resourceId: 'x' });
		expect(unwrap([1])).toEqual([1]);
		expect(keepnetBaseUrl(' https://api.corp.example/api/ ')).toBe('https://api.corp.example');
		expect(keepnetBaseUrl('')).toBe('https://api.keepnetlabs.com');
		const wrapped = {
			message: 'Failed to acquire OAuth2 access token',
			cause: { code: 'EAUTH', body: { error: 'invalid_client' } },
		};
		expect(answerFromError(wrapped)).toEqual({
			statusCode: 400,
			headers: {},
			body: { error: 'invalid_client' },
		});
		expect(answerFromError({ code: 'ECONNRESET' })).toBeUndefined();
		const refusedAfterRefresh = {
			message: 'x',
			cause: {
				response: {
					status: 401,
					headers: { 'WWW-Authenticate': 'Bearer' },
					data: { message: 'expired' },
				},
			},
		};
		expect(answerFromError(refusedAfterRefresh)).toEqual({
			statusCode: 401,
			headers: { 'www-authenticate': 'Bearer' },
			body: { message: 'expired' },
		});
	});

	it('the credential is client credentials against <base>/connect/token, scope api1, form body', () => {
		const credential = new KeepnetOAuth2Api();
		const hidden = Object.fromEntries(
			credential.properties.filter((p) => p.type === 'hidden').map((p) => [p.name, p.default]),
		);
		expect(hidden).toMatchObject({
			grantType: 'clientCredentials',
			scope: 'api1',
			authentication: 'body',
		});
		expect(hidden.accessTokenUrl).toContain('/connect/token');
		expect(credential.extends).toEqual(['keepnetBaseApi', 'oAuth2Api']);
		expect(
			credential.properties.find((p) => p.name === 'clientSecret')?.typeOptions?.password,
		).toBe(true);
		expect(credential.test.request).toMatchObject({
			method: 'POST',
			url: '/api/target-users/search',
		});
		const node = new Keepnet().description;
		expect(node.usableAsTool).toBe(true);
		expect(node.credentials).toEqual([{ name: 'keepnetOAuth2Api', required: true }]);
	});
});
