import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ActivePlatformApi } from '../../../credentials/ActivePlatformApi.credentials';
import { CredentialTypeRegistry } from '../../harness/credential-types';
import { HarnessCredentialsHelper } from '../../harness/credentials-helper';
import { HarnessNodeTypes, HarnessStart, START_NODE_TYPE } from '../../harness/node-types';
import { startSandbox, type Sandbox } from '../../sandbox';
import { ACTIVEPLATFORM_SANDBOX_TOKEN as TOKEN } from '../../sandbox/platforms/activeplatform';

let sandbox: Sandbox;

beforeAll(async () => {
	({ sandbox } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const node: INode = {
	id: 'n',
	name: 'N',
	type: START_NODE_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const nodeTypes = new HarnessNodeTypes({ [START_NODE_TYPE]: new HarnessStart() });
const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });

/**
 * What n8n does for "Test credential": resolve the test request's expressions, apply the
 * credential's `authenticate`, send it. 2xx means the credential works.
 */
async function testCredential(
	data: ICredentialDataDecryptedObject,
): Promise<{ status: number; url: string; body: unknown }> {
	const credential = new ActivePlatformApi();
	const helper = new HarnessCredentialsHelper(
		new CredentialTypeRegistry([credential]),
		{},
		nodeTypes,
	);
	const request = credential.test.request;
	const resolve = (value: string) =>
		String(
			workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: data },
				undefined,
				'',
			),
		);
	const options = (await helper.authenticate(data, credential.name, {
		url: request.url ?? '',
		method: request.method,
		qs: { ...(request.qs ?? {}) },
	} as IHttpRequestOptions)) as IHttpRequestOptions;
	const query = new URLSearchParams(
		Object.entries(options.qs ?? {}).map(([k, v]) => [k, String(v)]),
	);
	const url = `${resolve(String(request.baseURL))}${options.url}?${query.toString()}`;
	const response = await fetch(url, { method: options.method ?? 'GET' });
	return { status: response.status, url, body: await response.json() };
}

describe('ActivePlatform credential test request against the sandbox', () => {
	it('a good token passes: GET users.json with api_token in the query', async () => {
		const result = await testCredential({
			url: `${sandbox.urlOf('/activeplatform')}/api/vendor/v1/`,
			apiToken: TOKEN,
		});
		expect(result.status).toBe(200);
		expect(sandbox.requests('activeplatform')).toEqual([
			expect.objectContaining({
				method: 'GET',
				path: '/api/vendor/v1/users.json',
				query: { page: '1', per_page: '1', api_token: TOKEN },
			}),
		]);
	});

	it('a wrong token fails with 401 and the API text', async () => {
		const result = await testCredential({
			url: sandbox.urlOf('/activeplatform'),
			apiToken: 'not-the-token',
		});
		expect(result.status).toBe(401);
		expect(result.body).toEqual({ error: 'Unauthorized' });
	});
});
