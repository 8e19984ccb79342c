import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { DAVINTOO_URL } from '../nodes/Davintoo/transport';
import { headerAuth } from '../nodes/shared/auth';
import { baseUrlExpression } from '../nodes/shared/base-url';

export class DavintooApi implements ICredentialType {
	name = 'davintooApi';

	displayName = 'Davintoo Collaborator API';

	icon: Icon = 'file:../nodes/Davintoo/davintoo.svg';

	documentationUrl =
		'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning#davintoo-collaborator-lms';

	properties: INodeProperties[] = [
		{
			displayName:
				'Make an API token on the portal page Security and notifications, as a user allowed to create API tokens (LMS 2.43 or later). The portal shows it only once, and it expires.',
			name: 'help',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Portal URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'https://your-domain.davintoo.com',
			description: 'Address of your Collaborator portal',
			required: true,
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Sent as the X-Cbr-Authorization header',
			required: true,
		},
	];

	// Since LMS 2.43 the token goes in its own header; Authorization is the old session login.
	/** A function, not `{{$credentials…}}` expressions: see nodes/shared/auth.ts. */
	authenticate: IAuthenticate = headerAuth('X-Cbr-Authorization', 'apiToken', 'Bearer ');

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(DAVINTOO_URL),
			url: '/users/list',
			method: 'GET',
		},
		// n8n shows a rule's message when the test request answers with its status code.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Davintoo Collaborator refused the API Token (HTTP 401): it is wrong or has expired. Make a new one on the portal page Security and notifications.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						"Davintoo Collaborator refused to list users with this API Token (HTTP 403): the token's user may not manage users. Make the token as a user with that right (portal page Security and notifications).",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Davintoo Collaborator API at this Portal URL (HTTP 404). Enter the address of your portal, e.g. https://your-domain.davintoo.com; the API needs LMS 2.43 or later.',
				},
			},
		],
	};
}
