import { z } from 'zod';

import { email, requiredPassword, requiredString } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { USERS_LIST_PATH } from '../../helpers/paths';
import {
	additionalFieldsInput,
	additionalFieldsProperty,
	customAttributesInput,
	createForm,
	customAttributesProperty,
} from '../../helpers/user-fields';
import { verifyByEmail } from '../../helpers/user-lookup';

const input = z.object({
	firstName: requiredString('the first name'),
	lastName: requiredString('the last name'),
	email,
	password: requiredPassword,
	additionalFields: additionalFieldsInput,
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
		additionalFieldsProperty,
		customAttributesProperty,
	],
	input,
	request: (value) => ({
		method: 'POST',
		path: USERS_LIST_PATH,
		form: createForm(value),
		// A lost answer (timeout, dropped connection, 5xx) is checked by email before re-sending.
		verify: verifyByEmail(value.email),
	}),
});
