import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import type { RequestSpec } from '../../../shared/types';
import { stringList } from '../../../shared/zod-fields';
import { RESOURCE, resourceId, resourceIdProperty } from './fields';

const groupIdsProperty: INodeProperties = {
	displayName: 'Target Group IDs',
	name: 'groupIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. grpA1b2c3, grpD4e5f6',
	description: 'Comma-separated resourceIds of the target groups',
};

const input = z.object({
	resourceId,
	groupIds: stringList.refine((ids) => ids.length > 0, { message: 'is required' }),
});

/** PUT /api/target-groups/users adds users to groups and leaves other memberships alone. */
export const addToGroupsRequest = (userIds: string[], groupIds: string[]): RequestSpec => ({
	method: 'PUT',
	path: '/api/target-groups/users',
	body: {
		targetUserResourceIds: userIds,
		targetGroupResourceIds: groupIds,
		selectAll: false,
		excludedResourceIdList: [],
	},
});

/** Removing is per group: DELETE /api/target-groups/{group}/users with the users in the body. */
const removeRequest = (userId: string, groupId: string): RequestSpec => ({
	method: 'DELETE',
	path: `/api/target-groups/${encodeURIComponent(groupId)}/users`,
	body: { targetUserResourceIds: [userId] },
});

export const addToGroups = defineOperation({
	resource: RESOURCE,
	operation: 'addToGroups',
	name: 'Add to Groups',
	action: 'Add a target user to groups',
	description: 'Put a target user into one or more target groups',
	properties: [resourceIdProperty, groupIdsProperty],
	input,
	request: ({ resourceId: id, groupIds }) => addToGroupsRequest([id], groupIds),
	output: (_response, { resourceId: id, groupIds }): IDataObject => ({ resourceId: id, addedToGroups: groupIds }),
});

export const removeFromGroups = defineOperation({
	resource: RESOURCE,
	operation: 'removeFromGroups',
	name: 'Remove from Groups',
	action: 'Remove a target user from groups',
	description: 'Take a target user out of one or more target groups',
	properties: [resourceIdProperty, groupIdsProperty],
	input,
	run: async ({ resourceId: id, groupIds }, { api }) => {
		for (const groupId of groupIds) await api.request(removeRequest(id, groupId));
		return { json: { resourceId: id, removedFromGroups: groupIds } };
	},
	plan: ({ resourceId: id, groupIds }) => groupIds.map((groupId) => removeRequest(id, groupId)),
});
