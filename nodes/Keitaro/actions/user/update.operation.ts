import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { atLeastOneField, optionalPassword, optionalString } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import {
	languageOption,
	passwordBody,
	preferencesBody,
	timezone,
	timezoneOption,
	typeProperty,
	userId,
	userIdProperty,
	userPath,
	userType,
} from '../../helpers/user-fields';

const input = z.object({
	userId,
	updateFields: atLeastOneField(
		z.object({
			login: optionalString,
			password: optionalPassword,
			type: userType.optional(),
			language: z.enum(['en', 'ru']).optional(),
			timezone,
		}),
	),
});

type Input = z.output<typeof input>;

/** The PUT body from the changed fields; preferences are merged onto what the user has. */
export function updateBody(fields: Input['updateFields'], current?: IDataObject): IDataObject {
	const body: IDataObject = { ...passwordBody(fields.password) };
	if (fields.login) body.login = fields.login;
	if (fields.type) body.type = fields.type;
	const changed = preferencesBody({ language: fields.language, timezone: fields.timezone });
	if (changed) body.preferences = { ...(current ?? {}), ...changed };
	return body;
}

const touchesPreferences = (f: Input['updateFields']) => !!(f.language || f.timezone);

export const update = defineOperation({
	resource: 'user',
	operation: 'update',
	name: 'Update',
	action: 'Update a user',
	description: 'Change the login, password, type or preferences of a Keitaro user',
	properties: [
		userIdProperty,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				languageOption,
				{ displayName: 'Login', name: 'login', type: 'string', default: '' },
				{
					displayName: 'Password',
					name: 'password',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					description: 'New password; the confirmation is filled in for you',
				},
				timezoneOption,
				{ ...typeProperty, default: 'USER' },
			],
		},
	],
	input,
	// Preferences are one object in Keitaro: read them first so a changed language keeps the time zone.
	readThenWrite: {
		read: ({ userId: id, updateFields }) =>
			touchesPreferences(updateFields) ? { method: 'GET', path: userPath(id) } : undefined,
		write: (current, { userId: id, updateFields }) => [
			{
				method: 'PUT',
				path: userPath(id),
				body: updateBody(updateFields, current?.preferences as IDataObject | undefined),
			},
		],
	},
});
