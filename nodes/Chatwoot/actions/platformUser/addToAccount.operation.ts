import { z } from 'zod';

import { positiveId } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import {
	accountIdProperty,
	accountUsersPath,
	role,
	roleProperty,
} from '../../helpers/account-fields';
import { userIdProperty } from '../../helpers/platform-user-fields';

export const addToAccount = defineOperation({
	resource: 'platformUser',
	operation: 'addToAccount',
	name: 'Add to Account',
	action: 'Add a platform user to an account',
	description:
		'Make the user an agent or administrator of an account (or change the role they have there)',
	properties: [userIdProperty, accountIdProperty, roleProperty],
	input: z.object({
		userId: positiveId,
		accountId: positiveId,
		role,
	}),
	// Chatwoot finds or updates the membership, so sending it twice does no harm: safe to retry.
	request: ({ userId, accountId, role }) => ({
		method: 'POST',
		path: accountUsersPath(accountId),
		body: { user_id: userId, role },
		idempotent: true,
	}),
});
