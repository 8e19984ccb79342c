import { z } from 'zod';

import { email } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { emailProperty, RESOURCE } from '../../helpers/fields';
import { searchEmailRequest, usersIn } from '../../helpers/lookup';

export const searchByEmail = defineOperation({
	resource: RESOURCE,
	operation: 'searchByEmail',
	name: 'Search by Email',
	action: 'Search target users by email',
	description: 'Find the target user with this email address (full record, one item per match)',
	properties: [emailProperty],
	input: z.object({ email }),
	request: ({ email: address }) => searchEmailRequest(address),
	// Every user search-email returns, one item each; none gives no items.
	output: (response) => usersIn(response).map((json) => ({ json })),
});
