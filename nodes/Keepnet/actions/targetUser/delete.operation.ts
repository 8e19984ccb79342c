import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { unwrap } from '../../transport';
import { RESOURCE, resourceId, resourceIdProperty, userPath } from '../../helpers/fields';

export const deleteUser = defineOperation({
	resource: RESOURCE,
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a target user',
	description: 'Delete a target user',
	properties: [resourceIdProperty],
	input: z.object({ resourceId }),
	request: ({ resourceId: id }) => ({ method: 'DELETE', path: userPath(id) }),
	output: (response, { resourceId: id }) => ({
		json: { resourceId: id, ...unwrap<IDataObject | null>(response), deleted: true },
		outcome: 'deleted',
	}),
});
