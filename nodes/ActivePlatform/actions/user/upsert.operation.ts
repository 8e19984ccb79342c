import { z } from 'zod';

import { email, optionalPassword, optionalString } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { USERS_LIST_PATH, userPath } from '../../helpers/paths';
import {
	type ActivePlatformUser,
	additionalFieldsInput,
	additionalFieldsProperty,
	createForm,
	customAttributesInput,
	customAttributesProperty,
	hasAttributes,
	type UserFields,
	userForm,
} from '../../helpers/user-fields';
import { userByEmail } from '../../helpers/user-lookup';

const input = z.object({
	email,
	firstName: optionalString,
	lastName: optionalString,
	password: optionalPassword,
	additionalFields: additionalFieldsInput,
	customAttributes: customAttributesInput,
});

type Input = z.output<typeof input>;

/** What differs from the existing user; a password always counts (it cannot be read back). */
export function upsertChanges(
	existing: ActivePlatformUser,
	value: Input,
): { fields: UserFields; attributes: Input['customAttributes'] } {
	const fields: UserFields = {};
	const differs = (given: string | undefined, current: unknown) =>
		given !== undefined && given !== String(current ?? '');
	if (differs(value.firstName, existing.first_name)) fields.firstName = value.firstName;
	if (differs(value.additionalFields.middleName, existing.middle_name))
		fields.middleName = value.additionalFields.middleName;
	if (differs(value.lastName, existing.last_name)) fields.lastName = value.lastName;
	if (value.password !== undefined) fields.password = value.password;
	const attributes = hasAttributes(existing, value.customAttributes) ? [] : value.customAttributes;
	return { fields, attributes };
}

export const upsert = defineOperation({
	resource: 'user',
	operation: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a user',
	description: 'Create a user, or update the user with this email if there is one',
	properties: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			description: 'Used to find the user (exact match, case-insensitive)',
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			description: 'Needed to create a user',
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
			description: 'Needed to create a user',
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
		additionalFieldsProperty,
		customAttributesProperty,
	],
	input,
	upsert: {
		what: 'user',
		key: ({ email: address }) => `"${address}"`,
		find: userByEmail,
		update: (existing, value) => {
			const { fields, attributes } = upsertChanges(existing as ActivePlatformUser, value);
			const form = userForm(fields, attributes);
			return form.length ? [{ method: 'PUT', path: userPath(Number(existing.id)), form }] : [];
		},
		requiredToCreate: (value) => [
			['First Name (firstName)', value.firstName],
			['Last Name (lastName)', value.lastName],
			['Password (password)', value.password],
		],
		create: (value) => ({ method: 'POST', path: USERS_LIST_PATH, form: createForm(value) }),
		duplicatesHint:
			'Emails are compared case-insensitively. Use Update with the User ID of the one to change.',
	},
});
