import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildProperties, operationSubtitle } from '../shared/description';
import { executeOperations } from '../shared/runner';
import { keepnetOperations, keepnetResources } from './actions';
import { keepnetListSearch } from './helpers/pickers';
import { KEEPNET_CREDENTIAL, keepnetPlatform } from './transport';

export class Keepnet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Keepnet Labs',
		name: 'keepnet',
		icon: 'file:keepnet.svg',
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(keepnetOperations),
		description:
			'Add, find, change and delete Keepnet Labs target users and their group memberships',
		defaults: { name: 'Keepnet Labs' },
		// n8n's editor opens a node-level URL as it is; to the codex link it appends a query, after the anchor.
		documentationUrl:
			'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning#keepnet-labs',
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: KEEPNET_CREDENTIAL, required: true }],
		properties: buildProperties(keepnetResources, keepnetOperations),
	};

	methods = { listSearch: keepnetListSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, keepnetPlatform, keepnetOperations);
	}
}
