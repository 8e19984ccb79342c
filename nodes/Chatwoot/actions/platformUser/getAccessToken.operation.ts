import { z } from 'zod';

import { positiveId } from '../../../shared/checks';
import { asObject, defineOperation } from '../../../shared/operation';
import { userIdProperty, userPath } from '../../helpers/platform-user-fields';

// POST /platform/api/v1/users/{id}/token is in Chatwoot's routes and controller (since 4.2)
// but not in its API spec. It hands back the token the user already has.
export const getAccessToken = defineOperation({
	resource: 'platformUser',
	operation: 'getAccessToken',
	name: 'Get Access Token',
	action: 'Get the access token of a platform user',
	description:
		'Get the user access token of a user this platform app manages, to call the Application API as that user',
	properties: [
		userIdProperty,
		{
			displayName: 'Show the Token',
			name: 'revealToken',
			type: 'boolean',
			default: false,
			description:
				'Whether to put the token itself in the output. Anyone who can see this execution can then act as the user; off, it shows as ***.',
		},
	],
	input: z.object({ userId: positiveId, revealToken: z.boolean().default(false) }),
	// Chatwoot returns the user's existing token and makes none: safe to repeat.
	request: ({ userId }) => ({
		method: 'POST',
		path: `${userPath(userId)}/token`,
		idempotent: true,
	}),
	output: (response, { revealToken }) => {
		const body = asObject(response);
		return {
			json: body,
			revealed:
				revealToken && typeof body.access_token === 'string'
					? { access_token: body.access_token }
					: undefined,
		};
	},
});
