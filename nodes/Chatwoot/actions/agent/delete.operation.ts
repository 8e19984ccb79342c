import { z } from 'zod';

import { positiveId } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { agentIdProperty, agentPath } from '../../helpers/agent-fields';

export const deleteAgent = defineOperation({
	resource: 'agent',
	operation: 'delete',
	name: 'Delete',
	action: 'Remove an agent from the account',
	description: 'Remove an agent from the account; Chatwoot deletes the user if no account is left',
	properties: [agentIdProperty],
	input: z.object({ agentId: positiveId }),
	request: ({ agentId }) => ({ method: 'DELETE', path: agentPath(agentId) }),
	output: (_response, { agentId }) => ({
		json: { id: agentId, deleted: true },
		outcome: 'deleted',
	}),
});
