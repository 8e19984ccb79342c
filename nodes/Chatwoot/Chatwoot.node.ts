import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildProperties, operationSubtitle } from '../shared/description';
import { executeOperations } from '../shared/runner';
import { chatwootOperations, chatwootResources } from './actions';
import {
	ACCOUNT_RESOURCES,
	CHATWOOT_ACCOUNT_CREDENTIAL,
	CHATWOOT_PLATFORM_CREDENTIAL,
	chatwootPlatform,
	PLATFORM_RESOURCES,
} from './transport';

export class Chatwoot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chatwoot',
		name: 'chatwoot',
		icon: 'file:chatwoot.svg',
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(chatwootOperations),
		description: 'Manage users, agents and contacts of Chatwoot and Chatwoot-based products',
		defaults: { name: 'Chatwoot' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// One header, two kinds of token: each resource names the credential its API accepts.
		credentials: [
			{
				name: CHATWOOT_PLATFORM_CREDENTIAL,
				required: true,
				displayOptions: { show: { resource: PLATFORM_RESOURCES } },
			},
			{
				name: CHATWOOT_ACCOUNT_CREDENTIAL,
				required: true,
				displayOptions: { show: { resource: ACCOUNT_RESOURCES } },
			},
		],
		properties: buildProperties(chatwootResources, chatwootOperations),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, chatwootPlatform, chatwootOperations);
	}
}
