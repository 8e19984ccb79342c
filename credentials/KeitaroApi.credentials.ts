import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { KEITARO_URL } from '../nodes/Keitaro/transport';
import { headerAuth } from '../nodes/shared/auth';
import { baseUrlExpression } from '../nodes/shared/base-url';

export class KeitaroApi implements ICredentialType {
	name = 'keitaroApi';

	displayName = 'Keitaro API';

	icon: Icon = 'file:../nodes/Keitaro/keitaro.svg';

	documentationUrl =
		'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning#keitaro';

	properties: INodeProperties[] = [
		{
			displayName:
				"Needs the Admin API of Keitaro's Business edition. Create an API key in Keitaro under Maintenance > Users > API keys, as an admin user.",
			name: 'help',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Tracker URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'https://tracker.example.com',
			description: 'Address of your Keitaro tracker; /admin_api/v1 is added for you',
			required: true,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Sent as the Api-Key header',
			required: true,
		},
	];

	/** A function, not `{{$credentials…}}` expressions: see nodes/shared/auth.ts. */
	authenticate: IAuthenticate = headerAuth('Api-Key', 'apiKey');

	// n8n shows a rule's message when the test request answers with its status code.
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(KEITARO_URL),
			url: '/users',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Keitaro refused the API Key (HTTP 401). Copy a valid key from Keitaro: Maintenance > Users > API keys.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 402,
					message:
						"Keitaro refused the Admin API of this Tracker URL (HTTP 402): it exists only in Keitaro's Business edition. Use a tracker on the Business edition.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Keitaro refused to list users with this API Key (HTTP 403). Use an API key of an admin user (Maintenance > Users > API keys).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Keitaro Admin API at this Tracker URL (HTTP 404). Enter the address of your tracker, e.g. https://tracker.example.com.',
				},
			},
		],
	};
}
