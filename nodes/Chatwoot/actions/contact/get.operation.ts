import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { positiveId } from '../../../shared/zod-fields';
import { contactIdProperty, contactPath, unwrapContact } from './fields';

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
