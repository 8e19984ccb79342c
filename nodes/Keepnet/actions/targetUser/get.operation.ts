import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { unwrap } from '../../transport';
import {
	RESOURCE,
	resourceId,
	resourceIdProperty,
	type TargetUser,
	userPath,
} from '../../helpers/fields';

export const get = defineOperation({
	resource: RESOURCE,
	operation: 'get',
	name: 'Get',
	action: 'Get a target user',
	description: 'Get a target user by resourceId',
	properties: [resourceIdProperty],
	input: z.object({ resourceId }),
	request: ({ resourceId: id }) => ({ method: 'GET', path: userPath(id) }),
	output: (response) => unwrap<TargetUser>(response),
});
