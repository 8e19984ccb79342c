import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { atLeastOneField, optionalString, positiveId } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { role, roleProperty } from '../../helpers/account-fields';
import {
	agentExtras,
	agentIdProperty,
	agentPath,
	autoOfflineProperty,
	availability,
	availabilityProperty,
} from '../../helpers/agent-fields';

const input = z.object({
	agentId: positiveId,
	updateFields: atLeastOneField(
		z.object({
			name: optionalString,
			role: role.optional(),
			availability: availability.optional(),
			autoOffline: z.boolean().optional(),
		}),
	),
});

export function updateAgentBody(fields: z.output<typeof input>['updateFields']): IDataObject {
	const body: IDataObject = {};
	if (fields.name) body.name = fields.name;
	if (fields.role) body.role = fields.role;
	return { ...body, ...agentExtras(fields) };
}

export const update = defineOperation({
	resource: 'agent',
	operation: 'update',
	name: 'Update',
	action: 'Update an agent',
	description: 'Change the name, role or availability of an agent in the account',
	properties: [
		agentIdProperty,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				autoOfflineProperty,
				availabilityProperty,
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				roleProperty,
			],
		},
	],
	input,
	// Setting the same role and availability twice changes nothing more: safe to retry.
	request: ({ agentId, updateFields }) => ({
		method: 'PATCH',
		path: agentPath(agentId),
		body: updateAgentBody(updateFields),
		idempotent: true,
	}),
});
