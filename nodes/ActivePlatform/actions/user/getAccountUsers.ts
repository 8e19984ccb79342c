import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { positiveId } from '../../../shared/zod-fields';
import { ACCOUNTS_PATH } from '../../transport';
import { accountIdProperty } from './fields';
import { listPage } from './list';

export const getAccountUsers = defineOperation({
	resource: 'user',
	operation: 'getAccountUsers',
	name: 'Get Users of an Account',
	action: 'Get the users of an account',
	description: 'List the users attached to an account, one item per user',
	properties: [accountIdProperty],
	input: z.object({ accountId: positiveId }),
	request: ({ accountId }) => ({ method: 'GET', path: `${ACCOUNTS_PATH}/${accountId}/users.json` }),
	output: (response) => listPage(response).items,
});
