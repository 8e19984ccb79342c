import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { CHATWOOT_ACCOUNT_URL } from '../nodes/Chatwoot/transport';
import { headerAuth } from '../nodes/shared/auth';
import { baseUrlExpression } from '../nodes/shared/base-url';

/** A user access token plus the account it works in: /api/v1/accounts/{id}/... */
export class ChatwootApi implements ICredentialType {
	name = 'chatwootApi';

	displayName = 'Chatwoot API';

	icon: Icon = 'file:../nodes/Chatwoot/chatwoot.svg';

	documentationUrl =
		'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning#chatwoot';

	properties: INodeProperties[] = [
		{
			displayName:
				'For Agent and Contact operations. Copy the access token from Profile Settings > Access Token of a user in the account (an administrator, to manage agents). A platform app token is refused here: Platform User uses the Chatwoot Platform API credential.',
			name: 'help',
			type: 'notice',
			default: '',
		},
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
			description: 'The number after /app/accounts/ in the address bar when you are signed in',
			required: true,
		},
		{
			displayName: 'User Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	/** A function, not `{{$credentials…}}` expressions: see nodes/shared/auth.ts. */
	authenticate: IAuthenticate = headerAuth('api_access_token', 'accessToken');

	// Checks the token and that its user belongs to the account.
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(CHATWOOT_ACCOUNT_URL),
			url: '/agents',
			method: 'GET',
		},
		// n8n shows a rule's message when the test request answers with its status code.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Chatwoot refused the User Access Token for this Account ID (HTTP 401): the token is wrong or reset, is a platform app or agent bot token, or its user is not in that account. Copy the token from Profile Settings > Access Token and the Account ID from the address bar (the number after /app/accounts/).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Chatwoot account API at this Installation URL and Account ID (HTTP 404). Enter the root address, e.g. https://app.chatwoot.com, and the number after /app/accounts/ in the address bar as Account ID.',
				},
			},
		],
	};
}
