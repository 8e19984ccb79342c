import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildProperties, operationSubtitle } from '../shared/description';
import { executeOperations } from '../shared/runner';
import { keitaroOperations, keitaroResources } from './actions';
import { keitaroListSearch } from './helpers/pickers';
import { KEITARO_CREDENTIAL, keitaroPlatform } from './transport';

export class Keitaro implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Keitaro',
		name: 'keitaro',
		icon: 'file:keitaro.svg',
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(keitaroOperations),
		description: 'Create, find, change and delete users of a Keitaro tracker (Admin API)',
		defaults: { name: 'Keitaro' },
		// n8n's editor opens a node-level URL as it is; to the codex link it appends a query, after the anchor.
		documentationUrl:
			'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning#keitaro',
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: KEITARO_CREDENTIAL, required: true }],
		properties: buildProperties(keitaroResources, keitaroOperations),
	};

	methods = { listSearch: keitaroListSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, keitaroPlatform, keitaroOperations);
	}
}
