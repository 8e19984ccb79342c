import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildProperties, operationSubtitle } from '../shared/description';
import { executeOperations } from '../shared/runner';
import { activePlatformOperations, activePlatformResources } from './actions';
import { activePlatformListSearch } from './helpers/pickers';
import { ACTIVEPLATFORM_CREDENTIAL, activePlatformPlatform } from './transport';

export class ActivePlatform implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ActivePlatform',
		name: 'activePlatform',
		icon: 'file:activeplatform.svg',
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(activePlatformOperations),
		description:
			'Create, find and update users of an ActivePlatform billing installation and attach them to accounts',
		defaults: { name: 'ActivePlatform' },
		// n8n's editor opens a node-level URL as it is; to the codex link it appends a query, after the anchor.
		documentationUrl:
			'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning#activeplatform',
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: ACTIVEPLATFORM_CREDENTIAL, required: true }],
		properties: buildProperties(activePlatformResources, activePlatformOperations),
	};

	methods = { listSearch: activePlatformListSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, activePlatformPlatform, activePlatformOperations);
	}
}
