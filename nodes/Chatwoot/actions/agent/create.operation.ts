import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { email, requiredString } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { role, roleProperty } from '../../helpers/account-fields';
import {
	agentExtras,
	autoOfflineProperty,
	availability,
	availabilityProperty,
} from '../../helpers/agent-fields';

const input = z.object({
	name: requiredString('the name'),
	email,
	role: role.default('agent'),
	additionalFields: z
		.object({ availability: availability.optional(), autoOffline: z.boolean().optional() })
		.default({}),
});

export function createAgentBody(value: z.output<typeof input>): IDataObject {
	return {
		name: value.name,
		email: value.email,
		role: value.role,
		...agentExtras(value.additionalFields),
	};
}

export const create = defineOperation({
	resource: 'agent',
	operation: 'create',
	name: 'Create',
	action: 'Invite an agent',
	description: 'Add a person to the account; Chatwoot emails them an invitation to set a password',
	properties: [
		{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
		},
		roleProperty,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [autoOfflineProperty, availabilityProperty],
		},
	],
	input,
	request: (value) => ({
		method: 'POST',
		path: '/agents',
		body: createAgentBody(value),
		// After a lost answer, look for the email among the agents before inviting again.
		verify: {
			request: { method: 'GET', path: '/agents' },
			find: (body) =>
				Array.isArray(body)
					? (body as IDataObject[]).find(
							(a) => String(a.email ?? '').toLowerCase() === value.email.toLowerCase(),
						)
					: undefined,
		},
	}),
});
