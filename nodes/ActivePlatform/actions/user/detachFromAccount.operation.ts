import { z } from 'zod';

import { positiveId } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { ACCESSES_PATH } from '../../helpers/paths';
import { userAccountIdProperty, userIdProperty } from '../../helpers/user-fields';

export const detachFromAccount = defineOperation({
	resource: 'user',
	operation: 'detachFromAccount',
	name: 'Detach From Account',
	action: 'Detach a user from an account',
	description:
		"Take a user's access to an account away; their services and credentials on it are deleted",
	properties: [userIdProperty, userAccountIdProperty],
	input: z.object({ userId: positiveId, accountId: positiveId }),
	request: ({ userId, accountId }) => ({
		method: 'DELETE',
		path: `${ACCESSES_PATH}/detach.json`,
		qs: { account_id: accountId, user_id: userId },
	}),
	// 204 No Content: the useful output is which link went.
	output: (_response, { userId, accountId }) => ({
		json: { user_id: userId, account_id: accountId, detached: true },
	}),
});
