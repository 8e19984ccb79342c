import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { optionalPassword, requiredString } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import {
	findByLogin,
	type KeitaroUser,
	languageOption,
	listUsersRequest,
	passwordBody,
	preferencesBody,
	preferencesInput,
	timezoneOption,
	typeProperty,
	userPath,
	userType,
} from '../../helpers/user-fields';

const input = z.object({
	login: requiredString('the login'),
	password: optionalPassword,
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
			description:
				'Needed to create a user; for an existing user, a password here is set as the new one',
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
	upsert: {
		what: 'user',
		key: ({ login }) => `"${login}"`,
		find: {
			request: () => listUsersRequest,
			match: (body, { login }) => {
				const user = findByLogin(body, login);
				return user ? [user] : [];
			},
		},
		update: (existing, value) => {
			const changes = upsertChanges(existing as KeitaroUser, value);
			return Object.keys(changes).length
				? [{ method: 'PUT', path: userPath(Number(existing.id)), body: changes }]
				: [];
		},
		requiredToCreate: ({ password }) => [['Password (password)', password]],
		create: (value) => {
			const body: IDataObject = {
				login: value.login,
				type: value.type,
				...passwordBody(value.password),
			};
			const preferences = preferencesBody(value.additionalFields);
			if (preferences) body.preferences = preferences;
			return { method: 'POST', path: '/users', body };
		},
	},
});
