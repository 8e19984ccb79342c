import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildProperties, operationSubtitle } from '../shared/description';
import { listSearchMethod } from '../shared/locator';
import { executeOperations } from '../shared/runner';
import { chatwootOperations, chatwootResources } from './actions';
import { LIST_SEARCHES } from './helpers/locators';
import {
	ACCOUNT_RESOURCES,
	AGENT_BOT_AUTH,
	AUTHENTICATE_AS,
	BOT_RESOURCES,
	CHATWOOT_ACCOUNT_CREDENTIAL,
	CHATWOOT_BOT_CREDENTIAL,
	CHATWOOT_CLIENT_CREDENTIAL,
	CHATWOOT_PLATFORM_CREDENTIAL,
	chatwootPlatform,
	CLIENT_RESOURCES,
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
		description:
			'Work with Chatwoot and Chatwoot-based products: users, agents, contacts, conversations, messages and the whole API',
		defaults: { name: 'Chatwoot' },
		// n8n's editor opens a node-level URL as it is; to the codex link it appends a query, after the anchor.
		documentationUrl:
			'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning#chatwoot',
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// One header, four kinds of access: each resource shows the credential its API takes; the
		// operations an agent bot may call show the bot's credential when Authentication says so.
		credentials: [
			{
				name: CHATWOOT_PLATFORM_CREDENTIAL,
				required: true,
				displayOptions: { show: { resource: PLATFORM_RESOURCES } },
			},
			{
				name: CHATWOOT_ACCOUNT_CREDENTIAL,
				required: true,
				displayOptions: {
					show: { resource: ACCOUNT_RESOURCES },
					hide: { [AUTHENTICATE_AS]: [AGENT_BOT_AUTH] },
				},
			},
			{
				name: CHATWOOT_BOT_CREDENTIAL,
				required: true,
				displayOptions: { show: { resource: BOT_RESOURCES, [AUTHENTICATE_AS]: [AGENT_BOT_AUTH] } },
			},
			{
				name: CHATWOOT_CLIENT_CREDENTIAL,
				required: true,
				displayOptions: { show: { resource: CLIENT_RESOURCES } },
			},
		],
		properties: buildProperties(chatwootResources, chatwootOperations),
	};

	methods = {
		listSearch: Object.fromEntries(
			Object.entries(LIST_SEARCHES).map(([name, search]) => [
				name,
				listSearchMethod(chatwootPlatform, search),
			]),
		),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, chatwootPlatform, chatwootOperations);
	}
}
