import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { KEEPNET_URL } from '../nodes/Keepnet/transport';
import { baseUrlExpression } from '../nodes/shared/base-url';
/** The fields a user fills in, in the order the form shows them (see KeepnetBaseApi). */
export const KEEPNET_FIELDS: INodeProperties[] = [
	{
		displayName:
			'Create a REST API client in Keepnet under Company > Company Settings > REST API > + New; Keepnet shows its secret only once. If the test says "Client authentication failed", Keepnet refused this Client ID and Client Secret.',
		name: 'help',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: 'https://api.keepnetlabs.com',
		placeholder: 'https://api.keepnetlabs.com',
		description:
			'Keepnet cloud API, or https://api.&lt;your platform domain&gt; for an on-premise installation',
		required: true,
	},
	{
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Client Secret',
		name: 'clientSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
	},
	{
		displayName: 'Company ID',
		name: 'companyId',
		type: 'string',
		default: '',
		placeholder: 'Leave empty for a Company Admin client',
		description:
			'Only for reseller clients: the resource ID of the customer company to work in, sent as X-KEEPNET-Company-Id on every call',
	},
];

/** A one-row search needs a valid token and the target-user permission. */
export const KEEPNET_TEST: ICredentialTestRequest = {
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
	// Only for answers of the search itself: a refused token request never reaches these rules
	// (n8n reports it as "Failed to acquire OAuth2 access token: ..."; the notice above explains it).
	rules: [
		{
			type: 'responseCode',
			properties: {
				value: 401,
				message:
					'Keepnet Labs refused the access token it issued for this Client ID (HTTP 401). Check that Base URL is your Keepnet API (https://api.keepnetlabs.com, or https://api.<your platform domain> on-premise) and that the client is still active under Company > Company Settings > REST API.',
			},
		},
		{
			type: 'responseCode',
			properties: {
				value: 403,
				message:
					"Keepnet Labs refused the target-user search for this Client ID (HTTP 403): the client's role lacks that permission. Give it a role with target-user access under Company > Company Settings > REST API.",
			},
		},
		{
			type: 'responseCode',
			properties: {
				value: 404,
				message:
					'No Keepnet Labs target-user API at this Base URL (HTTP 404). Enter https://api.keepnetlabs.com, or https://api.<your platform domain> for an on-premise installation.',
			},
		},
	],
};

/**
 * Keepnet Labs REST API: OAuth2 client credentials. n8n fetches, stores and refreshes the
 * token; Keepnet wants the token request form-encoded (a JSON one gets a 500), hence "body".
 */
export class KeepnetOAuth2Api implements ICredentialType {
	name = 'keepnetOAuth2Api';

	// keepnetBaseApi first: it puts Base URL, Client ID, Client Secret, Company ID at the top.
	extends = ['keepnetBaseApi', 'oAuth2Api'];

	displayName = 'Keepnet Labs OAuth2 API';

	icon: Icon = 'file:../nodes/Keepnet/keepnet.svg';

	documentationUrl =
		'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning#keepnet-labs';

	properties: INodeProperties[] = [
		// Again after oAuth2Api, whose own Client ID / Secret would otherwise replace ours.
		...KEEPNET_FIELDS,
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: baseUrlExpression(KEEPNET_URL, '/connect/token', '$self'),
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'api1' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		// oAuth2Api's switches that Keepnet's fixed token request does not use.
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'hidden',
			default: false,
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Use Dynamic Client Registration',
			name: 'useDynamicClientRegistration',
			type: 'hidden',
			default: false,
		},
		{ displayName: 'Server URL', name: 'serverUrl', type: 'hidden', default: '' },
	];

	test = KEEPNET_TEST;
}
