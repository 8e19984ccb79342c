import { z } from 'zod';

import { positiveId } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { contactIdProperty, contactPath } from '../../helpers/contact-fields';

export const deleteContact = defineOperation({
	resource: 'contact',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a contact',
	description: 'Delete a contact and its conversations from the account (cannot be undone)',
	properties: [contactIdProperty],
	input: z.object({ contactId: positiveId }),
	request: ({ contactId }) => ({ method: 'DELETE', path: contactPath(contactId) }),
	output: (_response, { contactId }) => ({
		json: { id: contactId, deleted: true },
		outcome: 'deleted',
	}),
});
