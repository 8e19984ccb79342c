import { chatwootOperations, chatwootResources } from '../../nodes/Chatwoot/actions';
import { contactChanges, exactMatches } from '../../nodes/Chatwoot/actions/contact/upsert';
import { contactPage } from '../../nodes/Chatwoot/actions/contact/paging';
import { unwrapContact } from '../../nodes/Chatwoot/actions/contact/fields';
import { createOutcome } from '../../nodes/Chatwoot/actions/platformUser/create';
import { Chatwoot } from '../../nodes/Chatwoot/Chatwoot.node';
import { chatwootBaseUrl, chatwootErrorMessage, chatwootPlatform, chatwootRoot } from '../../nodes/Chatwoot/transport';
import type { Operation } from '../../nodes/shared/operation';

const op = (resource: string, name: string): Operation => {
	const found = chatwootOperations.find((o) => o.resource === resource && o.operation === name);
	if (!found) throw new Error(`no operation ${resource}.${name}`);
	return found;
};

const plan = (resource: string, name: string, raw: Record<string, unknown>) => {
	const parsed = op(resource, name).parse(raw as never);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
	return op(resource, name).plan(parsed.input);
};

const issues = (resource: string, name: string, raw: Record<string, unknown>) => {
	const parsed = op(resource, name).parse(raw as never);
	return parsed.ok ? [] : parsed.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('Chatwoot descriptors (pure parts)', () => {
	it('lists every operation the issue asks for, per resource', () => {
		const names = (resource: string) => chatwootOperations.filter((o) => o.resource === resource).map((o) => o.operation).sort();
		expect(chatwootResources.map((r) => r.value)).toEqual(['platformUser', 'agent', 'contact']);
		expect(names('platformUser')).toEqual(['addToAccount', 'create', 'delete', 'get', 'getLoginLink', 'removeFromAccount', 'update']);
		expect(names('agent')).toEqual(['create', 'delete', 'getAll', 'update']);
		expect(names('contact')).toEqual(['create', 'delete', 'filter', 'get', 'search', 'update', 'upsert']);
	});

	it('the node shows each credential only for its resources', () => {
		const { credentials, usableAsTool } = new Chatwoot().description;
		expect(usableAsTool).toBe(true);
		expect(credentials).toEqual([
			{ name: 'chatwootPlatformApi', required: true, displayOptions: { show: { resource: ['platformUser'] } } },
			{ name: 'chatwootApi', required: true, displayOptions: { show: { resource: ['agent', 'contact'] } } },
		]);
		expect(chatwootPlatform.credentialType('platformUser')).toBe('chatwootPlatformApi');
		expect(chatwootPlatform.credentialType('contact')).toBe('chatwootApi');
	});

	it('base URLs: installation root, with the account from the credential for account resources', () => {
		expect(chatwootRoot(' https://chat.example.com/ ')).toBe('https://chat.example.com');
		expect(chatwootRoot('https://chat.example.com/platform/api/v1')).toBe('https://chat.example.com');
		expect(chatwootRoot('https://chat.example.com/api/v1/accounts/3')).toBe('https://chat.example.com');
		expect(chatwootBaseUrl({ url: 'https://c.test/' }, 'platformUser')).toBe('https://c.test/platform/api/v1');
		expect(chatwootBaseUrl({ url: 'https://c.test', accountId: 7 }, 'contact')).toBe('https://c.test/api/v1/accounts/7');
	});

	it('password rule: 6-128 characters with upper, lower, digit and special', () => {
		const base = { name: 'A', email: 'a@b.test' };
		expect(issues('platformUser', 'create', { ...base, password: 'Passw0rd!' })).toEqual([]);
		expect(issues('platformUser', 'create', { ...base, password: 'Pa0!x' })).toEqual(['password: must be 6 to 128 characters long (it has 5)']);
		expect(issues('platformUser', 'create', { ...base, password: 'PASSWORD0!' })).toEqual(['password: needs a lowercase letter']);
		expect(issues('platformUser', 'create', { ...base, password: 'Password0?' })).toEqual([
			"password: needs a special character (!@#$%^&*()_+-=[]{}|')",
		]);
		expect(issues('platformUser', 'create', { ...base, password: `Aa1!${'x'.repeat(125)}` })).toEqual([
			'password: must be 6 to 128 characters long (it has 129)',
		]);
		expect(issues('platformUser', 'update', { userId: 1, updateFields: { password: 'weakpass' } })).toEqual([
			"updateFields.password: needs an uppercase letter, a digit, a special character (!@#$%^&*()_+-=[]{}|')",
		]);
		expect(issues('platformUser', 'update', { userId: 1, updateFields: {} })).toEqual(['updateFields: set at least one field to change']);
	});

	it('platform user requests', () => {
		expect(plan('platformUser', 'create', { name: ' Ana ', email: 'ana@x.test', password: 'Str0ng!pass', additionalFields: {} })).toEqual([
			{ method: 'POST', path: '/users', body: { name: 'Ana', email: 'ana@x.test', password: 'Str0ng!pass' }, idempotent: true },
		]);
		expect(plan('platformUser', 'getLoginLink', { userId: '5' })).toEqual([{ method: 'GET', path: '/users/5/login' }]);
		expect(plan('platformUser', 'addToAccount', { userId: 5, accountId: 2, role: 'agent' })).toEqual([
			{ method: 'POST', path: '/accounts/2/account_users', body: { user_id: 5, role: 'agent' }, idempotent: true },
		]);
		expect(plan('platformUser', 'removeFromAccount', { userId: 5, accountId: 2 })).toEqual([
			{ method: 'DELETE', path: '/accounts/2/account_users', qs: { user_id: 5 } },
		]);
		expect(issues('platformUser', 'addToAccount', { userId: 5, accountId: 2, role: 'owner' })).toEqual(['role: must be agent or administrator']);
	});

	it('create outcome: existing when the answer does not carry what was sent', () => {
		const body = { name: 'Ana', email: 'a@x.test', custom_attributes: { crm: 'A-1' } };
		expect(createOutcome({ id: 1, name: 'Ana', accounts: [], custom_attributes: { crm: 'A-1' } }, body)).toBe('created');
		expect(createOutcome({ id: 1, name: 'Ana', accounts: [{ id: 1 }], custom_attributes: { crm: 'A-1' } }, body)).toBe('existing');
		expect(createOutcome({ id: 1, name: 'Other', accounts: [] }, body)).toBe('existing');
		expect(createOutcome({ id: 1, name: 'Ana', accounts: [] }, body)).toBe('existing');
	});

	it('agent and contact requests', () => {
		expect(plan('agent', 'update', { agentId: 3, updateFields: { autoOffline: false } })).toEqual([
			{ method: 'PATCH', path: '/agents/3', body: { auto_offline: false }, idempotent: true },
		]);
		expect(plan('contact', 'filter', {
			conditions: { condition: [{ attributeKey: 'city', operator: 'contains', value: 'Kyiv' }, { attributeKey: 'plan', operator: 'equal_to', value: 2 }] },
			match: 'OR',
			returnAll: true,
		})).toEqual([
			{
				method: 'POST',
				path: '/contacts/filter',
				qs: { page: 1 },
				idempotent: true,
				body: {
					payload: [
						{ attribute_key: 'city', filter_operator: 'contains', values: ['Kyiv'], query_operator: 'OR' },
						{ attribute_key: 'plan', filter_operator: 'equal_to', values: ['2'], query_operator: null },
					],
				},
			},
		]);
		expect(issues('contact', 'filter', { conditions: {}, returnAll: true })).toEqual(['conditions: add at least one condition']);
		expect(issues('contact', 'upsert', { matchBy: 'identifier', additionalFields: {} })).toEqual([
			'identifier: is required to match by Identifier',
		]);
		expect(op('contact', 'upsert').plan({} as never)).toBeUndefined();
	});

	it('contact and agent creates carry a lookup that matches the email or identifier exactly', () => {
		const lookupOf = (resource: string, raw: Record<string, unknown>) => {
			const specs = plan(resource, 'create', raw);
			expect(specs).toHaveLength(1);
			return specs![0].verify;
		};
		const byEmail = lookupOf('contact', { fields: { name: 'Mia', email: 'Mia@Shop.test', identifier: 'crm-1' } });
		expect(byEmail?.request).toEqual({ method: 'GET', path: '/contacts/search', qs: { q: 'Mia@Shop.test', page: 1 } });
		const mia = { id: 2, email: 'mia@shop.test' };
		// The search matches substrings: only the exact (case-insensitive) email counts.
		expect(byEmail?.find({ payload: [{ id: 1, email: 'mia@shop.test.au' }, mia] })).toBe(mia);
		expect(byEmail?.find({ payload: [{ id: 1, email: 'amia@shop.test' }] })).toBeUndefined();
		expect(byEmail?.find({ payload: [] })).toBeUndefined();

		const byIdentifier = lookupOf('contact', { fields: { identifier: 'crm-42' } });
		expect(byIdentifier?.request).toEqual({ method: 'GET', path: '/contacts/search', qs: { q: 'crm-42', page: 1 } });
		expect(byIdentifier?.find({ payload: [{ id: 1, identifier: 'crm-421' }, { id: 7, identifier: 'CRM-42' }] })).toEqual({
			id: 7,
			identifier: 'CRM-42',
		});
		expect(byIdentifier?.find({ payload: [{ id: 1, identifier: 'crm-421' }] })).toBeUndefined();

		// Nothing identifies a contact with only a name or phone: no lookup, so a lost answer is not re-sent.
		expect(lookupOf('contact', { fields: { name: 'Mia', phoneNumber: '+15550001111' } })).toBeUndefined();

		const agent = lookupOf('agent', { name: 'Ben', email: 'ben@shop.test', additionalFields: {} });
		expect(agent?.request).toEqual({ method: 'GET', path: '/agents' });
		expect(agent?.find([{ id: 1, email: 'benny@shop.test' }, { id: 2, email: 'Ben@Shop.test' }])).toEqual({ id: 2, email: 'Ben@Shop.test' });
		expect(agent?.find([{ id: 1, email: 'benny@shop.test' }])).toBeUndefined();
	});

	it('contact pages: has_more, else count, else a short page ends the list', () => {
		const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));
		expect(contactPage({ meta: { has_more: true }, payload: items(3) }, 1).hasMore).toBe(true);
		expect(contactPage({ meta: { count: 30, current_page: '2' }, payload: items(15) }, 2).hasMore).toBe(false);
		expect(contactPage({ meta: { count: 31 }, payload: items(15) }, 2).hasMore).toBe(true);
		expect(contactPage({ payload: items(15) }, 1)).toEqual({ items: items(15) });
		expect(contactPage(null, 1)).toEqual({ items: [] });
	});

	it('upsert helpers: exact match on top of substring search; changes only', () => {
		const list = [
			{ id: 1, email: 'joanna@x.test', phone_number: '+15550001', identifier: 'crm-10' },
			{ id: 2, email: 'Anna@X.test', phone_number: '+1555000', identifier: 'crm-1' },
		];
		expect(exactMatches(list, 'email', 'anna@x.test').map((c) => c.id)).toEqual([2]);
		expect(exactMatches(list, 'phone_number', '+1555000').map((c) => c.id)).toEqual([2]);
		expect(exactMatches(list, 'identifier', 'CRM-1')).toEqual([]);
		const existing = { id: 2, name: 'Anna', email: 'Anna@X.test', custom_attributes: { a: 1, b: 2 } };
		expect(contactChanges(existing, { name: 'Anna', email: 'anna@x.test', custom_attributes: { a: 1 }, inbox_id: 4 })).toEqual({});
		expect(contactChanges(existing, { name: 'Ann', custom_attributes: { b: 3 } })).toEqual({ name: 'Ann', custom_attributes: { b: 3 } });
	});

	it('unwraps Chatwoot contact envelopes, dropping an empty contact inbox', () => {
		expect(unwrapContact({ payload: { id: 1 } })).toEqual({ id: 1 });
		expect(unwrapContact({ payload: { contact: { id: 1 }, contact_inbox: { inbox: null, source_id: null } } })).toEqual({ id: 1 });
		expect(unwrapContact({ payload: { contact: { id: 1 }, contact_inbox: { inbox: { id: 2 }, source_id: 's' } } })).toEqual({
			id: 1,
			contact_inbox: { inbox: { id: 2 }, source_id: 's' },
		});
	});

	it('error bodies: {message}, {error}, {errors: []}, and 401s that name the token kind', () => {
		expect(chatwootErrorMessage(422, { message: 'Email has already been taken', attributes: ['email'] }, 'contact')).toBe(
			'Email has already been taken',
		);
		expect(chatwootErrorMessage(404, { error: 'Resource could not be found' }, 'contact')).toBe('Resource could not be found');
		expect(chatwootErrorMessage(400, { errors: [{ field: 'x', message: 'is bad' }, { message: 'also' }] }, 'contact')).toBe('is bad, also');
		expect(chatwootErrorMessage(502, '<html>Bad gateway</html>', 'contact')).toBeUndefined();
		expect(chatwootErrorMessage(401, { error: 'Invalid access_token' }, 'platformUser')).toMatch(/^Invalid access_token\. Platform User operations need a platform app token/);
		expect(chatwootErrorMessage(401, { error: 'Invalid Access Token' }, 'agent')).toMatch(/^Invalid Access Token\. Agent and Contact operations need a user access token/);
		expect(chatwootErrorMessage(401, '', 'agent')).toMatch(/^Unauthorized\. Agent and Contact operations/);
	});
});
