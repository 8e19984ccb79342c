import { z } from 'zod';

import { positiveId } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { userIdProperty, userPath } from '../../helpers/platform-user-fields';

export const getLoginLink = defineOperation({
	resource: 'platformUser',
	operation: 'getLoginLink',
	name: 'Get Login Link',
	action: 'Get a single sign-on link for a platform user',
	description: 'Get a one-time link that signs the user in to Chatwoot without a password',
	properties: [userIdProperty],
	input: z.object({ userId: positiveId }),
	request: ({ userId }) => ({ method: 'GET', path: `${userPath(userId)}/login` }),
	output: (response, { userId }) => {
		const url =
			response && typeof response === 'object' ? (response as { url?: unknown }).url : undefined;
		return { id: userId, url: typeof url === 'string' ? url : null };
	},
});
