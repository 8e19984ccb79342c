import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { createUserFolder, executeWorkflow, importWorkflow, type UserFolder } from '../test/e2e/n8n';
import { KEITARO_SANDBOX_KEY } from '../test/sandbox/platforms/keitaro';
import type { RemoteSandbox } from './remote-sandbox';

/**
 * What users would otherwise build: n8n's own HTTP Request node posting the same creates, in the
 * real n8n of the e2e suite. Time is the HTTP Request node's own execution time from the run data.
 */
export interface HttpNodeResult {
	ms: number;
	created: number;
	items: number;
	errorItems: number;
	status: string;
}

function workflow(id: string, base: string, n: number, tag: string, options: IDataObject, continueOnFail: boolean) {
	const nodes: INode[] = [
		{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'c',
			name: 'Make Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: { jsCode: `return Array.from({ length: ${n} }, (_, i) => ({ json: { login: '${tag}.' + i } }));` },
		},
		{
			id: 'h',
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [400, 0],
			...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			parameters: {
				method: 'POST',
				url: `${base}/keitaro/admin_api/v1/users`,
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'Api-Key', value: KEITARO_SANDBOX_KEY }] },
				sendBody: true,
				specifyBody: 'json',
				jsonBody:
					"={{ JSON.stringify({ login: $json.login, type: 'USER', new_password: 'S3cret-pass', new_password_confirmation: 'S3cret-pass' }) }}",
				options: options as INodeParameters,
			},
		},
	];
	return {
		id,
		name: `bench ${tag}`,
		nodes,
		connections: {
			Start: { main: [[{ node: 'Make Items', type: 'main' as const, index: 0 }]] },
			'Make Items': { main: [[{ node: 'HTTP Request', type: 'main' as const, index: 0 }]] },
		},
	};
}

let folder: UserFolder | undefined;
let counter = 0;

export async function httpRequestNode(
	sandbox: RemoteSandbox,
	n: number,
	options: IDataObject,
	continueOnFail: boolean,
): Promise<HttpNodeResult> {
	folder ??= await createUserFolder();
	const tag = `h${counter}`;
	const id = `benchHttp${String(counter++).padStart(6, '0')}`;
	await importWorkflow(folder, workflow(id, sandbox.url, n, tag, options, continueOnFail));
	const result = await executeWorkflow(folder, id);
	const runs = result.run?.data.resultData.runData['HTTP Request'] ?? [];
	const items = runs[0]?.data?.main?.[0] ?? [];
	const users = await sandbox.state<Array<{ login: string }>>('keitaro');
	return {
		ms: runs[0]?.executionTime ?? Number.NaN,
		created: users.filter((u) => u.login.startsWith(`${tag}.`)).length,
		items: items.length,
		errorItems: items.filter((i) => 'error' in i.json).length,
		status: result.run?.status ?? `no run (exit ${result.code})`,
	};
}

export async function cleanUpN8n(): Promise<void> {
	await folder?.cleanup();
	folder = undefined;
}
