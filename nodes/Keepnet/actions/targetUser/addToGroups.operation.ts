import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { RESOURCE, resourceIdProperty } from '../../helpers/fields';
import { addToGroupsRequest, groupIdsProperty, groupsInput } from '../../helpers/groups';

export const addToGroups = defineOperation({
	resource: RESOURCE,
	operation: 'addToGroups',
	name: 'Add to Groups',
	action: 'Add a target user to groups',
	description: 'Put a target user into one or more target groups',
	properties: [resourceIdProperty, groupIdsProperty],
	input: groupsInput,
	request: ({ resourceId: id, groupIds }) => addToGroupsRequest([id], groupIds),
	output: (_response, { resourceId: id, groupIds }): IDataObject => ({
		resourceId: id,
		addedToGroups: groupIds,
	}),
});
