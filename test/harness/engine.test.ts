import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, sleep } from 'n8n-workflow';

import { runNode } from './engine';

// ---- a throwaway API on 127.0.0.1 that records every request --------------------------

interface Recorded {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingMessage['headers'];
	body: string;
}
type Reply = { status: number; body: unknown };
type Route = (req: Recorded) => Reply;

let server: Server;
let baseUrl: string;
let requests: Recorded[] = [];
let routes: Record<string, Route> = {};

beforeAll(async () => {
	server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const recorded: Recorded = {
				method: req.method ?? '',
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				body,
			};
			requests.push(recorded);
			const reply = (routes[url.pathname] ?? (() => ({ status: 200, body: { ok: true } })))(
				recorded,
			);
			res.writeHead(reply.status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(reply.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
	requests = [];
	routes = {};
});

// ---- throwaway credential types --------------------------------------------------------

const baseUrlField = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: '',
} as const;

class HeaderKeyApi implements ICredentialType {
	name = 'headerKeyApi';
	displayName = 'Header Key';
	properties = [
		baseUrlField,
		{ displayName: 'Key', name: 'apiKey', type: 'string' as const, default: '' },
	];
	authenticate = {
		type: 'generic' as const,
		properties: { headers: { 'X-Api-Key': '={{$credentials.apiKey}}' } },
	};
}

class QueryTokenApi implements ICredentialType {
	name = 'queryTokenApi';
	displayName = 'Query Token';
	properties = [
		baseUrlField,
		{ displayName: 'Token', name: 'token', type: 'string' as const, default: '' },
		// Never given by the tests: its default must still reach the request.
		{ displayName: 'API Version', name: 'apiVersion', type: 'string' as const, default: 'v7' },
	];
	authenticate = {
		type: 'generic' as const,
		properties: {
			qs: { token: '={{$credentials.token}}', version: '={{$credentials.apiVersion}}' },
		},
	};
}

class BearerApi implements ICredentialType {
	name = 'bearerApi';
	displayName = 'Bearer';
	properties = [
		baseUrlField,
		{ displayName: 'Token', name: 'apiToken', type: 'string' as const, default: '' },
	];
	authenticate = {
		type: 'generic' as const,
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiToken}}' } },
	};
}

class SignedApi implements ICredentialType {
	name = 'signedApi';
	displayName = 'Signed (function authenticate)';
	properties = [
		baseUrlField,
		{ displayName: 'Secret', name: 'secret', type: 'string' as const, default: '' },
	];
	authenticate: ICredentialType['authenticate'] = async (credentials, requestOptions) => ({
		...requestOptions,
		headers: { ...requestOptions.headers, 'X-Signature': `sig:${String(credentials.secret)}` },
	});
}

class BodyAndBasicApi implements ICredentialType {
	name = 'bodyAndBasicApi';
	displayName = 'Body + Basic';
	properties = [
		baseUrlField,
		{ displayName: 'Account', name: 'account', type: 'string' as const, default: '' },
		{ displayName: 'User', name: 'user', type: 'string' as const, default: '' },
		{ displayName: 'Password', name: 'password', type: 'string' as const, default: '' },
	];
	authenticate = {
		type: 'generic' as const,
		properties: {
			body: { account: '={{$credentials.account}}' },
			auth: { username: '={{$credentials.user}}', password: '={{$credentials.password}}' },
		},
	};
}

/** Logs in for a session token (n8n's expirable preAuthentication pattern). */
class SessionApi implements ICredentialType {
	name = 'sessionApi';
	displayName = 'Session';
	properties = [
		baseUrlField,
		{ displayName: 'Login', name: 'login', type: 'string' as const, default: '' },
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden' as const,
			typeOptions: { expirable: true },
			default: '',
		},
	];
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const { token } = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${String(credentials.baseUrl)}/login`,
			body: { login: credentials.login },
			json: true,
		})) as { token: string };
		return { sessionToken: token };
	}
	authenticate = {
		type: 'generic' as const,
		properties: { headers: { 'X-Session': '={{$credentials.sessionToken}}' } },
	};
}

class ClientCredsOAuth2Api implements ICredentialType {
	name = 'clientCredsOAuth2Api';
	extends = ['oAuth2Api'];
	displayName = 'Client Credentials OAuth2';
	properties = [
		baseUrlField,
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden' as const,
			default: 'clientCredentials',
		},
		// Resolved from the credential's own data, as n8n does with $self.
		{
			displayName: 'Token URL',
			name: 'accessTokenUrl',
			type: 'hidden' as const,
			default: '={{$self["baseUrl"]}}/oauth/token',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden' as const,
			default: 'users:read users:write',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden' as const,
			default: 'body',
		},
	];
}

const credentialTypes = [
	new HeaderKeyApi(),
	new QueryTokenApi(),
	new BearerApi(),
	new SignedApi(),
	new BodyAndBasicApi(),
	new SessionApi(),
	new ClientCredsOAuth2Api(),
];

// ---- throwaway node types --------------------------------------------------------------

/** GETs `path` for every item with the chosen credential; retries 503s after a sleep. */
class HttpProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HTTP Probe',
		name: 'httpProbe',
		group: ['transform'],
		version: [1, 2],
		description: 'test node',
		defaults: { name: 'HTTP Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialTypes.map((type) => ({ name: type.name, required: false })),
		properties: [
			{
				displayName: 'Credential',
				name: 'credentialType',
				type: 'string',
				default: 'headerKeyApi',
			},
			{ displayName: 'Path', name: 'path', type: 'string', default: '/api/users' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Retries', name: 'retries', type: 'number', default: 0 },
			{ displayName: 'Rewrap Errors', name: 'rewrap', type: 'boolean', default: false },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let i = 0; i < items.length; i++) {
			const credentialType = this.getNodeParameter('credentialType', i) as string;
			const credentials = await this.getCredentials(credentialType);
			let retries = this.getNodeParameter('retries', i) as number;
			for (;;) {
				try {
					const response = (await this.helpers.httpRequestWithAuthentication.call(
						this,
						credentialType,
						{
							method: this.getNodeParameter('method', i) as IHttpRequestMethods,
							url: `${String(credentials.baseUrl)}${this.getNodeParameter('path', i) as string}`,
							json: true,
						},
					)) as JsonObject;
					out.push({ json: response, pairedItem: { item: i } });
					break;
				} catch (error) {
					const httpCode = error instanceof NodeApiError ? error.httpCode : null;
					if (httpCode === '503' && retries-- > 0) {
						await sleep(10);
						continue;
					}
					if (this.continueOnFail()) {
						out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
						break;
					}
					// The helper already threw a NodeApiError, and `new NodeApiError(node, thatError,
					// { itemIndex })` hands back that same object WITHOUT the itemIndex. Annotate it.
					if (error instanceof NodeApiError && !this.getNodeParameter('rewrap', i)) {
						error.context.itemIndex = i;
						throw error;
					}
					throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: i });
				}
			}
		}
		return [out];
	}
}

/** Reads the `data` binary property of each item back through n8n's binary helpers. */
class BinaryReader implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Binary Reader',
		name: 'binaryReader',
		group: ['transform'],
		version: 1,
		description: 'test node',
		defaults: { name: 'Binary Reader' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			await Promise.all(
				this.getInputData().map(async (item, i) => {
					const meta = this.helpers.assertBinaryData(i, 'data');
					const buffer = await this.helpers.getBinaryDataBuffer(i, 'data');
					// The usual node pattern: stream stored data, which only stored modes have an id for.
					const streamed = meta.id
						? (
								await this.helpers.binaryToBuffer(await this.helpers.getBinaryStream(meta.id))
							).toString('utf8')
						: null;
					return {
						json: {
							text: buffer.toString('utf8'),
							streamed,
							fileName: meta.fileName,
							mimeType: meta.mimeType,
						},
						binary: item.binary,
					};
				}),
			),
		];
	}
}

const probe = new HttpProbe();
const creds = (type: string, data: ICredentialDataDecryptedObject) => ({
	[type]: { baseUrl, ...data },
});

// ---- tests -----------------------------------------------------------------------------

describe('runNode (n8n-core WorkflowExecute)', () => {
	it('sends a generic header credential over real HTTP and returns the response as output', async () => {
		routes['/api/users'] = () => ({ status: 200, body: { id: 7 } });
		const result = await runNode({
			node: probe,
			parameters: { credentialType: 'headerKeyApi' },
			credentialTypes,
			credentials: creds('headerKeyApi', { apiKey: 'k-123' }),
		});

		expect(result.error).toBeUndefined();
		expect(result.outputs).toEqual([[{ json: { id: 7 }, pairedItem: { item: 0 } }]]);
		expect(requests).toHaveLength(1);
		expect(requests[0].headers['x-api-key']).toBe('k-123');
	});

	it('adds a generic qs credential, including a credential field left at its default', async () => {
		await runNode({
			node: probe,
			parameters: { credentialType: 'queryTokenApi' },
			credentialTypes,
			credentials: creds('queryTokenApi', { token: 'q-1' }),
		});
		expect(requests[0].query).toEqual({ token: 'q-1', version: 'v7' });
	});

	it('resolves a template string (=Bearer {{$credentials.apiToken}})', async () => {
		await runNode({
			node: probe,
			parameters: { credentialType: 'bearerApi' },
			credentialTypes,
			credentials: creds('bearerApi', { apiToken: 'b-42' }),
		});
		expect(requests[0].headers.authorization).toBe('Bearer b-42');
	});

	it('applies a function-form authenticate', async () => {
		await runNode({
			node: probe,
			parameters: { credentialType: 'signedApi' },
			credentialTypes,
			credentials: creds('signedApi', { secret: 's3' }),
		});
		expect(requests[0].headers['x-signature']).toBe('sig:s3');
	});

	it('adds generic body fields and basic auth', async () => {
		await runNode({
			node: probe,
			parameters: { credentialType: 'bodyAndBasicApi', method: 'POST' },
			credentialTypes,
			credentials: creds('bodyAndBasicApi', { account: 'acme', user: 'u', password: 'p' }),
		});
		expect(JSON.parse(requests[0].body)).toEqual({ account: 'acme' });
		expect(requests[0].headers.authorization).toBe(
			`Basic ${Buffer.from('u:p').toString('base64')}`,
		);
	});

	it('runs preAuthentication for an empty expirable field, again on 401, and stores the result', async () => {
		let logins = 0;
		routes['/login'] = () => ({ status: 200, body: { token: `s${++logins}` } });
		routes['/api/users'] = (req) =>
			req.headers['x-session'] === 's2'
				? { status: 200, body: { ok: 's2' } }
				: { status: 401, body: {} };

		const result = await runNode({
			node: probe,
			parameters: { credentialType: 'sessionApi' },
			credentialTypes,
			credentials: creds('sessionApi', { login: 'bot' }),
		});
		expect(requests.map((r) => `${r.path} ${r.headers['x-session'] ?? ''}`.trim())).toEqual([
			'/login',
			'/api/users s1',
			'/login',
			'/api/users s2',
		]);
		expect(result.outputs[0][0].json).toEqual({ ok: 's2' });
		expect(result.credentialsAfter.sessionApi).toMatchObject({ login: 'bot', sessionToken: 's2' });
	});

	it('OAuth2 client credentials: fetches a token, refreshes once on 401, stores the new token', async () => {
		let tokens = 0;
		routes['/oauth/token'] = () => ({
			status: 200,
			body: { access_token: `tok-${++tokens}`, token_type: 'Bearer', expires_in: 3600 },
		});
		routes['/api/users'] = (req) =>
			req.headers.authorization === 'Bearer tok-2'
				? { status: 200, body: { users: [] } }
				: { status: 401, body: { error: 'expired' } };

		const result = await runNode({
			node: probe,
			parameters: { credentialType: 'clientCredsOAuth2Api' },
			credentialTypes,
			credentials: creds('clientCredsOAuth2Api', { clientId: 'cid', clientSecret: 'csecret' }),
		});

		expect(result.error).toBeUndefined();
		expect(
			requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization ?? ''}`.trim()),
		).toEqual([
			'POST /oauth/token',
			'GET /api/users Bearer tok-1',
			'POST /oauth/token',
			'GET /api/users Bearer tok-2',
		]);
		const tokenRequest = requests[0];
		expect(tokenRequest.headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect(Object.fromEntries(new URLSearchParams(tokenRequest.body))).toEqual({
			grant_type: 'client_credentials',
			client_id: 'cid',
			client_secret: 'csecret',
			scope: 'users:read users:write',
		});
		expect(result.outputs[0][0].json).toEqual({ users: [] });
		expect(result.credentialsAfter.clientCredsOAuth2Api.oauthTokenData).toMatchObject({
			access_token: 'tok-2',
			token_type: 'Bearer',
		});
		expect(result.credentialsAfter.clientCredsOAuth2Api.clientId).toBe('cid');
	});

	it('reuses a stored OAuth2 token instead of fetching one', async () => {
		const result = await runNode({
			node: probe,
			parameters: { credentialType: 'clientCredsOAuth2Api' },
			credentialTypes,
			credentials: creds('clientCredsOAuth2Api', {
				clientId: 'cid',
				clientSecret: 'csecret',
				oauthTokenData: { access_token: 'stored', token_type: 'Bearer' },
			}),
		});
		expect(result.error).toBeUndefined();
		expect(requests.map((r) => `${r.path} ${r.headers.authorization}`)).toEqual([
			'/api/users Bearer stored',
		]);
	});

	const csvItem = (): INodeExecutionData => ({
		json: {},
		binary: {
			data: {
				data: Buffer.from('a;b\n1;2').toString('base64'),
				mimeType: 'text/csv',
				fileName: 'u.csv',
			},
		},
	});

	it('makes input binary data readable through assertBinaryData / getBinaryDataBuffer', async () => {
		const result = await runNode({
			node: new BinaryReader(),
			parameters: {},
			credentialTypes: [],
			items: [csvItem()],
		});
		expect(result.error).toBeUndefined();
		expect(result.outputs[0][0].json).toEqual({
			text: 'a;b\n1;2',
			streamed: null,
			fileName: 'u.csv',
			mimeType: 'text/csv',
		});
	});

	it('filesystem binary mode: items carry an id and getBinaryStream reads the stored file', async () => {
		const result = await runNode({
			node: new BinaryReader(),
			parameters: {},
			credentialTypes: [],
			items: [csvItem()],
			binaryDataMode: 'filesystem',
		});
		expect(result.error).toBeUndefined();
		expect(result.outputs[0][0].json).toEqual({
			text: 'a;b\n1;2',
			streamed: 'a;b\n1;2',
			fileName: 'u.csv',
			mimeType: 'text/csv',
		});
		// Output binary comes back inline, and the run's stored files are gone.
		const out = result.outputs[0][0].binary?.data;
		expect(out?.id).toBeUndefined();
		expect(Buffer.from(out?.data ?? '', 'base64').toString()).toBe('a;b\n1;2');
	});

	it('continueRegularOutput: a failing item becomes an output item with json.error', async () => {
		routes['/bad'] = () => ({ status: 500, body: { message: 'boom' } });
		const result = await runNode({
			node: probe,
			parameters: { credentialType: 'bearerApi', path: '={{$json.path}}' },
			items: [{ json: { path: '/api/users' } }, { json: { path: '/bad' } }],
			credentialTypes,
			credentials: creds('bearerApi', { apiToken: 't' }),
			onError: 'continueRegularOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toHaveLength(2);
		expect(result.outputs[0][0].json).toEqual({ ok: true });
		expect(result.outputs[0][1].json.error).toEqual(expect.any(String));
	});

	it('continueErrorOutput: failing items go to the second output', async () => {
		routes['/bad'] = () => ({ status: 500, body: { message: 'boom' } });
		const result = await runNode({
			node: probe,
			parameters: { credentialType: 'bearerApi', path: '={{$json.path}}' },
			items: [{ json: { path: '/bad' } }, { json: { path: '/api/users' } }],
			credentialTypes,
			credentials: creds('bearerApi', { apiToken: 't' }),
			onError: 'continueErrorOutput',
		});
		expect(result.outputs).toHaveLength(2);
		expect(result.outputs[0].map((item) => item.json)).toEqual([{ ok: true }]);
		expect(result.outputs[1]).toHaveLength(1);
		expect(result.outputs[1][0].json.error).toEqual(expect.any(String));
	});

	it('reports a NodeApiError thrown by the node with its httpCode and itemIndex', async () => {
		routes['/missing'] = () => ({ status: 404, body: { message: 'no such user' } });
		const result = await runNode({
			node: probe,
			parameters: { credentialType: 'bearerApi', path: '={{$json.path}}' },
			items: [{ json: { path: '/api/users' } }, { json: { path: '/missing' } }],
			credentialTypes,
			credentials: creds('bearerApi', { apiToken: 't' }),
		});
		expect(result.outputs).toEqual([]);
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '404', itemIndex: 1 });
		expect(result.error?.message).toEqual(expect.any(String));
	});

	it('shows that re-wrapping a NodeApiError drops the itemIndex (n8n-workflow behaviour)', async () => {
		routes['/missing'] = () => ({ status: 404, body: { message: 'no such user' } });
		const result = await runNode({
			node: probe,
			parameters: { credentialType: 'bearerApi', path: '/missing', rewrap: true },
			credentialTypes,
			credentials: creds('bearerApi', { apiToken: 't' }),
		});
		expect(result.error).toMatchObject({ httpCode: '404', itemIndex: undefined });
	});

	it('lets node code sleep between retries (n8n-workflow sleep)', async () => {
		let calls = 0;
		routes['/flaky'] = () =>
			++calls === 1 ? { status: 503, body: {} } : { status: 200, body: { ok: 'later' } };
		const started = Date.now();
		const result = await runNode({
			node: probe,
			parameters: { credentialType: 'bearerApi', path: '/flaky', retries: 2 },
			credentialTypes,
			credentials: creds('bearerApi', { apiToken: 't' }),
		});
		expect(result.outputs[0][0].json).toEqual({ ok: 'later' });
		expect(requests).toHaveLength(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(10);
	});

	it('runs in milliseconds', async () => {
		const started = Date.now();
		for (let i = 0; i < 5; i++) {
			await runNode({
				node: probe,
				parameters: { credentialType: 'bearerApi' },
				credentialTypes,
				credentials: creds('bearerApi', { apiToken: 't' }),
			});
		}
		expect((Date.now() - started) / 5).toBeLessThan(250);
	});
});
