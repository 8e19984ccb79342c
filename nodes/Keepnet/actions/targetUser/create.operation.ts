import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { email, requiredString } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { unwrap } from '../../transport';
import { createBody } from '../../helpers/bodies';
import {
	emailProperty,
	phoneProperty,
	RESOURCE,
	userFieldOptions,
	userFields,
} from '../../helpers/fields';
import { verifyByEmail } from '../../helpers/lookup';

const input = z.object({
	email,
	phoneNumber: requiredString('the phone number'),
	additionalFields: userFields,
});

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
	// After a lost answer, the email is looked up before sending again: no duplicate target users.
	request: (value) => ({
		method: 'POST',
		path: '/api/target-users',
		body: createBody(value),
		verify: verifyByEmail(value.email),
	}),
	// Keepnet answers with the new resourceId only; the email makes the item easy to match up.
	output: (response, { email: address }) => ({
		json: { ...unwrap<IDataObject>(response), email: address },
		outcome: 'created',
	}),
});
