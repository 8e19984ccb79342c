import { z } from 'zod';

import { positiveId } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { userIdProperty, userPath } from '../../helpers/platform-user-fields';

export const deleteUser = defineOperation({
	resource: 'platformUser',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a platform user',
	description: 'Delete a user this platform app manages (Chatwoot removes it in the background)',
	properties: [userIdProperty],
	input: z.object({ userId: positiveId }),
	request: ({ userId }) => ({ method: 'DELETE', path: userPath(userId) }),
	// Chatwoot answers 200 with an empty body; the useful output is which user went.
	output: (_response, { userId }) => ({ json: { id: userId, deleted: true }, outcome: 'deleted' }),
});
