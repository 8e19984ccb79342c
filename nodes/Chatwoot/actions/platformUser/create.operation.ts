import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, type OperationResult } from '../../../shared/operation';
import { email, jsonObject, optionalString, requiredString } from '../../../shared/checks';
import { password, passwordHint } from '../../helpers/password';
import { type ChatwootUser, customAttributesProperty } from '../../helpers/platform-user-fields';

const input = z.object({
	name: requiredString('the name'),
	email,
	password,
	additionalFields: z
		.object({
			displayName: optionalString,
			customAttributes: jsonObject.optional(),
		})
		.default({}),
});

type Input = z.output<typeof input>;

export function createBody(value: Input): IDataObject {
	const body: IDataObject = { name: value.name, email: value.email, password: value.password };
	if (value.additionalFields.displayName) body.display_name = value.additionalFields.displayName;
	const attributes = value.additionalFields.customAttributes;
	if (attributes && Object.keys(attributes).length)
		body.custom_attributes = attributes as IDataObject;
	return body;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Chatwoot's create answers with the existing user when the email is taken, without applying
 * what was sent. It says so nowhere, so read the signs: a new user belongs to no account and
 * carries exactly the name, display name and custom attributes that were sent.
 */
export function createOutcome(user: ChatwootUser, body: IDataObject): 'created' | 'existing' {
	if (Array.isArray(user.accounts) && user.accounts.length > 0) return 'existing';
	if (user.name !== undefined && user.name !== body.name) return 'existing';
	if (body.display_name !== undefined && user.display_name !== body.display_name) return 'existing';
	const sent = (body.custom_attributes ?? {}) as IDataObject;
	const got = (user.custom_attributes ?? {}) as IDataObject;
	if (Object.entries(sent).some(([k, v]) => !same(got[k], v))) return 'existing';
	return 'created';
}

export const EXISTING_NOTE =
	'A user with this email already existed: Chatwoot returned it as it was (the name, password and custom attributes given here were not applied). Use Update to change it.';

export const create = defineOperation({
	resource: 'platformUser',
	operation: 'create',
	name: 'Create',
	action: 'Create a platform user',
	description:
		'Create a Chatwoot user (or get the existing one with this email); needs a platform app token',
	properties: [
		{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: passwordHint,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				customAttributesProperty,
				{ displayName: 'Display Name', name: 'displayName', type: 'string', default: '' },
			],
		},
	],
	input,
	// Chatwoot's create returns the existing user for a taken email, so sending it again after
	// a lost answer cannot make a duplicate: safe to repeat.
	request: (value) => ({
		method: 'POST',
		path: '/users',
		body: createBody(value),
		idempotent: true,
	}),
	output: (response, value): OperationResult => {
		const user = response as ChatwootUser;
		const outcome = createOutcome(user, createBody(value));
		return { json: outcome === 'existing' ? { ...user, note: EXISTING_NOTE } : user, outcome };
	},
});
