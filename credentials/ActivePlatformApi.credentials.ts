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

	documentationUrl = 'https://docs.activeplatform.com/api-guide/latest/en';

	properties: INodeProperties[] = [
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
			description:
				"A manager's API token, from the Operator Control Panel: Managers > the manager > Regenerate Token. The manager's role decides which methods work.",
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
	};
}
