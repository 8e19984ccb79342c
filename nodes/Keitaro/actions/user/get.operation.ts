import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { positiveId } from '../../../shared/checks';
import { userIdProperty, userPath } from '../../helpers/user-fields';

export const get = defineOperation({
	resource: 'user',
	operation: 'get',
	name: 'Get',
	action: 'Get a user',
	description: 'Get a Keitaro user by ID',
	properties: [userIdProperty],
	input: z.object({ userId: positiveId }),
	request: ({ userId }) => ({ method: 'GET', path: userPath(userId) }),
});
