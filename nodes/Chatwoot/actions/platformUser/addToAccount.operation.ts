import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { positiveId } from '../../../shared/zod-fields';
import { accountIdProperty, accountUsersPath } from './accountFields';
import { userIdProperty } from './fields';

export const addToAccount = defineOperation({
	resource: 'platformUser',
	operation: 'addToAccount',
	name: 'Add to Account',
	action: 'Add a platform user to an account',
	description: 'Make the user an agent or administrator of an account (or change the role they have there)',
	properties: [
		userIdProperty,
		accountIdProperty,
		{
			displayName: 'Role',
			name: 'role',
			type: 'options',
			options: [
				{ name: 'Administrator', value: 'administrator' },
				{ name: 'Agent', value: 'agent' },
			],
			default: 'agent',
		},
	],
	input: z.object({
		userId: positiveId,
		accountId: positiveId,
		role: z.enum(['agent', 'administrator'], { errorMap: () => ({ message: 'must be agent or administrator' }) }),
	}),
	// Chatwoot finds or updates the membership, so sending it twice does no harm: safe to retry.
	request: ({ userId, accountId, role }) => ({
		method: 'POST',
		path: accountUsersPath(accountId),
		body: { user_id: userId, role },
		idempotent: true,
	}),
});
