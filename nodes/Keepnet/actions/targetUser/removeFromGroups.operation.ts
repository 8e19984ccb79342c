import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { RESOURCE, resourceIdProperty } from '../../helpers/fields';
import { groupIdsProperty, groupsInput, removeFromGroupRequest } from '../../helpers/groups';

export const removeFromGroups = defineOperation({
	resource: RESOURCE,
	operation: 'removeFromGroups',
	name: 'Remove from Groups',
	action: 'Remove a target user from groups',
	description: 'Take a target user out of one or more target groups',
	properties: [resourceIdProperty, groupIdsProperty],
	input: groupsInput,
	// Keepnet removes per group: one DELETE for each.
	requests: ({ resourceId: id, groupIds }) =>
		groupIds.map((groupId) => removeFromGroupRequest(id, groupId)),
	sequenceOutput: (_bodies, { resourceId: id, groupIds }): IDataObject => ({
		resourceId: id,
		removedFromGroups: groupIds,
	}),
});
