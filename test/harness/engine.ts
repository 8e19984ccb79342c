/**
 * Runs one node through n8n's real execution engine (n8n-core WorkflowExecute):
 * Start -> node under test, real HTTP via @n8n/backend-network, an in-memory credentials
 * store, n8n-core's own OAuth2 token fetch/refresh, and n8n's BinaryDataService.
 */
import { randomUUID } from 'node:crypto';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IConnections,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IWorkflowBase,
} from 'n8n-workflow';
import { deepCopy, Workflow } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { inlineAndRelease } from './binary';
import { type BinaryDataMode, setUpContainer, useBinaryDataMode } from './container';
import { CredentialTypeRegistry } from './credential-types';
import { HarnessCredentialsHelper } from './credentials-helper';
import { describeError, type HarnessError } from './errors';
import { HarnessNodeTypes, HarnessStart, latestVersion, START_NODE_TYPE } from './node-types';
import { newRunExecutionData, releaseSshSweepTimer } from './version-adapters';

export type { BinaryDataMode } from './container';
export type { HarnessError } from './errors';

export interface RunNodeOptions {
	node: INodeType;
	nodeTypeName?: string;
	parameters: INodeParameters;
	items?: INodeExecutionData[];
	credentialTypes: ICredentialType[];
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/**
	 * Where input binary data lives while the node runs. `default` (in memory, base64 in the
	 * item, no id) unless set; `filesystem` is n8n's production default: items carry an `id`,
	 * so node code reading `binary.data` directly breaks there, getBinaryStream works.
	 */
	binaryDataMode?: BinaryDataMode;
	/**
	 * Hand the items to the engine as they are instead of a copy (benchmarks: in n8n the previous
	 * node's output is not copied either, so memory figures should not include a copy).
	 */
	shareItems?: boolean;
}

export interface RunNodeResult {
	outputs: INodeExecutionData[][];
	error?: HarnessError;
	credentialsAfter: Record<string, ICredentialDataDecryptedObject>;
	/** How often the run read (and decrypted) credentials. */
	credentialReads: number;
}

const START_NAME = 'Start';
const NODE_NAME = 'Node Under Test';

export async function runNode(opts: RunNodeOptions): Promise<RunNodeResult> {
	setUpContainer();
	const binaryDataMode = opts.binaryDataMode ?? 'default';
	await useBinaryDataMode(binaryDataMode);

	const nodeTypeName =
		opts.nodeTypeName ?? `n8n-nodes-user-provisioning.${opts.node.description.name}`;
	const nodeTypes = new HarnessNodeTypes({
		[START_NODE_TYPE]: new HarnessStart(),
		[nodeTypeName]: opts.node,
	});
	const credentials = opts.credentials ?? {};
	const credentialsHelper = new HarnessCredentialsHelper(
		new CredentialTypeRegistry(opts.credentialTypes),
		credentials,
		nodeTypes,
	);

	const start: INode = {
		id: randomUUID(),
		name: START_NAME,
		type: START_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { storeBinary: binaryDataMode === 'filesystem' },
	};
	const underTest: INode = {
		id: randomUUID(),
		name: NODE_NAME,
		type: nodeTypeName,
		typeVersion: latestVersion(opts.node),
		position: [200, 0],
		parameters: deepCopy(opts.parameters),
		credentials: nodeCredentials(Object.keys(credentials)),
		onError: opts.onError ?? 'stopWorkflow',
	};
	const connections: IConnections = {
		[START_NAME]: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
	};
	const workflowData: IWorkflowBase = {
		id: 'harness-workflow',
		name: 'Harness',
		active: false,
		isArchived: false,
		nodes: [start, underTest],
		connections,
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	};
	// Workflow fills in parameter defaults from the node description, as n8n does on load.
	const workflow = new Workflow({ ...workflowData, nodeTypes });

	const executionId = randomUUID();
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);

	const runExecutionData = newRunExecutionData([
		{
			node: start,
			data: {
				main: [opts.shareItems && opts.items ? opts.items : deepCopy(opts.items ?? [{ json: {} }])],
			},
			source: null,
		},
	]);
	const additionalData = buildAdditionalData(hooks, credentialsHelper, executionId);
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const run = await finished;
	releaseSshSweepTimer();

	const task = run.data.resultData.runData[NODE_NAME]?.[0];
	const rawError: unknown = task?.error ?? run.data.resultData.error;
	const outputs = (task?.data?.main ?? []).map((branch) => branch ?? []);
	return {
		outputs: await inlineAndRelease(outputs, workflowData.id, executionId),
		error: rawError === undefined ? undefined : describeError(rawError),
		credentialsAfter: credentialsHelper.snapshot(),
		credentialReads: credentialsHelper.reads,
	};
}

/** One stored credential per type; n8n-core's OAuth2 refresh insists on an id. */
function nodeCredentials(types: string[]): INodeCredentials | undefined {
	if (types.length === 0) return undefined;
	return Object.fromEntries(types.map((type) => [type, { id: `harness-${type}`, name: type }]));
}
