/**
 * The Chatwoot Trigger's webhook methods (checkExists, create, delete) run in n8n-core's own
 * HookContext, as n8n runs them when a workflow is activated or deactivated, against the sandbox.
 */
import { randomUUID } from 'node:crypto';

import { ExecutionLifecycleHooks, HookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	IWorkflowBase,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ChatwootApi } from '../../../credentials/ChatwootApi.credentials';
import { ChatwootTrigger } from '../../../nodes/Chatwoot/ChatwootTrigger.node';
import { buildAdditionalData } from '../../harness/additional-data';
import { setUpContainer } from '../../harness/container';
import { CredentialTypeRegistry } from '../../harness/credential-types';
import { HarnessCredentialsHelper } from '../../harness/credentials-helper';
import { HarnessNodeTypes, HarnessStart, START_NODE_TYPE } from '../../harness/node-types';

export const TRIGGER_TYPE = 'n8n-nodes-user-provisioning.chatwootTrigger';
export const WEBHOOK_ID = '3b8f6d2e-6a41-4c1e-9d53-5c7f0e9a2b11';

export interface TriggerSetup {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** The workflow's static data, kept across calls like n8n keeps it. */
	staticData: IDataObject;
	/** Where n8n's production webhooks live (N8N_WEBHOOK_URL + /webhook). */
	webhookBaseUrl?: string;
}

export type HookMethod = 'checkExists' | 'create' | 'delete';

/** Runs one webhook method the way n8n's ActiveWorkflowManager does. */
export async function runHook(setup: TriggerSetup, method: HookMethod): Promise<boolean> {
	setUpContainer();
	const trigger = new ChatwootTrigger();
	const node: INode = {
		id: 'trigger',
		name: 'Chatwoot Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: setup.parameters,
		credentials: { chatwootApi: { id: 'harness-chatwootApi', name: 'chatwootApi' } },
		webhookId: WEBHOOK_ID,
	};
	// The credentials helper resolves expressions in a scratch workflow of harness start nodes.
	const nodeTypes = new HarnessNodeTypes({
		[TRIGGER_TYPE]: trigger,
		[START_NODE_TYPE]: new HarnessStart(),
	});
	const workflowData: IWorkflowBase = {
		id: 'trigger-workflow',
		name: 'Trigger',
		active: true,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	};
	const workflow = new Workflow({ ...workflowData, nodeTypes, staticData: setup.staticData });
	const credentialsHelper = new HarnessCredentialsHelper(
		new CredentialTypeRegistry([new ChatwootApi()]),
		{ chatwootApi: setup.credentials },
		nodeTypes,
	);
	const additionalData = buildAdditionalData(
		new ExecutionLifecycleHooks('trigger', randomUUID(), workflowData),
		credentialsHelper,
		randomUUID(),
	);
	if (setup.webhookBaseUrl) additionalData.webhookBaseUrl = setup.webhookBaseUrl;
	const context = new HookContext(
		workflow,
		workflow.getNode('Chatwoot Trigger') as INode,
		additionalData,
		'trigger',
		method === 'delete' ? 'manual' : 'activate',
	);
	const result = await trigger.webhookMethods.default[method].call(context);
	// n8n saves the static data the node changed; the next call sees it.
	Object.assign(setup.staticData, workflow.staticData);
	return result;
}

/** The node's part of the static data. */
export const nodeState = (setup: TriggerSetup): IDataObject =>
	(setup.staticData['node:Chatwoot Trigger'] ?? {}) as IDataObject;
