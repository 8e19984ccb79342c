import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { optionalPassword, optionalString, requiredString } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import type { FieldChange } from '../../../shared/patterns/sync';
import {
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
	verifyByLogin,
} from '../../helpers/user-fields';

const input = z.object({
	login: requiredString('the login'),
	password: optionalPassword,
	type: userType.default('USER'),
	additionalFields: preferencesInput,
	scope: z.object({ loginPrefix: optionalString }).default({}),
});

type Input = z.output<typeof input>;

/** The fields a sync compares; a password cannot be read back, so it is only set on create. */
export function syncChanges(existing: KeitaroUser, wanted: Input): FieldChange[] {
	const changes: FieldChange[] = [];
	if ((existing.type ?? 'USER') !== wanted.type)
		changes.push({ field: 'type', before: existing.type, after: wanted.type });
	const preferences = existing.preferences ?? {};
	for (const [field, value] of Object.entries(preferencesBody(wanted.additionalFields) ?? {})) {
		if (preferences[field] !== value)
			changes.push({ field, before: preferences[field], after: value });
	}
	return changes;
}

const inScope = (user: KeitaroUser, { scope }: Input) =>
	(user.state ?? 'active') !== 'deleted' &&
	(!scope.loginPrefix ||
		String(user.login ?? '')
			.toLowerCase()
			.startsWith(scope.loginPrefix.toLowerCase()));

export const sync = defineOperation({
	resource: 'user',
	operation: 'sync',
	name: 'Sync',
	action: 'Sync users with a list',
	description:
		'Make the users match the input items: plan first, then create, update and (if asked) delete',
	properties: [
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. {{ $json.login }}',
			description: 'The login of the wanted user (matched case-insensitively)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Needed to create a user; existing users keep theirs (a password cannot be read back to compare)',
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
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'collection',
			placeholder: 'Add Scope Filter',
			default: {},
			description: 'Only users in scope are compared, and only they can be removed',
			options: [
				{
					displayName: 'Login Starts With',
					name: 'loginPrefix',
					type: 'string',
					default: '',
					placeholder: 'e.g. media.',
					description: 'Only users whose login starts with this (case-insensitive)',
				},
			],
		},
	],
	input,
	sync: {
		what: 'user',
		defaultKey: 'login',
		keys: {
			login: {
				label: 'Login',
				desired: (i) => i.login,
				existing: (u) => String(u.login ?? ''),
				normalise: (v) => v.toLowerCase(),
			},
		},
		list: {
			by: 'single',
			what: 'users',
			request: () => listUsersRequest,
			read: (body) => ({ items: Array.isArray(body) ? (body as IDataObject[]) : [] }),
		},
		inScope: (user, settings) => inScope(user as KeitaroUser, settings),
		changes: (existing, wanted) => syncChanges(existing as KeitaroUser, wanted),
		update: (existing, wanted) => {
			const user = existing as KeitaroUser;
			const body: IDataObject = {};
			if ((user.type ?? 'USER') !== wanted.type) body.type = wanted.type;
			const preferences = preferencesBody(wanted.additionalFields);
			if (
				preferences &&
				Object.entries(preferences).some(([k, v]) => (user.preferences ?? {})[k] !== v)
			) {
				body.preferences = { ...(user.preferences ?? {}), ...preferences };
			}
			return Object.keys(body).length ? [{ method: 'PUT', path: userPath(user.id), body }] : [];
		},
		requiredToCreate: ({ password }) => [['Password (password)', password]],
		create: (wanted) => {
			const body: IDataObject = {
				login: wanted.login,
				type: wanted.type,
				...passwordBody(wanted.password),
			};
			const preferences = preferencesBody(wanted.additionalFields);
			if (preferences) body.preferences = preferences;
			return { method: 'POST', path: '/users', body, verify: verifyByLogin(wanted.login) };
		},
		removals: {
			delete: {
				name: 'Delete',
				description: 'Delete users that are not in the input (cannot be undone)',
				requests: (user) => [{ method: 'DELETE', path: userPath(Number(user.id)) }],
			},
		},
		id: (user) => Number(user.id),
		name: (user) => String(user.login ?? ''),
	},
});
