import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { optionalString, positiveId } from '../../../shared/zod-fields';
import {
	type KeitaroUser,
	languageOption,
	passwordBody,
	preferencesBody,
	timezone,
	timezoneOption,
	typeProperty,
	userIdProperty,
	userPath,
	userType,
} from './fields';

const input = z.object({
	userId: positiveId,
	updateFields: z
		.object({
			login: optionalString,
			password: z.string().optional().transform((v) => (v === '' ? undefined : v)),
			type: userType.optional(),
			language: z.enum(['en', 'ru']).optional(),
			timezone,
		})
		.refine((f) => Object.values(f).some((v) => v !== undefined), {
			message: 'set at least one field to change',
		}),
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
	run: async ({ userId, updateFields }, { api }) => {
		let current: IDataObject | undefined;
		if (touchesPreferences(updateFields)) {
			const user = await api.request<KeitaroUser>({ method: 'GET', path: userPath(userId) });
			current = user.preferences;
		}
		const user = await api.request<KeitaroUser>({
			method: 'PUT',
			path: userPath(userId),
			body: updateBody(updateFields, current),
		});
		return { json: user };
	},
	plan: ({ userId, updateFields }) => [
		...(touchesPreferences(updateFields) ? [{ method: 'GET' as const, path: userPath(userId) }] : []),
		{ method: 'PUT', path: userPath(userId), body: updateBody(updateFields) },
	],
});
