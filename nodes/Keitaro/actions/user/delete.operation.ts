import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { positiveId } from '../../../shared/checks';
import { userIdProperty, userPath } from '../../helpers/user-fields';

export const deleteUser = defineOperation({
	resource: 'user',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a user',
	description: 'Delete a Keitaro user (cannot be undone)',
	properties: [userIdProperty],
	input: z.object({ userId: positiveId }),
	request: ({ userId }) => ({ method: 'DELETE', path: userPath(userId) }),
	// Keitaro answers 201 with a sentence or nothing; the useful output is which user went.
	output: (_response, { userId }) => ({ json: { id: userId, deleted: true }, outcome: 'deleted' }),
});
