import { z } from 'zod';

import { positiveId } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { listPage } from '../../helpers/list-page';
import { userAccountsPath } from '../../helpers/paths';
import { userIdProperty } from '../../helpers/user-fields';

export const getAccounts = defineOperation({
	resource: 'user',
	operation: 'getAccounts',
	name: 'Get Accounts of a User',
	action: 'Get the accounts of a user',
	description: 'List the accounts a user is attached to, one item per account',
	properties: [userIdProperty],
	input: z.object({ userId: positiveId }),
	// One answer holds the whole list. Not `paging`: that would add Return All and Limit, and
	// Limit's default of 50 would cut off a list that now comes whole.
	request: ({ userId }) => ({ method: 'GET', path: userAccountsPath(userId) }),
	output: (response) => listPage(response).items,
});
