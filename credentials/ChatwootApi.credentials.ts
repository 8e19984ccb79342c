import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { CHATWOOT_ACCOUNT_URL } from '../nodes/Chatwoot/transport';
import { baseUrlExpression } from '../nodes/shared/base-url';

/** A user access token plus the account it works in: /api/v1/accounts/{id}/... */
export class ChatwootApi implements ICredentialType {
	name = 'chatwootApi';

	displayName = 'Chatwoot API';

	icon: Icon = 'file:../nodes/Chatwoot/chatwoot.svg';

	documentationUrl = 'https://developers.chatwoot.com/api-reference/introduction';

	properties: INodeProperties[] = [
		{
			displayName: 'Installation URL',
			name: 'url',
			type: 'string',
			default: 'https://app.chatwoot.com',
			placeholder: 'https://app.chatwoot.com',
			description: 'Root address of Chatwoot Cloud, your self-hosted Chatwoot, or a Chatwoot-based product',
			required: true,
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'number',
			default: 1,
			description: 'The number after /app/accounts/ in the address bar when you are signed in',
			required: true,
		},
		{
			displayName: 'User Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'From Profile Settings > Access Token of a user in that account (an administrator, to manage agents). A platform app token does not work here.',
			required: true,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				api_access_token: '={{$credentials.accessToken}}',
			},
		},
	};

	// Checks the token and that its user belongs to the account.
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(CHATWOOT_ACCOUNT_URL),
			url: '/agents',
			method: 'GET',
		},
		// n8n would say only "Unauthorized"; one 401 covers a wrong token and the wrong kind alike.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Chatwoot refused the token: this credential needs the user access token (Profile Settings > Access Token) of a member of the account. A platform app or agent bot token, a wrong or reset one, or an account the user is not in is refused',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 404, message: 'Chatwoot has no account with this Account ID, or the URL is not a Chatwoot installation' },
			},
		],
	};
}
