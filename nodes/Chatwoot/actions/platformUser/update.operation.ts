import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import {
	atLeastOneField,
	jsonObject,
	optionalEmail,
	optionalString,
	positiveId,
} from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { optionalNewPassword, passwordHint } from '../../helpers/password';
import {
	customAttributesProperty,
	userIdProperty,
	userPath,
} from '../../helpers/platform-user-fields';

const input = z.object({
	userId: positiveId,
	updateFields: atLeastOneField(
		z.object({
			name: optionalString,
			displayName: optionalString,
			email: optionalEmail,
			password: optionalNewPassword,
			customAttributes: jsonObject.optional(),
		}),
	),
});

type Input = z.output<typeof input>;

export function updateBody(fields: Input['updateFields']): IDataObject {
	const body: IDataObject = {};
	if (fields.name) body.name = fields.name;
	if (fields.displayName) body.display_name = fields.displayName;
	if (fields.email) body.email = fields.email;
	if (fields.password) body.password = fields.password;
	if (fields.customAttributes) body.custom_attributes = fields.customAttributes as IDataObject;
	return body;
}

export const update = defineOperation({
	resource: 'platformUser',
	operation: 'update',
	name: 'Update',
	action: 'Update a platform user',
	description: 'Change the name, display name, email, password or custom attributes of a user',
	properties: [
		userIdProperty,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				customAttributesProperty,
				{ displayName: 'Display Name', name: 'displayName', type: 'string', default: '' },
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
					description: 'New email; Chatwoot applies it without asking the user to confirm it',
				},
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{
					displayName: 'Password',
					name: 'password',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					description: passwordHint,
				},
			],
		},
	],
	input,
	// Setting the same fields twice gives the same user (custom attributes merge), so a retry is safe.
	request: ({ userId, updateFields }) => ({
		method: 'PATCH',
		path: userPath(userId),
		body: updateBody(updateFields),
		idempotent: true,
	}),
});
