import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { CHATWOOT_PROFILE_URL } from '../nodes/Chatwoot/transport';
import { headerAuth } from '../nodes/shared/auth';
import { baseUrlExpression } from '../nodes/shared/base-url';

/**
 * An agent bot's token: Chatwoot lets it create conversations and messages, change a
 * conversation's status, priority and custom attributes, and assign it; nothing else.
 */
export class ChatwootAgentBotApi implements ICredentialType {
	name = 'chatwootAgentBotApi';

	displayName = 'Chatwoot Agent Bot API';

	icon: Icon = 'file:../nodes/Chatwoot/chatwoot.svg';

	documentationUrl =
		'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Installation URL',
			name: 'url',
			type: 'string',
			default: 'https://app.chatwoot.com',
			placeholder: 'https://app.chatwoot.com',
			description:
				'Root address of Chatwoot Cloud, your self-hosted Chatwoot, or a Chatwoot-based product',
			required: true,
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'number',
			default: 1,
			description: 'The account the bot works in (the bot must be connected to one of its inboxes)',
			required: true,
		},
		{
			displayName: 'Agent Bot Token',
			name: 'botToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The access token shown for the bot under Settings > Bots. A user access token does not belong here.',
			required: true,
		},
	];

	authenticate: IAuthenticate = headerAuth('api_access_token', 'botToken');

	// Bots may read nothing, so the test reads the profile: Chatwoot answers a bot's token with
	// "not authorized for bots", an unknown token with "Invalid Access Token", a user's with the user.
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(CHATWOOT_PROFILE_URL),
			url: '/profile',
			method: 'GET',
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'Invalid Access Token',
					message:
						'Chatwoot does not know this token: copy the agent bot token again from Settings > Bots',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'provider',
					value: 'email',
					message:
						'This is a user access token: put it in a "Chatwoot API" credential; an agent bot token is under Settings > Bots',
				},
			},
		],
	};
}
