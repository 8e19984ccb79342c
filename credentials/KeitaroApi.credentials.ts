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

	documentationUrl = 'https://admin-api.docs.keitaro.io/';

	properties: INodeProperties[] = [
		{
			displayName: 'Tracker URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'https://tracker.example.com',
			description: 'Address of your Keitaro tracker (the Admin API needs the Business edition)',
			required: true,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'An Admin API key, created in Keitaro under Maintenance > Users > API keys',
			required: true,
		},
	];

	/** A function, not `{{$credentials…}}` expressions: see nodes/shared/auth.ts. */
	authenticate: IAuthenticate = headerAuth('Api-Key', 'apiKey');

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(KEITARO_URL),
			url: '/users',
			method: 'GET',
		},
	};
}
