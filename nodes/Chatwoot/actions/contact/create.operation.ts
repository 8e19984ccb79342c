import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import {
	contactBody,
	contactFieldOptions,
	contactFieldsInput,
	unwrapContact,
} from '../../helpers/contact-fields';
import { contactLookup } from '../../helpers/contact-search';

const input = z.object({
	fields: contactFieldsInput.refine((f) => !!(f.name || f.email || f.phoneNumber || f.identifier), {
		message: 'give at least a name, email, phone number or identifier',
	}),
});

export const create = defineOperation({
	resource: 'contact',
	operation: 'create',
	name: 'Create',
	action: 'Create a contact',
	description: 'Create a contact in the account',
	properties: [
		{
			// Chatwoot refuses a contact with none of these; saying so up front beats a failed run.
			displayName:
				'Give at least one of Name, Email, Phone Number or Identifier: add them under Fields below',
			name: 'contactCreateNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: contactFieldOptions({ identity: true, withInbox: true }),
		},
	],
	input,
	request: ({ fields }) => ({
		method: 'POST',
		path: '/contacts',
		body: contactBody(fields),
		verify: contactLookup(fields),
	}),
	output: (response) => ({ json: unwrapContact(response), outcome: 'created' }),
});
