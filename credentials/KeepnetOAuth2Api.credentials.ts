import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { KEEPNET_URL } from '../nodes/Keepnet/transport';
import { baseUrlExpression } from '../nodes/shared/base-url';

/**
 * Keepnet Labs REST API: OAuth2 client credentials. n8n fetches, stores and refreshes the
 * token; Keepnet wants the token request form-encoded (a JSON one gets a 500), hence "body".
 */
export class KeepnetOAuth2Api implements ICredentialType {
	name = 'keepnetOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Keepnet Labs OAuth2 API';

	icon: Icon = 'file:../nodes/Keepnet/keepnet.svg';

	documentationUrl = 'https://doc.keepnetlabs.com/api-reference/quickstart';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.keepnetlabs.com',
			placeholder: 'https://api.keepnetlabs.com',
			description: 'Keepnet cloud API, or https://api.&lt;your platform domain&gt; for an on-premise installation',
			required: true,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			description: 'Created in Keepnet under Company > Company Settings > REST API',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Shown once, when the REST API client is created',
			required: true,
		},
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			default: '',
			description:
				'Only for reseller credentials: the resource ID of the customer company to work in, sent as X-KEEPNET-Company-Id on every call. Leave empty for a Company Admin client.',
		},
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: baseUrlExpression(KEEPNET_URL, '/connect/token', '$self'),
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'api1' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
	];

	// A one-row search needs a valid token and the target-user permission.
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(KEEPNET_URL),
			url: '/api/target-users/search',
			method: 'POST',
			body: {
				pageNumber: 1,
				pageSize: 1,
				orderBy: 'CreateTime',
				ascending: false,
				filter: { Condition: 'AND', SearchInputTextValue: '', FilterGroups: [] },
			},
		},
	};
}
