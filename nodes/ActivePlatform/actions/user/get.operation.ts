import { z } from 'zod';

import { positiveId } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { userPath } from '../../helpers/paths';
import { userIdProperty } from '../../helpers/user-fields';

export const get = defineOperation({
	resource: 'user',
	operation: 'get',
	name: 'Get',
	action: 'Get a user',
	description: 'Get an ActivePlatform user by ID',
	properties: [userIdProperty],
	input: z.object({ userId: positiveId }),
	request: ({ userId }) => ({ method: 'GET', path: userPath(userId) }),
});
