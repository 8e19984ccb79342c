import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { CHATWOOT_PLATFORM_URL } from '../nodes/Chatwoot/transport';
import { headerAuth } from '../nodes/shared/auth';
import { baseUrlExpression } from '../nodes/shared/base-url';

/** A platform app token: works only on /platform/api/v1 (self-hosted installations). */
export class ChatwootPlatformApi implements ICredentialType {
	name = 'chatwootPlatformApi';

	displayName = 'Chatwoot Platform API';

	icon: Icon = 'file:../nodes/Chatwoot/chatwoot.svg';

	documentationUrl =
		'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning#chatwoot';

	properties: INodeProperties[] = [
		{
			displayName:
				'For Platform User operations, on a self-hosted Chatwoot only (Chatwoot Cloud has no Platform API). Create a platform app as a super admin under Super Admin > Platform Apps > New and copy its access token. A user access token is refused here: Agent and Contact use the Chatwoot API credential.',
			name: 'help',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Installation URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'https://chat.example.com',
			description: 'Root address of your self-hosted Chatwoot (or Chatwoot-based product)',
			required: true,
		},
		{
			displayName: 'Platform App Token',
			name: 'platformToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	/** A function, not `{{$credentials…}}` expressions: see nodes/shared/auth.ts. */
	authenticate: IAuthenticate = headerAuth('api_access_token', 'platformToken');

	// Listing the app's own agent bots needs a valid platform token and nothing else.
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(CHATWOOT_PLATFORM_URL),
			url: '/agent_bots',
			method: 'GET',
		},
		// n8n shows a rule's message when the test request answers with its status code.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Chatwoot refused the Platform App Token (HTTP 401). Copy the access token of a platform app from Super Admin > Platform Apps; a user access token from Profile Settings or an agent bot token is refused here.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Chatwoot Platform API at this Installation URL (HTTP 404). Enter the root address of your self-hosted Chatwoot, e.g. https://chat.example.com; Chatwoot Cloud has no Platform API.',
				},
			},
		],
	};
}
