import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';

export const getAll = defineOperation({
	resource: 'agent',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many agents',
	description: 'List the agents of the account (Chatwoot returns them all at once)',
	properties: [],
	input: z.object({}),
	paging: {
		by: 'single',
		what: 'agents',
		request: () => ({ method: 'GET', path: '/agents' }),
		read: (body) => ({ items: Array.isArray(body) ? (body as IDataObject[]) : [] }),
	},
});
