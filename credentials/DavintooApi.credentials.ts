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

	documentationUrl = 'https://wiki.collaborator.biz/docs/api-token/';

	properties: INodeProperties[] = [
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
			description:
				'Made on the portal page Security and notifications by a user allowed to create API tokens (LMS 2.43 or later). It is shown only once and expires.',
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
	};
}
