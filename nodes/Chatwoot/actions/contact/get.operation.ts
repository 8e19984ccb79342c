import { z } from 'zod';

import { positiveId } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { contactIdProperty, contactPath, unwrapContact } from '../../helpers/contact-fields';

export const get = defineOperation({
	resource: 'contact',
	operation: 'get',
	name: 'Get',
	action: 'Get a contact',
	description: 'Get a contact of the account by ID',
	properties: [contactIdProperty],
	input: z.object({ contactId: positiveId }),
	request: ({ contactId }) => ({ method: 'GET', path: contactPath(contactId) }),
	output: (response) => unwrapContact(response),
});
