import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { emailInput, RESOURCE } from './fields';
import { findByEmail, searchEmailRequest } from './lookup';
import { emailProperty } from './create';

export { exactMatch, findByEmail, searchEmailRequest } from './lookup';

export const searchByEmail = defineOperation({
	resource: RESOURCE,
	operation: 'searchByEmail',
	name: 'Search by Email',
	action: 'Search target users by email',
	description: 'Find the target user with this email address (full record, one item per match)',
	properties: [emailProperty],
	input: z.object({ email: emailInput }),
	run: async ({ email }, { api }) => (await findByEmail(api, email)).map((json) => ({ json })),
	plan: ({ email }) => [searchEmailRequest(email)],
});
