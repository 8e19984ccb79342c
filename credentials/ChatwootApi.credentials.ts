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

	/** A function, not `{{$credentials…}}` expressions: see nodes/shared/auth.ts. */
	authenticate: IAuthenticate = headerAuth('api_access_token', 'accessToken');

	// Checks the token and that its user belongs to the account.
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(CHATWOOT_ACCOUNT_URL),
			url: '/agents',
			method: 'GET',
		},
	};
}
