import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { positiveId } from '../../../shared/zod-fields';
import { USERS_PATH } from '../../transport';
import { userIdProperty } from './fields';
import { listPage } from './list';

export const getAccounts = defineOperation({
	resource: 'user',
	operation: 'getAccounts',
	name: 'Get Accounts of a User',
	action: 'Get the accounts of a user',
	description: 'List the accounts a user is attached to, one item per account',
	properties: [userIdProperty],
	input: z.object({ userId: positiveId }),
	request: ({ userId }) => ({ method: 'GET', path: `${USERS_PATH}/${userId}/accounts.json` }),
	output: (response) => listPage(response).items,
});
