import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { stringList } from '../../shared/checks';
import type { RequestSpec } from '../../shared/types';
import { resourceId } from './fields';

export const groupIdsProperty: INodeProperties = {
	displayName: 'Target Group IDs',
	name: 'groupIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. grpA1b2c3, grpD4e5f6',
	description: 'Comma-separated resourceIds of the target groups',
};

/** Add to Groups and Remove from Groups take the same input. */
export const groupsInput = z.object({
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
export const removeFromGroupRequest = (userId: string, groupId: string): RequestSpec => ({
	method: 'DELETE',
	path: `/api/target-groups/${encodeURIComponent(groupId)}/users`,
	body: { targetUserResourceIds: [userId] },
});
