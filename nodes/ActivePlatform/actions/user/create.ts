import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { optionalString, requiredString } from '../../../shared/zod-fields';
import { USERS_PATH } from '../../transport';
import { customAttributesInput, customAttributesProperty, emailField, userForm, verifyByEmail } from './fields';

const input = z.object({
	firstName: requiredString('the first name'),
	lastName: requiredString('the last name'),
	email: emailField,
	password: z.string({ required_error: 'is required', invalid_type_error: 'must be text' }).min(1, 'is required'),
	additionalFields: z.object({ middleName: optionalString }).default({}),
	customAttributes: customAttributesInput,
});

export const create = defineOperation({
	resource: 'user',
	operation: 'create',
	name: 'Create',
	action: 'Create a user',
	description: 'Create an ActivePlatform user',
	properties: [
		{ displayName: 'First Name', name: 'firstName', type: 'string', required: true, default: '' },
		{ displayName: 'Last Name', name: 'lastName', type: 'string', required: true, default: '' },
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			description: 'Also the login; it cannot be changed later through the API',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Must meet the Password settings of the Operator Control Panel',
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
	request: (value) => ({
		method: 'POST',
		path: `${USERS_PATH}.json`,
		form: userForm(
			{
				firstName: value.firstName,
				middleName: value.additionalFields.middleName,
				lastName: value.lastName,
				email: value.email,
				password: value.password,
			},
			value.customAttributes,
		),
		// A lost answer (timeout, dropped connection, 5xx) is checked by email before re-sending.
		verify: verifyByEmail(value.email),
	}),
});
