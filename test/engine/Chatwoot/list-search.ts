/**
 * The node's listSearch methods (the "From List" pickers) run in n8n-core's own
 * LoadOptionsContext, as the editor calls them, over real HTTP to the sandbox.
 */
import { randomUUID } from 'node:crypto';

import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeListSearchResult,
	INodeParameters,
	IWorkflowBase,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ChatwootAgentBotApi } from '../../../credentials/ChatwootAgentBotApi.credentials';
import { ChatwootApi } from '../../../credentials/ChatwootApi.credentials';
import { ChatwootPlatformApi } from '../../../credentials/ChatwootPlatformApi.credentials';
import { Chatwoot } from '../../../nodes/Chatwoot/Chatwoot.node';
import { buildAdditionalData } from '../../harness/additional-data';
import { setUpContainer } from '../../harness/container';
import { CredentialTypeRegistry } from '../../harness/credential-types';
import { HarnessCredentialsHelper } from '../../harness/credentials-helper';
import { HarnessNodeTypes, HarnessStart, START_NODE_TYPE } from '../../harness/node-types';

const TYPE = 'n8n-nodes-user-provisioning.chatwoot';

export async function listSearch(
	method: string,
	parameters: INodeParameters,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	setUpContainer();
	const chatwoot = new Chatwoot();
	const node: INode = {
		id: 'cw',
		name: 'Chatwoot',
		type: TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(
			Object.keys(credentials).map((type) => [type, { id: `harness-${type}`, name: type }]),
		),
	};
	const nodeTypes = new HarnessNodeTypes({
		[TYPE]: chatwoot,
		[START_NODE_TYPE]: new HarnessStart(),
	});
	const data: IWorkflowBase = {
		id: 'ls',
		name: 'ls',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	};
	const workflow = new Workflow({ ...data, nodeTypes });
	const helper = new HarnessCredentialsHelper(
		new CredentialTypeRegistry([
			new ChatwootApi(),
			new ChatwootPlatformApi(),
			new ChatwootAgentBotApi(),
		]),
		credentials,
		nodeTypes,
	);
	const additionalData = buildAdditionalData(
		new ExecutionLifecycleHooks('internal', randomUUID(), data),
		helper,
		randomUUID(),
	);
	additionalData.currentNodeParameters = parameters;
	const context = new LoadOptionsContext(
		workflow,
		workflow.getNode('Chatwoot') as INode,
		additionalData,
		'parameters.id',
	);
	const fn = chatwoot.methods.listSearch[method];
	return await fn.call(context, filter, paginationToken);
}
