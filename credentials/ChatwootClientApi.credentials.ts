import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { CHATWOOT_ROOT_URL } from '../nodes/Chatwoot/transport';
import { baseUrlExpression } from '../nodes/shared/base-url';

/**
 * Chatwoot's Client API needs no token: requests name an API inbox by its identifier and a
 * contact by the identifier Chatwoot gave it. This credential holds only the installation URL.
 */
export class ChatwootClientApi implements ICredentialType {
	name = 'chatwootClientApi';

	displayName = 'Chatwoot Client API';

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
				'Root address of Chatwoot Cloud, your self-hosted Chatwoot, or a Chatwoot-based product. The Client API takes no token: each request names the inbox.',
			required: true,
		},
	];

	// Chatwoot's /api answers its version without a token: proof the URL is a Chatwoot.
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(CHATWOOT_ROOT_URL),
			url: '/api',
			method: 'GET',
		},
	};
}
