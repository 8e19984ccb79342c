import { z } from 'zod';

import { positiveId } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { accountIdProperty, accountUsersPath } from '../../helpers/account-fields';
import { userIdProperty } from '../../helpers/platform-user-fields';

export const removeFromAccount = defineOperation({
	resource: 'platformUser',
	operation: 'removeFromAccount',
	name: 'Remove From Account',
	action: 'Remove a platform user from an account',
	description: "End the user's membership of an account; the user itself stays",
	properties: [userIdProperty, accountIdProperty],
	input: z.object({ userId: positiveId, accountId: positiveId }),
	// user_id goes in the query: Rails reads it from there as well, and some proxies drop DELETE bodies.
	request: ({ userId, accountId }) => ({
		method: 'DELETE',
		path: accountUsersPath(accountId),
		qs: { user_id: userId },
	}),
	output: (_response, { userId, accountId }) => ({
		json: { user_id: userId, account_id: accountId, removed: true },
		outcome: 'deleted',
	}),
});
