import { z } from 'zod';

import { isGiven, optionalPassword, optionalString, positiveId } from '../../../shared/checks';
import { asObject, defineOperation, OperationFailure } from '../../../shared/operation';
import { userPath } from '../../helpers/paths';
import {
	customAttributesInput,
	customAttributesProperty,
	userForm,
	userIdProperty,
} from '../../helpers/user-fields';
import { sameEmail } from '../../helpers/user-lookup';

const input = z
	.object({
		userId: positiveId,
		updateFields: z
			.object({
				firstName: optionalString,
				middleName: optionalString,
				lastName: optionalString,
				// Only compared with the email the user has, never sent: a stricter check could refuse
				// the very address ActivePlatform stores.
				email: optionalString,
				password: optionalPassword,
			})
			.default({}),
		customAttributes: customAttributesInput,
	})
	// Not atLeastOneField: a change may also be only custom attributes, a parameter of its own.
	// zod 3.24 (n8n 1.8x) runs this even when a custom attribute failed its own check; the list is
	// then untransformed, and that problem is already reported.
	.refine(
		(v) =>
			!Array.isArray(v.customAttributes) ||
			Object.values(v.updateFields).some(isGiven) ||
			v.customAttributes.length > 0,
		{
			message: 'set at least one field or custom attribute to change',
			path: ['updateFields'],
		},
	);

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
	description:
		'Change the name, password or custom attributes of a user (the email cannot be changed)',
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
					description:
						'New password; must meet the Password settings of the Operator Control Panel',
				},
			],
		},
		customAttributesProperty,
	],
	input,
	// ActivePlatform cannot change an email, so a given one is read and compared first: users
	// often map every column of a source into Update, and an unchanged email is no change.
	readThenWrite: {
		read: (value) =>
			value.updateFields.email !== undefined
				? { method: 'GET', path: userPath(value.userId) }
				: undefined,
		write: (current, value) => {
			const wanted = value.updateFields.email;
			if (current && wanted !== undefined && !sameEmail(current.email, wanted)) {
				throw new OperationFailure(
					`Email cannot be changed: ActivePlatform's API has no way to change a user's email (the login). User ${value.userId} has "${String(current.email ?? '')}", not "${wanted}".`,
					'Nothing was changed. Leave Email empty, or create a new user with the new email.',
				);
			}
			const form = updateForm(value);
			// Only the email (the same one) was given: nothing to send.
			return form.length ? [{ method: 'PUT', path: userPath(value.userId), form }] : [];
		},
		output: ({ current, bodies }) =>
			bodies.length
				? { json: asObject(bodies[0]), outcome: 'updated' }
				: { json: asObject(current), outcome: 'unchanged' },
	},
});
