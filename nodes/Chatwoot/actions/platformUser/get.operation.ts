import { z } from 'zod';

import { positiveId } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { userIdProperty, userPath } from '../../helpers/platform-user-fields';

export const get = defineOperation({
	resource: 'platformUser',
	operation: 'get',
	name: 'Get',
	action: 'Get a platform user',
	description: 'Get a user this platform app manages',
	properties: [userIdProperty],
	input: z.object({ userId: positiveId }),
	request: ({ userId }) => ({ method: 'GET', path: userPath(userId) }),
});
