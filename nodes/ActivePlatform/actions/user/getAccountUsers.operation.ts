import { z } from 'zod';

import { positiveId } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { listPage } from '../../helpers/list-page';
import { accountUsersPath } from '../../helpers/paths';
import { accountIdProperty } from '../../helpers/user-fields';

export const getAccountUsers = defineOperation({
	resource: 'user',
	operation: 'getAccountUsers',
	name: 'Get Users of an Account',
	action: 'Get the users of an account',
	description: 'List the users attached to an account, one item per user',
	properties: [accountIdProperty],
	input: z.object({ accountId: positiveId }),
	// One answer holds the whole list. Not `paging`: that would add Return All and Limit, and
	// Limit's default of 50 would cut off a list that now comes whole.
	request: ({ accountId }) => ({ method: 'GET', path: accountUsersPath(accountId) }),
	output: (response) => listPage(response).items,
});
