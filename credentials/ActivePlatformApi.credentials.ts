import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { ACTIVEPLATFORM_URL } from '../nodes/ActivePlatform/transport';
import { queryAuth } from '../nodes/shared/auth';
import { baseUrlExpression } from '../nodes/shared/base-url';

export class ActivePlatformApi implements ICredentialType {
	name = 'activePlatformApi';

	displayName = 'ActivePlatform API';

	icon: Icon = 'file:../nodes/ActivePlatform/activeplatform.svg';

	documentationUrl =
		'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning#activeplatform';

	properties: INodeProperties[] = [
		{
			displayName:
				"Use a manager's API token: in the Operator Control Panel open Managers > the manager > Regenerate Token. The manager's role decides which methods work.",
			name: 'help',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Installation URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'https://billing.example.com',
			description: 'Address of your ActivePlatform installation, without the /api path',
			required: true,
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Sent as the api_token query parameter',
			required: true,
		},
	];

	// ActivePlatform's vendor API takes the token only as the api_token query parameter.
	/** A function, not `{{$credentials…}}` expressions: see nodes/shared/auth.ts. */
	authenticate: IAuthenticate = queryAuth('api_token', 'apiToken');

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(ACTIVEPLATFORM_URL),
			url: '/api/vendor/v1/users.json',
			method: 'GET',
			qs: { page: 1, per_page: 1 },
		},
		// n8n shows a rule's message when the test request answers with its status code.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'ActivePlatform refused the API Token (HTTP 401). Make a new one in the Operator Control Panel: Managers > the manager > Regenerate Token.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						"ActivePlatform refused to list users with this API Token (HTTP 403): the manager's role does not allow it. Use the token of a manager whose role allows the vendor API (Operator Control Panel > Managers).",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No ActivePlatform vendor API at this Installation URL (HTTP 404). Enter the address of your installation without /api, e.g. https://billing.example.com.',
				},
			},
		],
	};
}
