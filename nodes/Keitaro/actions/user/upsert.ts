import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, type OperationResult } from '../../../shared/operation';
import { requiredString } from '../../../shared/zod-fields';
import {
	findByLogin,
	type KeitaroUser,
	languageOption,
	passwordBody,
	preferencesBody,
	preferencesInput,
	timezoneOption,
	typeProperty,
	userPath,
	userType,
	verifyByLogin,
} from './fields';

export { findByLogin };

const input = z.object({
	login: requiredString('the login'),
	password: z.string().optional().transform((v) => (v === '' ? undefined : v)),
	type: userType.default('USER'),
	additionalFields: preferencesInput,
});

type Input = z.output<typeof input>;

/** What would change on an existing user; empty means nothing to send. */
export function upsertChanges(existing: KeitaroUser, value: Input): IDataObject {
	const body: IDataObject = { ...passwordBody(value.password) };
	if (existing.type !== value.type) body.type = value.type;
	const wanted = preferencesBody(value.additionalFields);
	if (wanted) {
		const current = existing.preferences ?? {};
		const differs = Object.entries(wanted).some(([k, v]) => current[k] !== v);
		if (differs) body.preferences = { ...current, ...wanted };
	}
	return body;
}

export const upsert = defineOperation({
	resource: 'user',
	operation: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a user',
	description: 'Create a user, or update the user with this login if there is one',
	properties: [
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			required: true,
			default: '',
			description: 'Used to find the user (case-insensitive)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Needed to create a user; for an existing user, a password here is set as the new one',
		},
		typeProperty,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [languageOption, timezoneOption],
		},
	],
	input,
	run: async (value, { api, fail }): Promise<OperationResult> => {
		const users = await api.request<KeitaroUser[]>({ method: 'GET', path: '/users' });
		const existing = findByLogin(users, value.login);
		if (existing) {
			const changes = upsertChanges(existing, value);
			if (Object.keys(changes).length === 0) return { json: existing, outcome: 'unchanged' };
			const user = await api.request<KeitaroUser>({ method: 'PUT', path: userPath(existing.id), body: changes });
			return { json: user, outcome: 'updated' };
		}
		if (!value.password) {
			throw fail(`Password (password): is required to create the new user "${value.login}"`, 'Nothing was sent.');
		}
		const body: IDataObject = { login: value.login, type: value.type, ...passwordBody(value.password) };
		const preferences = preferencesBody(value.additionalFields);
		if (preferences) body.preferences = preferences;
		const user = await api.request<KeitaroUser>({ method: 'POST', path: '/users', body, verify: verifyByLogin(value.login) });
		return { json: user, outcome: 'created' };
	},
});
