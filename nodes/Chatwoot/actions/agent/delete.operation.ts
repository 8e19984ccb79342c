import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { positiveId } from '../../../shared/zod-fields';
import { agentIdProperty, agentPath } from './fields';

export const deleteAgent = defineOperation({
	resource: 'agent',
	operation: 'delete',
	name: 'Delete',
	action: 'Remove an agent from the account',
	description: 'Remove an agent from the account; Chatwoot deletes the user if no account is left',
	properties: [agentIdProperty],
	input: z.object({ agentId: positiveId }),
	request: ({ agentId }) => ({ method: 'DELETE', path: agentPath(agentId) }),
	output: (_response, { agentId }) => ({ json: { id: agentId, deleted: true }, outcome: 'deleted' }),
});
