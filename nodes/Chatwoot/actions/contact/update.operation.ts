import { z } from 'zod';

import { atLeastOneField, positiveId } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import {
	contactBody,
	contactFieldOptions,
	contactFieldsInput,
	contactIdProperty,
	contactPath,
	unwrapContact,
} from '../../helpers/contact-fields';

const input = z.object({
	contactId: positiveId,
	updateFields: atLeastOneField(contactFieldsInput),
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
	request: ({ contactId, updateFields }) => ({
		method: 'PUT',
		path: contactPath(contactId),
		body: contactBody(updateFields),
	}),
	output: (response) => ({ json: unwrapContact(response), outcome: 'updated' }),
});
