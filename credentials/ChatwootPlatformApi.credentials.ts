import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { CHATWOOT_PLATFORM_URL } from '../nodes/Chatwoot/transport';
import { baseUrlExpression } from '../nodes/shared/base-url';

/** A platform app token: works only on /platform/api/v1 (self-hosted installations). */
export class ChatwootPlatformApi implements ICredentialType {
	name = 'chatwootPlatformApi';

	displayName = 'Chatwoot Platform API';

	icon: Icon = 'file:../nodes/Chatwoot/chatwoot.svg';

	documentationUrl = 'https://developers.chatwoot.com/contributing-guide/chatwoot-platform-apis';

	properties: INodeProperties[] = [
		{
			displayName: 'Installation URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'https://chat.example.com',
			description:
				'Root address of your self-hosted Chatwoot (or Chatwoot-based product); the Platform API is not offered on Chatwoot Cloud',
			required: true,
		},
		{
			displayName: 'Platform App Token',
			name: 'platformToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Access token of a platform app, from Super Admin > Platform Apps. A user access token does not work here.',
			required: true,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				api_access_token: '={{$credentials.platformToken}}',
			},
		},
	};

	// Listing the app's own agent bots needs a valid platform token and nothing else.
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(CHATWOOT_PLATFORM_URL),
			url: '/agent_bots',
			method: 'GET',
		},
		// n8n would say only "Unauthorized".
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Chatwoot refused the token: this credential needs a platform app token (Super Admin > Platform Apps, self-hosted installations). A user access token, an agent bot token or a wrong or deleted one is refused',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 404, message: 'No Platform API at this URL: check that it is the Chatwoot installation\'s address' },
			},
		],
	};
}
