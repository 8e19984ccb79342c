import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { applyLimit, pagingProperties } from '../../../shared/paging';
import { pagingInput } from '../../../shared/zod-fields';

export const getMany = defineOperation({
	resource: 'agent',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many agents',
	description: 'List the agents of the account (Chatwoot returns them all at once)',
	properties: pagingProperties('agents'),
	input: z.object(pagingInput),
	request: () => ({ method: 'GET', path: '/agents' }),
	output: (response, paging) => applyLimit(Array.isArray(response) ? (response as IDataObject[]) : [], paging),
});
