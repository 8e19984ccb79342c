import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ChatwootAgentBotApi } from '../../../credentials/ChatwootAgentBotApi.credentials';
import { ChatwootApi } from '../../../credentials/ChatwootApi.credentials';
import { ChatwootClientApi } from '../../../credentials/ChatwootClientApi.credentials';
import { ChatwootPlatformApi } from '../../../credentials/ChatwootPlatformApi.credentials';
import { HarnessNodeTypes, HarnessStart, START_NODE_TYPE } from '../../harness/node-types';
import { startSandbox, type Sandbox } from '../../sandbox';
import {
	CHATWOOT_BOT_TOKEN,
	CHATWOOT_PLATFORM_TOKEN,
	CHATWOOT_USER_TOKEN,
} from '../../sandbox/platforms/chatwoot';
import { createUser, jsonOf, runChatwoot } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	({ sandbox } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const P = '/platform/api/v1';
const A = '/api/v1/accounts/1';

const node: INode = {
	id: 'n',
	name: 'N',
	type: START_NODE_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const workflow = new Workflow({
	nodes: [node],
	connections: {},
	active: false,
	nodeTypes: new HarnessNodeTypes({ [START_NODE_TYPE]: new HarnessStart() }),
});
const resolve = (value: string, credentials: ICredentialDataDecryptedObject) =>
	String(
		workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		),
	);

/** Send the credential's own `test` request, with its `authenticate` header, as n8n would. */
async function credentialTest(type: ICredentialType, credentials: ICredentialDataDecryptedObject) {
	const request = type.test?.request as IHttpRequestOptions & { baseURL: string };
	const url = `${resolve(request.baseURL, credentials)}${request.url}`;
	const authenticate = type.authenticate as (
		c: ICredentialDataDecryptedObject,
		r: IHttpRequestOptions,
	) => Promise<IHttpRequestOptions>;
	const headers = (await authenticate(credentials, { url })).headers as Record<string, string>;
	const response = await fetch(url, { method: request.method, headers });
	return { url, status: response.status, body: (await response.json()) as unknown };
}

/** What n8n's credential test says for an answer with this status (its `responseCode` rules). */
function refusal(type: ICredentialType, status: number): string | undefined {
	const rule = type.test?.rules?.find(
		(r) => r.type === 'responseCode' && r.properties.value === status,
	);
	return rule?.properties.message;
}

describe('Chatwoot credential test requests against the sandbox', () => {
	it('the platform credential checks the platform app token', async () => {
		const base = `${sandbox.urlOf('/chatwoot')}/`;
		const good = await credentialTest(new ChatwootPlatformApi(), {
			url: base,
			platformToken: CHATWOOT_PLATFORM_TOKEN,
		});
		expect(good).toEqual({
			url: `${sandbox.urlOf('/chatwoot')}/platform/api/v1/agent_bots`,
			status: 200,
			body: [],
		});
		const wrongKind = await credentialTest(new ChatwootPlatformApi(), {
			url: `${base}platform/api/v1`,
			platformToken: CHATWOOT_USER_TOKEN,
		});
		expect(wrongKind.url).toBe(good.url);
		expect(wrongKind).toMatchObject({ status: 401, body: { error: 'Invalid access_token' } });
		expect(refusal(new ChatwootPlatformApi(), wrongKind.status)).toMatch(
			/refused the Platform App Token .*Super Admin > Platform Apps; a user access token from Profile Settings or an agent bot token is refused here/,
		);
	});

	it('the account credential checks the user token and the account ID', async () => {
		const url = sandbox.urlOf('/chatwoot');
		// A pasted API address works as well as the root.
		const good = await credentialTest(new ChatwootApi(), {
			url: `${url}/api/v1/accounts/9/`,
			accountId: 1,
			accessToken: CHATWOOT_USER_TOKEN,
		});
		expect(good.url).toBe(`${url}/api/v1/accounts/1/agents`);
		expect(good.status).toBe(200);
		const wrongKind = await credentialTest(new ChatwootApi(), {
			url,
			accountId: 1,
			accessToken: CHATWOOT_PLATFORM_TOKEN,
		});
		expect(wrongKind).toMatchObject({
			status: 401,
			body: { error: 'Access to this endpoint is not authorized for bots' },
		});
		const unknown = await credentialTest(new ChatwootApi(), {
			url,
			accountId: 1,
			accessToken: 'no-such-token',
		});
		expect(unknown).toMatchObject({ status: 401, body: { error: 'Invalid Access Token' } });
		const otherAccount = await credentialTest(new ChatwootApi(), {
			url,
			accountId: 2,
			accessToken: CHATWOOT_USER_TOKEN,
		});
		expect(otherAccount).toMatchObject({
			status: 401,
			body: { error: 'You are not authorized to access this account' },
		});
		// n8n's credential test reads only the status: one text names every cause of a 401.
		expect(refusal(new ChatwootApi(), 401)).toMatch(
			/refused the User Access Token for this Account ID .*wrong or reset, is a platform app or agent bot token, or its user is not in that account/,
		);
		const noAccount = await credentialTest(new ChatwootApi(), {
			url,
			accountId: 99,
			accessToken: CHATWOOT_USER_TOKEN,
		});
		expect(refusal(new ChatwootApi(), noAccount.status)).toMatch(
			/No Chatwoot account API at this Installation URL and Account ID/,
		);
	});

	it('the agent bot credential tells a bot token from a user token and an unknown one', async () => {
		const url = sandbox.urlOf('/chatwoot');
		const bot = new ChatwootAgentBotApi();
		await fetch(`${url}/__sandbox/seed`, { method: 'POST' }); // the account's bot holds the bot token
		expect(bot.test.request.ignoreHttpStatusErrors).toBe(true);
		/** n8n's verdict: the first `responseSuccessBody` rule the answer matches, else OK. */
		const verdict = async (botToken: string) => {
			const { body } = await credentialTest(bot, { url, accountId: 1, botToken });
			const rule = bot.test.rules?.find(
				(r) =>
					r.type === 'responseSuccessBody' &&
					(body as Record<string, unknown>)[r.properties.key] === r.properties.value,
			);
			return rule?.properties.message ?? 'OK';
		};
		expect(await verdict(CHATWOOT_BOT_TOKEN)).toBe('OK');
		expect(await verdict('no-such-token')).toMatch(/^Chatwoot does not know this token/);
		expect(await verdict(CHATWOOT_USER_TOKEN)).toMatch(
			/^This is a user access token: put it in a "Chatwoot API" credential/,
		);
	});

	it('the Client API credential only checks that the URL answers as Chatwoot', async () => {
		const url = sandbox.urlOf('/chatwoot');
		const client = new ChatwootClientApi();
		const request = client.test.request as IHttpRequestOptions & { baseURL: string };
		const response = await fetch(`${resolve(request.baseURL, { url: `${url}/` })}${request.url}`);
		expect(response.status).toBe(200);
		expect(client.properties.map((p) => p.name)).toEqual(['url']);
	});

	it('secrets are password fields; the sandbox credentials point at the sandbox', () => {
		const secret = (t: ICredentialType, name: string) =>
			t.properties.find((p) => p.name === name)?.typeOptions?.password;
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
			{
				name: 'Chatwoot agent bot (sandbox)',
				type: 'chatwootAgentBotApi',
				data: { url: sandbox.urlOf('/chatwoot'), accountId: 1, botToken: CHATWOOT_BOT_TOKEN },
			},
			{
				name: 'Chatwoot Client API (sandbox)',
				type: 'chatwootClientApi',
				data: { url: sandbox.urlOf('/chatwoot') },
			},
		]);
	});
});

describe('Chatwoot credentials: one header, four kinds of access', () => {
	it('a user access token in the platform credential is refused, in words, and never shown', async () => {
		const run = await runChatwoot(
			sandbox,
			{ resource: 'platformUser', operation: 'get', userId: 1 },
			{ platformToken: CHATWOOT_USER_TOKEN },
		);
		expect(sandbox.requests()[0].headers.api_access_token).toBe(CHATWOOT_USER_TOKEN);
		expect(run.error?.message).toBe(
			"Chatwoot 401: Invalid access_token. Platform operations need a platform app token (Super Admin > Platform Apps) in the \"Chatwoot Platform API\" credential; Chatwoot did not take this one as a platform app's token (wrong or deleted, or a user's or agent bot's token)",
		);
		expect(run.error?.description).toContain('only on self-hosted installations');
		expect(JSON.stringify(run.error?.raw)).not.toContain(CHATWOOT_USER_TOKEN);
	});

	it('a platform app token in the account credential is the wrong kind, said in words, and never shown', async () => {
		const run = await runChatwoot(
			sandbox,
			{ resource: 'agent', operation: 'getAll', returnAll: true },
			{ accessToken: CHATWOOT_PLATFORM_TOKEN },
		);
		expect(sandbox.requests()[0]).toMatchObject({ method: 'GET', path: `${A}/agents` });
		// AccessTokenAuthHelper#validate_bot_access_token!: a token whose owner is no user.
		expect(run.error?.message).toBe(
			'Chatwoot 401: Access to this endpoint is not authorized for bots. This operation needs a user access token (Profile Settings > Access Token) in the "Chatwoot API" credential; the token there belongs to an agent bot or a platform app',
		);
		expect(JSON.stringify(run.error?.raw)).not.toContain(CHATWOOT_PLATFORM_TOKEN);
	});

	it('a wrong or reset token reads apart from a token of the wrong kind', async () => {
		const run = await runChatwoot(
			sandbox,
			{ resource: 'label', operation: 'getAll', returnAll: true },
			{ accessToken: 'reset-long-ago-0000' },
		);
		expect(run.error?.message).toBe(
			'Chatwoot 401: Invalid Access Token. Chatwoot does not know the user access token (Profile Settings > Access Token) in the "Chatwoot API" credential: it is wrong, or was reset since; copy it again',
		);
	});

	it('the account ID comes from the credential; an account the user is not in says so', async () => {
		const run = await runChatwoot(
			sandbox,
			{ resource: 'agent', operation: 'getAll', returnAll: true },
			{ accountId: 2 },
		);
		expect(sandbox.requests()[0].path).toBe('/api/v1/accounts/2/agents');
		expect(run.error?.message).toBe('Chatwoot 401: You are not authorized to access this account');
		expect(run.error?.description).toContain(
			'Check the Account ID in the "Chatwoot API" credential',
		);
	});

	it('Include Request Details and Dry Run show the header masked, per credential', async () => {
		const detailed = await runChatwoot(sandbox, {
			...createUser,
			options: { includeRequestDetails: true },
		});
		expect(jsonOf(detailed.outputs[0])[0]).toMatchObject({
			request: {
				url: `${sandbox.urlOf('/chatwoot')}${P}/users`,
				method: 'POST',
				headers: { api_access_token: '***' },
				body: { name: 'Ana Souza', email: 'ana@example.com', password: '***' },
			},
			resource: 'platformUser',
			operation: 'create',
			success: true,
		});
		sandbox.log.length = 0;
		const dry = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'search',
			query: 'ana',
			returnAll: true,
			options: { dryRun: true },
		});
		expect(sandbox.requests()).toHaveLength(0);
		expect(jsonOf(dry.outputs[0])).toEqual([
			{
				dryRun: true,
				resource: 'contact',
				operation: 'search',
				requests: [
					{
						url: `${sandbox.urlOf('/chatwoot')}${A}/contacts/search?q=ana&page=1`,
						method: 'GET',
						headers: { api_access_token: '***' },
					},
				],
			},
		]);
		const text = JSON.stringify([detailed.outputs, dry.outputs]);
		expect(text).not.toContain(CHATWOOT_PLATFORM_TOKEN);
		expect(text).not.toContain(CHATWOOT_USER_TOKEN);
	});
});
