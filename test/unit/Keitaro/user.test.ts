import { userOperations } from '../../../nodes/Keitaro/actions/user';
import { createBody } from '../../../nodes/Keitaro/actions/user/create.operation';
import { matchesFilters } from '../../../nodes/Keitaro/actions/user/getAll.operation';
import { updateBody } from '../../../nodes/Keitaro/actions/user/update.operation';
import { accessBody } from '../../../nodes/Keitaro/actions/user/updateAccess.operation';
import { upsertChanges } from '../../../nodes/Keitaro/actions/user/upsert.operation';
import { findByLogin, type KeitaroUser } from '../../../nodes/Keitaro/helpers/user-fields';
import { keitaroBaseUrl, keitaroErrorMessage } from '../../../nodes/Keitaro/transport';
import { operationsOf } from '../operations';

const filterUsers = (users: KeitaroUser[], filters: Parameters<typeof matchesFilters>[1]) =>
	users.filter((u) => matchesFilters(u, filters));

const { op, parse } = operationsOf(userOperations);

describe('Keitaro operations (pure parts)', () => {
	it('create (fields) sends the four required fields, confirmation from the one password', () => {
		const input = parse('create', {
			inputMode: 'fields',
			login: ' buyer.anna ',
			password: 'S3cret-pass',
			type: 'USER',
			additionalFields: { language: 'en', timezone: 'Europe/Kyiv' },
		});
		const [spec] = op('create').plan(input) ?? [];
		expect(spec).toEqual({
			method: 'POST',
			path: '/users',
			body: {
				login: 'buyer.anna',
				type: 'USER',
				new_password: 'S3cret-pass',
				new_password_confirmation: 'S3cret-pass',
				preferences: { language: 'en', timezone: 'Europe/Kyiv' },
			},
			verify: { request: { method: 'GET', path: '/users' }, find: expect.any(Function) },
		});
		// After a lost answer, the create is checked by looking for the login in the user list.
		expect(spec.verify?.find([{ id: 4, login: 'Buyer.Anna' }])).toEqual({
			id: 4,
			login: 'Buyer.Anna',
		});
		expect(spec.verify?.find([{ id: 5, login: 'someone' }])).toBeUndefined();
	});

	it('create (JSON) keeps the user data, fills the confirmation and a default type', () => {
		const input = parse('create', {
			inputMode: 'json',
			userData: '{"login":"x","new_password":"p1","preferences":{"language":"ru"}}',
		});
		expect(createBody(input as never)).toEqual({
			type: 'USER',
			login: 'x',
			new_password: 'p1',
			new_password_confirmation: 'p1',
			preferences: { language: 'ru' },
		});
	});

	it('create rejects a missing login, a bad type and broken JSON, naming the field', () => {
		const missing = op('create').parse({
			inputMode: 'fields',
			login: '',
			password: 'x',
			type: 'USER',
		});
		expect(missing.ok).toBe(false);
		if (!missing.ok)
			expect(missing.issues[0]).toMatchObject({ path: ['login'], message: 'is required' });
		const badType = op('create').parse({
			inputMode: 'fields',
			login: 'a',
			password: 'x',
			type: 'ROOT',
		});
		expect(!badType.ok && badType.issues[0]).toMatchObject({
			path: ['type'],
			message: 'must be USER or ADMIN',
		});
		const broken = op('create').parse({ inputMode: 'json', userData: '{"login": ' });
		expect(!broken.ok && broken.issues[0].path).toEqual(['userData']);
		expect(!broken.ok && broken.issues[0].message).toMatch(/^is not valid JSON/);
		const noPassword = op('create').parse({ inputMode: 'json', userData: { login: 'a' } });
		expect(!noPassword.ok && noPassword.issues[0].message).toBe('needs "new_password" (text)');
	});

	it('get, delete: numeric ids also from text; zero and words are rejected', () => {
		expect(op('get').plan(parse('get', { userId: '42' }))).toEqual([
			{ method: 'GET', path: '/users/42' },
		]);
		expect(op('delete').plan(parse('delete', { userId: 7 }))).toEqual([
			{ method: 'DELETE', path: '/users/7' },
		]);
		expect(op('get').parse({ userId: 0 }).ok).toBe(false);
		expect(op('get').parse({ userId: 'seven' }).ok).toBe(false);
	});

	it('get many filters by login substring, type and state in the node', () => {
		const users = [
			{ id: 1, login: 'Buyer.Anna', type: 'USER', state: 'active' },
			{ id: 2, login: 'buyer.bob', type: 'ADMIN', state: 'active' },
			{ id: 3, login: 'carol', type: 'USER', state: 'deleted' },
		] as KeitaroUser[];
		expect(filterUsers(users, { login: 'BUYER' }).map((u) => u.id)).toEqual([1, 2]);
		expect(filterUsers(users, { type: 'USER' }).map((u) => u.id)).toEqual([1, 3]);
		expect(filterUsers(users, { state: 'deleted' }).map((u) => u.id)).toEqual([3]);
		expect(filterUsers(users, {}).map((u) => u.id)).toEqual([1, 2, 3]);
	});

	it('update sends only changed fields, merges preferences, and needs at least one field', () => {
		expect(updateBody({ password: 'n3w', type: 'ADMIN' } as never)).toEqual({
			new_password: 'n3w',
			new_password_confirmation: 'n3w',
			type: 'ADMIN',
		});
		expect(updateBody({ language: 'ru' } as never, { language: 'en', timezone: 'UTC' })).toEqual({
			preferences: { language: 'ru', timezone: 'UTC' },
		});
		const empty = op('update').parse({ userId: 3, updateFields: {} });
		expect(!empty.ok && empty.issues[0]).toMatchObject({
			path: ['updateFields'],
			message: 'set at least one field to change',
		});
	});

	it('update access lays the given types over the current access data', () => {
		const input = parse('updateAccess', {
			userId: 5,
			accessTypes: { campaigns_access_type: 'read_only' },
			resources: 'campaigns, offers',
			reports: '',
			listMode: 'keep',
		});
		expect(
			accessBody(input as never, {
				campaigns_access_type: 'full_access',
				offers_access_type: 'full_access',
				reports: ['r1'],
				allowed_resources: ['x'],
			}),
		).toEqual({
			access_data: {
				campaigns_access_type: 'read_only',
				offers_access_type: 'full_access',
				resources: ['campaigns', 'offers'],
				reports: ['r1'],
			},
		});
		const bad = op('updateAccess').parse({
			userId: 5,
			accessTypes: { campaigns_access_type: 'everything' },
		});
		expect(!bad.ok && bad.issues[0].path).toEqual(['accessTypes', 'campaigns_access_type']);
		const nothing = op('updateAccess').parse({
			userId: 5,
			accessTypes: {},
			resources: '',
			reports: '',
		});
		expect(nothing.ok).toBe(false);
	});

	it('upsert finds the login case-insensitively and sends only real changes', () => {
		const users = [
			{ id: 9, login: 'Anna', type: 'USER', preferences: { language: 'en', timezone: 'UTC' } },
		] as KeitaroUser[];
		const existing = findByLogin(users, 'anna');
		expect(existing?.id).toBe(9);
		const same = parse('upsert', {
			login: 'anna',
			type: 'USER',
			additionalFields: { language: 'en' },
		});
		expect(upsertChanges(existing as KeitaroUser, same as never)).toEqual({});
		const changed = parse('upsert', {
			login: 'anna',
			type: 'ADMIN',
			additionalFields: { timezone: 'Europe/Kyiv' },
		});
		expect(upsertChanges(existing as KeitaroUser, changed as never)).toEqual({
			type: 'ADMIN',
			preferences: { language: 'en', timezone: 'Europe/Kyiv' },
		});
	});

	it('reads Keitaro error bodies: {"error"} and the 406 field map', () => {
		expect(keitaroErrorMessage(401, { error: 'Access denied' })).toBe('Access denied');
		expect(
			keitaroErrorMessage(406, {
				login: ['Login already exists'],
				new_password: ['Too short', 'Needs a digit'],
			}),
		).toBe('login: Login already exists, new_password: Too short; Needs a digit');
		expect(keitaroErrorMessage(500, 'upstream exploded')).toBe('upstream exploded');
		expect(keitaroErrorMessage(500, null)).toBeUndefined();
	});

	it('accepts the tracker URL with or without the API path', () => {
		expect(keitaroBaseUrl('https://t.example.com/')).toBe('https://t.example.com/admin_api/v1');
		expect(keitaroBaseUrl('https://t.example.com/admin_api/v1/')).toBe(
			'https://t.example.com/admin_api/v1',
		);
	});
});
