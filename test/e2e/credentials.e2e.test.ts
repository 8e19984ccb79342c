/**
 * The credential test ("Test" / save in the credential form) inside a real n8n, as the editor
 * calls it (POST /rest/credentials/test as the logged-in owner): every credential passes with the
 * sandbox values, and a wrong key or address fails with our sentence naming the platform, what
 * was refused and where to fix it. Keepnet's form shows its four fields first.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { ActivePlatformApi } from '../../credentials/ActivePlatformApi.credentials';
import { ChatwootApi } from '../../credentials/ChatwootApi.credentials';
import { ChatwootPlatformApi } from '../../credentials/ChatwootPlatformApi.credentials';
import { DavintooApi } from '../../credentials/DavintooApi.credentials';
import { KeepnetOAuth2Api } from '../../credentials/KeepnetOAuth2Api.credentials';
import { KeitaroApi } from '../../credentials/KeitaroApi.credentials';
import { CREDENTIAL_IDS, exampleCredentials } from './examples';
import { login, ownerEnv, startN8n, type N8nServer, type Owner, type Session } from './n8n';
import { setUpN8n, type E2eEnv } from './setup';

const owner: Owner = {
	email: 'cred-e2e@example.com',
	password: 'Cred-e2e-Passw0rd',
	firstName: 'Cred',
	lastName: 'Tester',
};
let env: E2eEnv;
let n8n: N8nServer;
let session: Session;

interface TestResult {
	status: 'OK' | 'Error';
	message: string;
}

async function rest<T>(method: string, path: string, body?: unknown): Promise<T> {
	const res = await fetch(`${n8n.baseUrl}${path}`, {
		method,
		headers: {
			cookie: session.cookie,
			'browser-id': session.browserId,
			'content-type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
	return (JSON.parse(text) as { data: T }).data;
}

/** What the editor does on "Test": the stored credential's id with the form's data. */
const testCredential = (
	id: string,
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<TestResult> =>
	rest<TestResult>('POST', '/rest/credentials/test', {
		credentials: { id, name: 'under test', type, data },
	});

const sandboxData = (type: string): ICredentialDataDecryptedObject => {
	const credential = exampleCredentials(env.sandbox).find((c) => c.type === type);
	if (!credential) throw new Error(`no sandbox credential of type ${type}`);
	return credential.data;
};

const ruleMessage = (credential: ICredentialType, code: number): string => {
	const rule = credential.test?.rules?.find(
		(r) => r.type === 'responseCode' && r.properties.value === code,
	);
	if (!rule || rule.type !== 'responseCode')
		throw new Error(`${credential.name} has no rule for ${code}`);
	return rule.properties.message;
};

beforeAll(async () => {
	env = await setUpN8n();
	n8n = await startN8n(env.folder, { env: ownerEnv(owner) });
	session = await login(n8n.baseUrl, owner.email, owner.password);
});
afterAll(async () => env?.close());

/** Credential type, the field that holds its key, a URL path where the sandbox has no API. */
const API_KEY_CREDENTIALS: Array<[ICredentialType, string]> = [
	[new KeitaroApi(), 'apiKey'],
	[new ChatwootPlatformApi(), 'platformToken'],
	[new ChatwootApi(), 'accessToken'],
	[new ActivePlatformApi(), 'apiToken'],
	[new DavintooApi(), 'apiToken'],
];

describe('credential tests in n8n 2.40.7', () => {
	it.each(API_KEY_CREDENTIALS.map(([c, key]) => [c.name, c, key] as const))(
		'%s: passes with the sandbox values, and a wrong key or address gets our sentence',
		async (type, credential, keyField) => {
			const id = CREDENTIAL_IDS[type];
			const good = sandboxData(type);
			expect(await testCredential(id, type, good)).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			expect(await testCredential(id, type, { ...good, [keyField]: 'wrong-key-000' })).toEqual({
				status: 'Error',
				message: ruleMessage(credential, 401),
			});
			const nowhere = String(good.url).replace(/\/[a-z]+$/, '/no-such-api');
			expect(await testCredential(id, type, { ...good, url: nowhere })).toEqual({
				status: 'Error',
				message: ruleMessage(credential, 404),
			});
		},
	);

	it('chatwoot: each token kind is refused by the other credential with a sentence naming the token it needs', async () => {
		const platform = sandboxData('chatwootPlatformApi');
		const account = sandboxData('chatwootApi');
		const userTokenAsPlatform = await testCredential(
			CREDENTIAL_IDS.chatwootPlatformApi,
			'chatwootPlatformApi',
			{
				...platform,
				platformToken: account.accessToken,
			},
		);
		expect(userTokenAsPlatform.message).toBe(ruleMessage(new ChatwootPlatformApi(), 401));
		expect(userTokenAsPlatform.message).toContain(
			'a user access token from Profile Settings or an agent bot token is refused here',
		);
		const platformTokenAsUser = await testCredential(CREDENTIAL_IDS.chatwootApi, 'chatwootApi', {
			...account,
			accessToken: platform.platformToken,
		});
		expect(platformTokenAsUser.message).toBe(ruleMessage(new ChatwootApi(), 401));
		expect(platformTokenAsUser.message).toContain('is a platform app or agent bot token');
	});

	it('keepnetOAuth2Api: passes with the sandbox client; a wrong secret fails at the token request, which the form explains', async () => {
		// n8n tests an OAuth2 credential through the stored one (the token request reads it), as the
		// editor does after saving: so each case is a saved credential of its own.
		const good = sandboxData('keepnetOAuth2Api');
		const create = (name: string, data: ICredentialDataDecryptedObject) =>
			rest<{ id: string }>('POST', '/rest/credentials', { name, type: 'keepnetOAuth2Api', data });
		const ok = await create('Keepnet right', good);
		expect(await testCredential(ok.id, 'keepnetOAuth2Api', good)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});

		const wrong = { ...good, clientSecret: 'wrong-secret-000' };
		const refused = await create('Keepnet wrong secret', wrong);
		const result = await testCredential(refused.id, 'keepnetOAuth2Api', wrong);
		// n8n's own wording for an OAuth2 "invalid_client" answer: credential rules never see it.
		expect(result).toEqual({
			status: 'Error',
			message:
				'Failed to acquire OAuth2 access token: Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method).',
		});
		const notice = new KeepnetOAuth2Api().properties[0];
		expect(notice.type).toBe('notice');
		expect(notice.displayName).toContain(
			'If the test says "Client authentication failed", Keepnet refused this Client ID and Client Secret',
		);
		expect(notice.displayName).toContain('Company > Company Settings > REST API');
		// Secrets never come back in the message.
		expect(JSON.stringify(result)).not.toContain('wrong-secret-000');
	});

	it("keepnetOAuth2Api: n8n lays out Base URL, Client ID, Client Secret, Company ID first and none of oAuth2Api's switches", async () => {
		// The editor's source of credential types (a plain array, no REST envelope).
		const res = await fetch(`${n8n.baseUrl}/types/credentials.json`, {
			headers: { cookie: session.cookie, 'browser-id': session.browserId },
		});
		const types = (await res.json()) as ICredentialType[];
		const byName = new Map(types.map((t) => [t.name, t]));
		// The editor's own merge: parents in `extends` order, then the type's fields, in place by name.
		const merged = (name: string): INodeProperties[] => {
			const type = byName.get(name);
			if (!type) throw new Error(`n8n does not know credential type ${name}`);
			if (!type.extends) return type.properties;
			const all: INodeProperties[] = [];
			for (const parent of type.extends) NodeHelpers.mergeNodeProperties(all, merged(parent));
			NodeHelpers.mergeNodeProperties(all, type.properties);
			return all;
		};
		const properties = merged('keepnetOAuth2Api');
		const defaults = Object.fromEntries(properties.map((p) => [p.name, p.default]));
		const shown = properties.filter(
			(p) =>
				p.type !== 'hidden' &&
				NodeHelpers.displayParameter(defaults, p, null, null) &&
				!p.name.startsWith('allowed'),
		);
		expect(shown.map((p) => `${p.type}:${p.displayName}`)).toEqual([
			expect.stringMatching(/^notice:Create a REST API client in Keepnet/),
			'string:Base URL',
			'string:Client ID',
			'string:Client Secret',
			'string:Company ID',
		]);
		expect(byName.get('keepnetBaseApi')?.hidden).toBe(true);
	});
});
