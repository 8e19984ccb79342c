import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { AGENT_BOT_AUTH, AUTHENTICATE_AS } from '../transport';

/**
 * Authentication for the operations Chatwoot lets an agent bot call: the user access token (the
 * "Chatwoot API" credential) or the bot's own token (the "Chatwoot Agent Bot API" credential).
 * Not named `authentication`: n8n's editor takes a parameter of that name as the node's main
 * authentication switch and then hides Resource and Operation, on which this one depends.
 */
export const botAuthenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: AUTHENTICATE_AS,
	type: 'options',
	options: [
		{
			name: 'Agent Bot Token',
			value: AGENT_BOT_AUTH,
			description: 'Act as an agent bot (the conversation shows the bot)',
		},
		{
			name: 'User Access Token',
			value: 'userToken',
			description: 'Act as the user whose token the "Chatwoot API" credential holds',
		},
	],
	default: 'userToken',
};

export const botAuthentication = z.enum(['userToken', AGENT_BOT_AUTH]).default('userToken');
