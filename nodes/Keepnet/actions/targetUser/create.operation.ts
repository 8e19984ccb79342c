import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/zod-fields';
import { unwrap } from '../../transport';
import { emailInput, fieldsBody, type PagedResults, RESOURCE, type TargetUser, userFieldOptions, userFields } from './fields';
import { exactMatch, searchEmailRequest } from './lookup';

export const emailProperty: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	required: true,
	default: '',
};

export const phoneProperty: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. +447700900123',
	description: "Required by Keepnet's API on create and on every update",
};

const input = z.object({
	email: emailInput,
	phoneNumber: requiredString('the phone number'),
	additionalFields: userFields,
});

export type CreateInput = z.output<typeof input>;

/** POST /api/target-users body: email and phone, then only the fields that were set. */
export function createBody({ email, phoneNumber, additionalFields }: CreateInput): IDataObject {
	const { targetGroupResourceIds, ...fields } = additionalFields;
	const body: IDataObject = { email, phoneNumber, ...fieldsBody(fields) };
	if (targetGroupResourceIds.length) body.targetGroupResourceIds = targetGroupResourceIds;
	return body;
}

export const create = defineOperation({
	resource: RESOURCE,
	operation: 'create',
	name: 'Create',
	action: 'Create a target user',
	description: 'Add a target user (optionally straight into target groups)',
	properties: [
		emailProperty,
		phoneProperty,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: userFieldOptions(true),
		},
	],
	input,
	request: (value) => ({
		method: 'POST',
		path: '/api/target-users',
		body: createBody(value),
		// After a lost answer, look the email up before sending again: no duplicate target users.
		verify: {
			request: searchEmailRequest(value.email),
			find: (body) => exactMatch(unwrap<PagedResults<TargetUser> | null>(body)?.results ?? [], value.email),
		},
	}),
	// Keepnet answers with the new resourceId only; the email makes the item easy to match up.
	output: (response, { email }) => ({ json: { ...unwrap<IDataObject>(response), email }, outcome: 'created' }),
});
