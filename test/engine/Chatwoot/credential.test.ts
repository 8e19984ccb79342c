import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ChatwootApi } from '../../credentials/ChatwootApi.credentials';
import { ChatwootPlatformApi } from '../../credentials/ChatwootPlatformApi.credentials';
import { HarnessNodeTypes, HarnessStart, START_NODE_TYPE } from '../harness/node-types';
import { startSandbox, type Sandbox } from '../sandbox';
import { CHATWOOT_PLATFORM_TOKEN, CHATWOOT_USER_TOKEN } from '../sandbox/platforms/chatwoot';

let sandbox: Sandbox;

beforeAll(async () => {
	({ sandbox } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const node: INode = { id: 'n', name: 'N', type: START_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
const workflow = new Workflow({
	nodes: [node],
	connections: {},
	active: false,
	nodeTypes: new HarnessNodeTypes({ [START_NODE_TYPE]: new HarnessStart() }),
});
const resolve = (value: string, credentials: ICredentialDataDecryptedObject) =>
	String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, ''));

/** Send the credential's own `test` request, with its `authenticate` header, as n8n would. */
async function credentialTest(type: ICredentialType, credentials: ICredentialDataDecryptedObject) {
	const request = type.test?.request as IHttpRequestOptions & { baseURL: string };
	const url = `${resolve(request.baseURL, credentials)}${request.url}`;
	const auth = type.authenticate as { properties: { headers: Record<string, string> } };
	const headers = Object.fromEntries(Object.entries(auth.properties.headers).map(([k, v]) => [k, resolve(v, credentials)]));
	const response = await fetch(url, { method: request.method, headers });
	return { url, status: response.status, body: (await response.json()) as unknown };
}

describe('Chatwoot credential test requests against the sandbox', () => {
	it('the platform credential checks the platform app token', async () => {
		const base = `${sandbox.urlOf('/chatwoot')}/`;
		const good = await credentialTest(new ChatwootPlatformApi(), { url: base, platformToken: CHATWOOT_PLATFORM_TOKEN });
		expect(good).toEqual({ url: `${sandbox.urlOf('/chatwoot')}/platform/api/v1/agent_bots`, status: 200, body: [] });
		const wrongKind = await credentialTest(new ChatwootPlatformApi(), {
			url: `${base}platform/api/v1`,
			platformToken: CHATWOOT_USER_TOKEN,
		});
		expect(wrongKind.url).toBe(good.url);
		expect(wrongKind).toMatchObject({ status: 401, body: { error: 'Invalid access_token' } });
	});

	it('the account credential checks the user token and the account ID', async () => {
		const url = sandbox.urlOf('/chatwoot');
		// A pasted API address works as well as the root.
		const good = await credentialTest(new ChatwootApi(), { url: `${url}/api/v1/accounts/9/`, accountId: 1, accessToken: CHATWOOT_USER_TOKEN });
		expect(good.url).toBe(`${url}/api/v1/accounts/1/agents`);
		expect(good.status).toBe(200);
		const wrongKind = await credentialTest(new ChatwootApi(), { url, accountId: 1, accessToken: CHATWOOT_PLATFORM_TOKEN });
		expect(wrongKind).toMatchObject({ status: 401, body: { error: 'Invalid Access Token' } });
		const otherAccount = await credentialTest(new ChatwootApi(), { url, accountId: 2, accessToken: CHATWOOT_USER_TOKEN });
		expect(otherAccount).toMatchObject({ status: 401, body: { error: 'You are not authorized to access this account' } });
	});

	it('secrets are password fields; the sandbox credentials point at the sandbox', () => {
		const secret = (t: ICredentialType, name: string) => t.properties.find((p) => p.name === name)?.typeOptions?.password;
		expect(secret(new ChatwootPlatformApi(), 'platformToken')).toBe(true);
		expect(secret(new ChatwootApi(), 'accessToken')).toBe(true);
		const chatwoot = sandbox.platforms.find((p) => p.name === 'chatwoot');
		expect(chatwoot?.credentials(sandbox.url)).toEqual([
			{
				name: 'Chatwoot Platform (sandbox)',
				type: 'chatwootPlatformApi',
				data: { url: sandbox.urlOf('/chatwoot'), platformToken: CHATWOOT_PLATFORM_TOKEN },
			},
			{
				name: 'Chatwoot account 1 (sandbox)',
				type: 'chatwootApi',
				data: { url: sandbox.urlOf('/chatwoot'), accountId: 1, accessToken: CHATWOOT_USER_TOKEN },
			},
		]);
	});
});
