import type { INodeProperties } from 'n8n-workflow';

import { platformUserOperations } from '../../../nodes/Chatwoot/actions/platformUser';
import { createOutcome } from '../../../nodes/Chatwoot/actions/platformUser/create.operation';
import { CHATWOOT_PASSWORD, passwordHint } from '../../../nodes/Chatwoot/helpers/password';
import { operationsOf } from '../operations';

const { op, parse, issuesOf } = operationsOf(platformUserOperations, 'platformUser');
const issues = (name: string, raw: Record<string, unknown>) =>
	issuesOf(name, raw).map((i) => `${i.path.join('.')}: ${i.message}`);
const plan = (name: string, raw: Record<string, unknown>) => op(name).plan(parse(name, raw));

describe('Chatwoot platform users (pure parts)', () => {
	it('password rule: 6-128 characters with upper, lower, digit and special', () => {
		const base = { name: 'A', email: 'a@b.test' };
		expect(issues('create', { ...base, password: 'Passw0rd!' })).toEqual([]);
		expect(issues('create', { ...base, password: 'Pa0!x' })).toEqual([
			'password: must be 6 to 128 characters long (it has 5)',
		]);
		expect(issues('create', { ...base, password: 'PASSWORD0!' })).toEqual([
			'password: needs a lowercase letter',
		]);
		expect(issues('create', { ...base, password: 'Password0?' })).toEqual([
			"password: needs a special character (!@#$%^&*()_+-=[]{}|')",
		]);
		expect(issues('create', { ...base, password: `Aa1!${'x'.repeat(125)}` })).toEqual([
			'password: must be 6 to 128 characters long (it has 129)',
		]);
		expect(issues('update', { userId: 1, updateFields: { password: 'weakpass' } })).toEqual([
			"updateFields.password: needs an uppercase letter, a digit, a special character (!@#$%^&*()_+-=[]{}|')",
		]);
		// An empty new password means "no change", not a weak password.
		expect(issues('update', { userId: 1, updateFields: { password: '', name: 'Ann' } })).toEqual(
			[],
		);
		expect(issues('update', { userId: 1, updateFields: {} })).toEqual([
			'updateFields: set at least one field to change',
		]);
	});

	it('the rule is data: the password fields describe it from the same rule', () => {
		expect(CHATWOOT_PASSWORD).toEqual({
			min: 6,
			max: 128,
			upper: true,
			lower: true,
			digit: true,
			special: "!@#$%^&*()_+-=[]{}|'",
		});
		expect(passwordHint).toBe(
			"6 to 128 characters with an uppercase letter, a lowercase letter, a digit and a special character (!@#$%^&*()_+-=[]{}|')",
		);
		expect(op('create').properties.find((p) => p.name === 'password')?.description).toBe(
			passwordHint,
		);
		const updateFields = op('update').properties.find((p) => p.name === 'updateFields')
			?.options as INodeProperties[];
		expect(updateFields.find((o) => o.name === 'password')?.description).toBe(passwordHint);
	});

	it('emails: the shared rule, one problem at a time', () => {
		expect(issues('create', { name: 'A', email: ' ', password: 'Passw0rd!' })).toEqual([
			'email: is required',
		]);
		expect(issues('create', { name: 'A', email: 'ana@', password: 'Passw0rd!' })).toEqual([
			'email: is not a valid email address',
		]);
		expect(issues('update', { userId: 1, updateFields: { email: 'ana@' } })).toEqual([
			'updateFields.email: is not a valid email address',
		]);
		expect(
			plan('update', { userId: 1, updateFields: { email: ' ana@x.test ', password: '' } }),
		).toEqual([
			{ method: 'PATCH', path: '/users/1', body: { email: 'ana@x.test' }, idempotent: true },
		]);
	});

	it('platform user requests', () => {
		expect(
			plan('create', {
				name: ' Ana ',
				email: 'ana@x.test',
				password: 'Str0ng!pass',
				additionalFields: {},
			}),
		).toEqual([
			{
				method: 'POST',
				path: '/users',
				body: { name: 'Ana', email: 'ana@x.test', password: 'Str0ng!pass' },
				idempotent: true,
			},
		]);
		expect(plan('getLoginLink', { userId: '5' })).toEqual([
			{ method: 'GET', path: '/users/5/login' },
		]);
		expect(plan('addToAccount', { userId: 5, accountId: 2, role: 'agent' })).toEqual([
			{
				method: 'POST',
				path: '/accounts/2/account_users',
				body: { user_id: 5, role: 'agent' },
				idempotent: true,
			},
		]);
		expect(plan('removeFromAccount', { userId: 5, accountId: 2 })).toEqual([
			{ method: 'DELETE', path: '/accounts/2/account_users', qs: { user_id: 5 } },
		]);
		expect(issues('addToAccount', { userId: 5, accountId: 2, role: 'owner' })).toEqual([
			'role: must be agent or administrator',
		]);
	});

	it('create outcome: existing when the answer does not carry what was sent', () => {
		const body = { name: 'Ana', email: 'a@x.test', custom_attributes: { crm: 'A-1' } };
		expect(
			createOutcome({ id: 1, name: 'Ana', accounts: [], custom_attributes: { crm: 'A-1' } }, body),
		).toBe('created');
		expect(
			createOutcome(
				{ id: 1, name: 'Ana', accounts: [{ id: 1 }], custom_attributes: { crm: 'A-1' } },
				body,
			),
		).toBe('existing');
		expect(createOutcome({ id: 1, name: 'Other', accounts: [] }, body)).toBe('existing');
		expect(createOutcome({ id: 1, name: 'Ana', accounts: [] }, body)).toBe('existing');
	});
});
