/**
 * Calls a node's listSearch method (a "From List" picker) the way n8n's editor does: through
 * n8n-core's LoadOptionsContext, with the node's parameters as the editor holds them, real
 * credentials (OAuth2 token fetch included) and real HTTP.
 */
import { randomUUID } from 'node:crypto';

import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	IWorkflowBase,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { setUpContainer } from './container';
import { CredentialTypeRegistry } from './credential-types';
import { HarnessCredentialsHelper } from './credentials-helper';
import { HarnessNodeTypes, HarnessStart, latestVersion, START_NODE_TYPE } from './node-types';

export interface ListSearchOptions {
	node: INodeType;
	method: string;
	parameters: INodeParameters;
	credentialTypes: ICredentialType[];
	credentials: Record<string, ICredentialDataDecryptedObject>;
	filter?: string;
	paginationToken?: string;
}

export async function runListSearch(opts: ListSearchOptions): Promise<INodeListSearchResult> {
	setUpContainer();
	const type = `n8n-nodes-user-provisioning.${opts.node.description.name}`;
	// The registry serves n8n's lookups of the start node too.
	const nodeTypes = new HarnessNodeTypes({
		[START_NODE_TYPE]: new HarnessStart(),
		[type]: opts.node,
	});
	const credentialsHelper = new HarnessCredentialsHelper(
		new CredentialTypeRegistry(opts.credentialTypes),
		opts.credentials,
		nodeTypes,
	);
	const node: INode = {
		id: randomUUID(),
		name: 'Node in the editor',
		type,
		typeVersion: latestVersion(opts.node),
		position: [0, 0],
		parameters: opts.parameters,
		credentials: Object.fromEntries(
			Object.keys(opts.credentials).map((t) => [t, { id: `harness-${t}`, name: t }]),
		),
	};
	const workflowData: IWorkflowBase = {
		id: 'harness-list-search',
		name: 'Harness',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	};
	const workflow = new Workflow({ ...workflowData, nodeTypes });
	const additionalData = buildAdditionalData(
		new ExecutionLifecycleHooks('manual', randomUUID(), workflowData),
		credentialsHelper,
		randomUUID(),
	);
	additionalData.currentNodeParameters = opts.parameters;
	const search = opts.node.methods?.listSearch?.[opts.method];
	if (!search)
		throw new Error(`${opts.node.description.name} has no listSearch method ${opts.method}`);
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData,
		`parameters.${opts.method}`,
	);
	return await search.call(context, opts.filter, opts.paginationToken);
}
