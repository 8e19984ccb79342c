import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { positiveId } from '../../../shared/zod-fields';
import { contactBody, contactFieldOptions, contactFieldsInput, contactIdProperty, contactPath, unwrapContact } from './fields';

const input = z.object({
	contactId: positiveId,
	updateFields: contactFieldsInput.refine((f) => Object.keys(contactBody(f)).length > 0, {
		message: 'set at least one field to change',
	}),
});

export const update = defineOperation({
	resource: 'contact',
	operation: 'update',
	name: 'Update',
	action: 'Update a contact',
	description: 'Change fields of a contact; custom attributes are merged into the ones it has',
	properties: [
		contactIdProperty,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: contactFieldOptions({ identity: true, withInbox: false }),
		},
	],
	input,
	request: ({ contactId, updateFields }) => ({ method: 'PUT', path: contactPath(contactId), body: contactBody(updateFields) }),
	output: (response) => ({ json: unwrapContact(response), outcome: 'updated' }),
});
