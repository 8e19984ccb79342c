import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { ActivePlatformApi } from '../../../credentials/ActivePlatformApi.credentials';
import { ActivePlatform } from '../../../nodes/ActivePlatform/ActivePlatform.node';
import { userOperations } from '../../../nodes/ActivePlatform/actions/user';
import { verifyAttached } from '../../../nodes/ActivePlatform/actions/user/attachToAccount.operation';
import { listQuery } from '../../../nodes/ActivePlatform/actions/user/getAll.operation';
import { updateForm } from '../../../nodes/ActivePlatform/actions/user/update.operation';
import { upsertChanges } from '../../../nodes/ActivePlatform/actions/user/upsert.operation';
import { listPage } from '../../../nodes/ActivePlatform/helpers/list-page';
import {
	type ActivePlatformUser,
	hasAttributes,
	userForm,
} from '../../../nodes/ActivePlatform/helpers/user-fields';
import { userByEmail, verifyByEmail } from '../../../nodes/ActivePlatform/helpers/user-lookup';
import {
	activePlatformErrorMessage,
	activePlatformPlatform,
} from '../../../nodes/ActivePlatform/transport';
import { maskString } from '../../../nodes/shared/mask';
import { operationsOf } from '../operations';

const { op, parse, issuesOf } = operationsOf(userOperations);

const issues = (name: string, raw: Record<string, unknown>) => {
	const found = issuesOf(name, raw);
	if (found.length === 0) throw new Error('expected invalid input');
	return found.map((i) => ({ path: i.path, message: i.message }));
};

describe('ActivePlatform operations (pure parts)', () => {
	it('create sends the documented form, attributes as repeated bracket pairs, middle name only when given', () => {
		const input = parse('create', {
			firstName: ' John ',
			lastName: 'Doe',
			email: ' john.doe@example.com ',
			password: ' N;T@o;y!4TNqlV',
			additionalFields: {},
			customAttributes: {
				attribute: [
					{ key: 'age', value: 21 },
					{ key: 'crm_id', value: '' },
				],
			},
		});
		const [spec] = op('create').plan(input) ?? [];
		expect(spec).toEqual({
			method: 'POST',
			path: '/api/vendor/v1/users.json',
			form: [
				['first_name', 'John'],
				['last_name', 'Doe'],
				['email', 'john.doe@example.com'],
				// A password is kept as typed, leading space included.
				['password', ' N;T@o;y!4TNqlV'],
				['custom_attributes[][key]', 'age'],
				['custom_attributes[][value]', '21'],
				['custom_attributes[][key]', 'crm_id'],
				['custom_attributes[][value]', ''],
			],
			verify: { request: expect.any(Object), find: expect.any(Function) },
		});
		// A lost answer is checked by searching the exact email.
		expect(spec.verify?.request).toEqual({
			method: 'GET',
			path: '/api/vendor/v1/users.json',
			qs: { 'filters[email]': 'john.doe@example.com', page: 1, per_page: 100 },
		});
	});

	it('the checks after a lost answer find only the exact user, or the exact account link', () => {
		const byEmail = verifyByEmail('anna@example.com');
		expect(
			byEmail?.find([
				{ id: 1, email: 'joanna@example.com' },
				{ id: 2, email: 'ANNA@example.com' },
			]),
		).toEqual({ id: 2, email: 'ANNA@example.com' });
		expect(byEmail?.find({ users: [{ id: 3, email: 'anna@example.com' }] })).toEqual({
			id: 3,
			email: 'anna@example.com',
		});
		expect(byEmail?.find([{ id: 1, email: 'joanna@example.com' }])).toBeUndefined();
		const attached = verifyAttached(5, 9, 'admin');
		expect(attached?.request).toEqual({
			method: 'GET',
			path: '/api/vendor/v1/users/5/accounts.json',
		});
		expect(attached?.find([{ id: 9, role: 'admin' }])).toEqual({});
		expect(attached?.find([{ id: 9 }])).toEqual({});
		expect(attached?.find([{ id: 9, role: 'user' }])).toBeUndefined();
		expect(attached?.find([{ id: 8, role: 'admin' }])).toBeUndefined();
	});

	it('create names every missing or wrong field', () => {
		expect(issues('create', { firstName: '', lastName: 'Doe', email: '', password: '' })).toEqual([
			{ path: ['firstName'], message: 'is required' },
			{ path: ['email'], message: 'is required' },
			{ path: ['password'], message: 'is required' },
		]);
		expect(
			issues('create', { firstName: 'J', lastName: 'D', email: 'nope', password: 'x' }),
		).toEqual([{ path: ['email'], message: 'is not a valid email address' }]);
		expect(
			issues('create', {
				firstName: 'J',
				lastName: 'D',
				email: 'a@b.co',
				password: 'x',
				customAttributes: { attribute: [{ key: ' ', value: '1' }] },
			}),
		).toEqual([{ path: ['customAttributes', 'attribute', 0, 'key'], message: 'is required' }]);
	});

	it('get, attach, detach and the account lists build the documented paths and queries', () => {
		expect(op('get').plan(parse('get', { userId: '2021053' }))).toEqual([
			{ method: 'GET', path: '/api/vendor/v1/users/2021053.json' },
		]);
		expect(
			op('attachToAccount').plan(parse('attachToAccount', { userId: 5, accountId: '9' })),
		).toEqual([
			{
				method: 'POST',
				path: '/api/v2/vendor/account_accesses.json',
				qs: { account_id: 9, user_id: 5, role: 'user' },
				verify: {
					request: { method: 'GET', path: '/api/vendor/v1/users/5/accounts.json' },
					find: expect.any(Function),
				},
			},
		]);
		expect(
			op('detachFromAccount').plan(parse('detachFromAccount', { userId: 5, accountId: 9 })),
		).toEqual([
			{
				method: 'DELETE',
				path: '/api/v2/vendor/account_accesses/detach.json',
				qs: { account_id: 9, user_id: 5 },
			},
		]);
		expect(op('getAccounts').plan(parse('getAccounts', { userId: 5 }))).toEqual([
			{ method: 'GET', path: '/api/vendor/v1/users/5/accounts.json' },
		]);
		expect(op('getAccountUsers').plan(parse('getAccountUsers', { accountId: 9 }))).toEqual([
			{ method: 'GET', path: '/api/vendor/v1/accounts/9/users.json' },
		]);
		expect(issues('attachToAccount', { userId: 5, accountId: 9, role: 'root' })).toEqual([
			{ path: ['role'], message: 'must be user, admin or owner' },
		]);
		expect(op('get').parse({ userId: 0 }).ok).toBe(false);
		expect(op('get').parse({ userId: 'seven' }).ok).toBe(false);
	});

	it('get many: filters and sorting as bracketed keys; per_page is the smaller of page size and limit', () => {
		const input = parse('getAll', {
			returnAll: false,
			limit: 10,
			filters: {
				email: 'anna',
				status: 'inactive',
				createdAt: '2024-05-01',
				updatedAt: '2024-05-02T10:00:00+03:00',
			},
			listOptions: { sortField: 'created_at', sortReversed: false, pageSize: 100 },
		});
		expect(op('getAll').plan(input)).toEqual([
			{
				method: 'GET',
				path: '/api/vendor/v1/users.json',
				qs: {
					'filters[email]': 'anna',
					'filters[status]': 'inactive',
					'filters[created_at]': '2024-05-01',
					'filters[updated_at]': '2024-05-02T10:00:00+03:00',
					'sorting[field]': 'created_at',
					'sorting[reversed]': 'false',
					page: 1,
					per_page: 10,
				},
			},
		]);
		expect(listQuery({ filters: {}, listOptions: { sortReversed: true, pageSize: 100 } })).toEqual(
			{},
		);
		expect(issues('getAll', { returnAll: true, filters: { createdAt: 'last week' } })).toEqual([
			{
				path: ['filters', 'createdAt'],
				message: 'must be a date such as 2024-05-31 (a time may follow)',
			},
		]);
		expect(issues('getAll', { returnAll: true, filters: { status: 'blocked' } })[0].path).toEqual([
			'filters',
			'status',
		]);
		expect(
			issues('getAll', { returnAll: true, listOptions: { sortField: 'password' } })[0].path,
		).toEqual(['listOptions', 'sortField']);
	});

	it('list answers: a bare array, an envelope with metadata, or no list at all', () => {
		const users = [{ id: 1 }, { id: 2 }];
		expect(listPage(users)).toEqual({ items: users });
		expect(listPage({ users, meta: { total_pages: 3 } }, 2)).toEqual({
			items: users,
			hasMore: true,
		});
		expect(listPage({ users, meta: { total_pages: 3 } }, 3)).toEqual({
			items: users,
			hasMore: false,
		});
		expect(listPage({ data: users, total_count: 4 }, 2, 2)).toEqual({
			items: users,
			hasMore: false,
		});
		expect(listPage({ records: users, pagination: { next_page: null } })).toEqual({
			items: users,
			hasMore: false,
		});
		expect(listPage({ anything: users }).items).toEqual(users);
		expect(listPage({ error: 'x' })).toEqual({ items: [], hasMore: undefined });
		expect(listPage('nope')).toEqual({ items: [] });
	});

	it('update sends only given fields, never the email, and needs at least one change', () => {
		const input = parse('update', {
			userId: 3,
			updateFields: { email: 'a@b.co', middleName: 'M', password: 'p w' },
			customAttributes: { attribute: [{ key: 'age', value: '5' }] },
		});
		expect(updateForm(input as never)).toEqual([
			['middle_name', 'M'],
			['password', 'p w'],
			['custom_attributes[][key]', 'age'],
			['custom_attributes[][value]', '5'],
		]);
		expect(
			op('update')
				.plan(input)
				?.map((s) => `${s.method} ${s.path}`),
		).toEqual(['GET /api/vendor/v1/users/3.json', 'PUT /api/vendor/v1/users/3.json']);
		expect(issues('update', { userId: 3, updateFields: { firstName: '  ' } })).toEqual([
			{ path: ['updateFields'], message: 'set at least one field or custom attribute to change' },
		]);
	});

	it('upsert matches the email exactly (case-insensitive) and sends only real changes', () => {
		const users = [
			{ id: 1, email: 'joanna@example.com' },
			{
				id: 2,
				email: 'Anna@Example.com',
				first_name: 'Anna',
				middle_name: '',
				last_name: 'B',
				custom_attributes: [{ name: 'CRM ID', value: '7' }],
			},
		] as ActivePlatformUser[];
		const [existing, ...more] = userByEmail.match(users, { email: 'anna@example.com' });
		expect(existing.id).toBe(2);
		expect(more).toEqual([]);
		expect(userByEmail.match(users, { email: 'nna@example.com' })).toEqual([]);
		const same = parse('upsert', {
			email: 'anna@example.com',
			firstName: 'Anna',
			customAttributes: { attribute: [{ key: 'crm_id', value: '7' }] },
		});
		expect(upsertChanges(existing, same as never)).toEqual({ fields: {}, attributes: [] });
		const changed = parse('upsert', {
			email: 'anna@example.com',
			lastName: 'C',
			password: 'new-pass',
			customAttributes: { attribute: [{ key: 'crm_id', value: '8' }] },
		});
		expect(upsertChanges(existing, changed as never)).toEqual({
			fields: { lastName: 'C', password: 'new-pass' },
			attributes: [{ key: 'crm_id', value: '8' }],
		});
		expect(hasAttributes({ id: 1 }, [{ key: 'age', value: '1' }])).toBe(false);
		expect(userForm({}, [])).toEqual([]);
	});

	it("reads ActivePlatform's error bodies, trimming its trailing spaces", () => {
		expect(activePlatformErrorMessage({ error: 'password is missing' })).toBe(
			'password is missing',
		);
		expect(activePlatformErrorMessage({ error: "Couldn't find User with 'id'=2006106 " })).toBe(
			"Couldn't find User with 'id'=2006106",
		);
		expect(activePlatformErrorMessage({ error: { message: 'nested' } })).toBe('nested');
		expect(activePlatformErrorMessage({ errors: ['a', 'b'] })).toBe('a; b');
		expect(activePlatformErrorMessage({ errors: { email: ['is taken'] } })).toBe('email: is taken');
		expect(activePlatformErrorMessage('Forbidden')).toBe('Forbidden');
		expect(activePlatformErrorMessage('<html><body>oops</body></html>')).toBeUndefined();
		expect(activePlatformErrorMessage(null)).toBeUndefined();
		expect(activePlatformPlatform.errorHint?.(401, {}, 'user')).toMatch(
			/^A manager's token is made in the Operator Control Panel/,
		);
		expect(activePlatformPlatform.errorHint?.(404, {}, 'user')).toBeUndefined();
	});

	it('the token is masked in URLs and texts, by name and by value', () => {
		const token = 'tok-1234567890';
		expect(activePlatformPlatform.authEcho('user')).toEqual({ qs: { api_token: '***' } });
		expect(maskString(`GET /api/vendor/v1/users.json?page=2&api_token=${token}&per_page=5`)).toBe(
			'GET /api/vendor/v1/users.json?page=2&api_token=***&per_page=5',
		);
		expect(maskString(`token was ${token}`, [token])).toBe('token was ***');
		expect(activePlatformPlatform.secretCredentialFields).toEqual(['apiToken']);
	});
});

describe('ActivePlatform node and credential descriptions', () => {
	const node = new ActivePlatform().description;
	const credential = new ActivePlatformApi();

	it('the node is usable as a tool, uses the credential, and offers every operation', () => {
		expect(node.name).toBe('activePlatform');
		expect(node.usableAsTool).toBe(true);
		expect(node.credentials).toEqual([{ name: 'activePlatformApi', required: true }]);
		const operation = node.properties.find((p) => p.name === 'operation');
		expect((operation?.options as Array<{ value: string }>).map((o) => o.value).sort()).toEqual([
			'attachToAccount',
			'create',
			'detachFromAccount',
			'get',
			'getAccountUsers',
			'getAccounts',
			'getAll',
			'sync',
			'update',
			'upsert',
		]);
		// Every password parameter is hidden as typed.
		const passwords = node.properties.filter((p) => p.name === 'password');
		expect(passwords.length).toBe(3);
		expect(passwords.every((p) => p.typeOptions?.password === true)).toBe(true);
	});

	it('the codex has categories and Russian / Ukrainian aliases', () => {
		const codex = JSON.parse(
			readFileSync(
				join(__dirname, '../../../nodes/ActivePlatform/ActivePlatform.node.json'),
				'utf8',
			),
		) as {
			node: string;
			categories: string[];
			alias: string[];
		};
		expect(codex.node).toBe('n8n-nodes-user-provisioning.activePlatform');
		expect(codex.categories.length).toBeGreaterThan(0);
		expect(codex.alias).toEqual(
			expect.arrayContaining(['АктивПлатформ', 'Пользователь', 'Користувач']),
		);
	});

	it('the credential sends the token as api_token in the query and tests it on the users list', async () => {
		expect(credential.name).toBe('activePlatformApi');
		const authenticate = credential.authenticate as (
			c: ICredentialDataDecryptedObject,
			r: IHttpRequestOptions,
		) => Promise<IHttpRequestOptions>;
		expect(await authenticate({ apiToken: 'tok-123' }, { url: '/x', qs: { page: 2 } })).toEqual({
			url: '/x',
			qs: { page: 2, api_token: 'tok-123' },
		});
		expect(credential.properties.find((p) => p.name === 'apiToken')?.typeOptions).toEqual({
			password: true,
		});
		expect(credential.test.request).toMatchObject({
			url: '/api/vendor/v1/users.json',
			method: 'GET',
		});
		expect(credential.icon).toBe('file:../nodes/ActivePlatform/activeplatform.svg');
		expect(credential.documentationUrl).toMatch(/#activeplatform$/);
	});
});
