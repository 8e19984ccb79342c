import { z } from 'zod';

import { defineOperation, type OperationResult } from '../../../shared/operation';
import { optionalString } from '../../../shared/zod-fields';
import { USERS_PATH } from '../../transport';
import {
	type ActivePlatformUser,
	customAttributesInput,
	customAttributesProperty,
	emailField,
	findByEmail,
	hasAttributes,
	optionalPassword,
	type UserFields,
	userForm,
	userPath,
	verifyByEmail,
} from './fields';
import { fetchPages } from './list';

const input = z.object({
	email: emailField,
	firstName: optionalString,
	lastName: optionalString,
	password: optionalPassword,
	additionalFields: z.object({ middleName: optionalString }).default({}),
	customAttributes: customAttributesInput,
});

type Input = z.output<typeof input>;

/** What differs from the existing user; a password always counts (it cannot be read back). */
export function upsertChanges(existing: ActivePlatformUser, value: Input): { fields: UserFields; attributes: Input['customAttributes'] } {
	const fields: UserFields = {};
	const differs = (given: string | undefined, current: unknown) => given !== undefined && given !== String(current ?? '');
	if (differs(value.firstName, existing.first_name)) fields.firstName = value.firstName;
	if (differs(value.additionalFields.middleName, existing.middle_name)) fields.middleName = value.additionalFields.middleName;
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
			description: 'Needed to create a user; for an existing user, a password here is set as the new one',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [{ displayName: 'Middle Name', name: 'middleName', type: 'string', default: '' }],
		},
		customAttributesProperty,
	],
	input,
	run: async (value, { api, fail }): Promise<OperationResult> => {
		const found = await fetchPages(api, `${USERS_PATH}.json`, { 'filters[email]': value.email }, { returnAll: true, limit: 1 }, 100);
		const existing = findByEmail(found, value.email);
		if (existing) {
			const { fields, attributes } = upsertChanges(existing, value);
			const form = userForm(fields, attributes);
			if (form.length === 0) return { json: existing, outcome: 'unchanged' };
			const user = await api.request<ActivePlatformUser>({ method: 'PUT', path: userPath(existing.id), form });
			return { json: user, outcome: 'updated' };
		}
		const missing = [
			['First Name (firstName)', value.firstName],
			['Last Name (lastName)', value.lastName],
			['Password (password)', value.password],
		].filter(([, v]) => v === undefined).map(([label]) => label);
		if (missing.length) {
			throw fail(
				`${missing.join(', ')}: ${missing.length > 1 ? 'are' : 'is'} required to create the new user "${value.email}"`,
				'No user has this email, so it would be created. Nothing was created.',
			);
		}
		const form = userForm(
			{
				firstName: value.firstName,
				middleName: value.additionalFields.middleName,
				lastName: value.lastName,
				email: value.email,
				password: value.password,
			},
			value.customAttributes,
		);
		const user = await api.request<ActivePlatformUser>({
			method: 'POST',
			path: `${USERS_PATH}.json`,
			form,
			verify: verifyByEmail(value.email),
		});
		return { json: user, outcome: 'created' };
	},
	plan: (value) => [
		{ method: 'GET', path: `${USERS_PATH}.json`, qs: { 'filters[email]': value.email, page: 1, per_page: 100 } },
	],
});
