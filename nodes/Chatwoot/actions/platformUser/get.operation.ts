import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { positiveId } from '../../../shared/zod-fields';
import { userIdProperty, userPath } from './fields';

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
