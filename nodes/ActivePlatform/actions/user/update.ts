import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { optionalString, positiveId } from '../../../shared/zod-fields';
import {
	type ActivePlatformUser,
	customAttributesInput,
	customAttributesProperty,
	optionalPassword,
	sameEmail,
	userForm,
	userIdProperty,
	userPath,
} from './fields';

const input = z
	.object({
		userId: positiveId,
		updateFields: z
			.object({
				firstName: optionalString,
				middleName: optionalString,
				lastName: optionalString,
				email: optionalString,
				password: optionalPassword,
			})
			.default({}),
		customAttributes: customAttributesInput,
	})
	.refine((v) => Object.values(v.updateFields).some((f) => f !== undefined) || v.customAttributes.length > 0, {
		message: 'set at least one field or custom attribute to change',
		path: ['updateFields'],
	});

type Input = z.output<typeof input>;

/** The PUT form: email is never part of it, the API has no way to change it. */
export function updateForm(value: Input): Array<[string, string]> {
	const { firstName, middleName, lastName, password } = value.updateFields;
	return userForm({ firstName, middleName, lastName, password }, value.customAttributes);
}

export const update = defineOperation({
	resource: 'user',
	operation: 'update',
	name: 'Update',
	action: 'Update a user',
	description: 'Change the name, password or custom attributes of a user (the email cannot be changed)',
	properties: [
		userIdProperty,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
					description:
						"ActivePlatform cannot change a user's email (the login). If set, it is checked against the user's email: the same email is fine, another one stops with an error.",
				},
				{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
				{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
				{ displayName: 'Middle Name', name: 'middleName', type: 'string', default: '' },
				{
					displayName: 'Password',
					name: 'password',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					description: 'New password; must meet the Password settings of the Operator Control Panel',
				},
			],
		},
		customAttributesProperty,
	],
	input,
	run: async (value, { api, fail }) => {
		const form = updateForm(value);
		const wanted = value.updateFields.email;
		if (wanted !== undefined) {
			// Users often map every column of a source into Update; an unchanged email is no change.
			const current = await api.request<ActivePlatformUser>({ method: 'GET', path: userPath(value.userId) });
			if (!sameEmail(current.email, wanted)) {
				throw fail(
					`Email cannot be changed: ActivePlatform's API has no way to change a user's email (the login). User ${value.userId} has "${String(current.email ?? '')}", not "${wanted}".`,
					'Nothing was changed. Leave Email empty, or create a new user with the new email.',
				);
			}
			if (form.length === 0) return { json: current, outcome: 'unchanged' };
		}
		const user = await api.request<ActivePlatformUser>({ method: 'PUT', path: userPath(value.userId), form });
		return { json: user, outcome: 'updated' };
	},
	plan: (value) => [
		...(value.updateFields.email !== undefined ? [{ method: 'GET' as const, path: userPath(value.userId) }] : []),
		{ method: 'PUT', path: userPath(value.userId), form: updateForm(value) },
	],
});
