import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildProperties, operationSubtitle } from '../shared/description';
import { executeOperations } from '../shared/runner';
import { davintooOperations, davintooResources } from './actions';
import { davintooListSearch } from './helpers/pickers';
import { DAVINTOO_CREDENTIAL, davintooPlatform } from './transport';

export class Davintoo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Davintoo Collaborator',
		name: 'davintoo',
		icon: 'file:davintoo.svg',
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(davintooOperations),
		description: 'Import, list, block and unblock users of a Collaborator LMS portal (API v2)',
		defaults: { name: 'Davintoo Collaborator' },
		// n8n's editor opens a node-level URL as it is; to the codex link it appends a query, after the anchor.
		documentationUrl:
			'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning#davintoo-collaborator-lms',
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: DAVINTOO_CREDENTIAL, required: true }],
		properties: buildProperties(davintooResources, davintooOperations),
	};

	methods = { listSearch: davintooListSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, davintooPlatform, davintooOperations);
	}
}
