import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import {
	KEEPNET_CLIENT_ID,
	KEEPNET_CLIENT_SECRET,
	KEEPNET_CUSTOMER_COMPANY,
	KEEPNET_RESELLER_ID,
	KEEPNET_RESELLER_SECRET,
} from '../../sandbox/platforms/keepnet';
import { apiRequestsOf, calls, jsonOf, runKeepnet } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const issuedTokens = () => [...platforms.keepnet.tokens.keys()];
const apiRequests = () => apiRequestsOf(sandbox);

describe('Keepnet OAuth2 client credentials through n8n', () => {
	it('fetches a token with a form body on the first call, sends it as Bearer and stores it', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		const run = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId });
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([
			'POST /connect/token',
			`GET /api/target-users/${user.resourceId}`,
		]);
		const [tokenCall, get] = sandbox.requests('keepnet');
		expect(tokenCall.headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect(tokenCall.body).toEqual({
			grant_type: 'client_credentials',
			client_id: KEEPNET_CLIENT_ID,
			client_secret: KEEPNET_CLIENT_SECRET,
			scope: 'api1',
		});
		const [token] = issuedTokens();
		expect(get.headers.authorization).toBe(`Bearer ${token}`);
		expect(get.headers['x-keepnet-company-id']).toBeUndefined();
		expect(run.credentialsAfter.keepnetOAuth2Api.oauthTokenData).toMatchObject({
			access_token: token,
			token_type: 'Bearer',
		});
	});

	it('reuses a stored token, and when it has expired refreshes once on the 401 and repeats the call', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		const first = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId });
		const stored = first.credentialsAfter.keepnetOAuth2Api.oauthTokenData;

		sandbox.log.length = 0;
		const again = await runKeepnet(
			sandbox,
			{ operation: 'get', resourceId: user.resourceId },
			{ credential: { oauthTokenData: stored } },
		);
		expect(again.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([`GET /api/target-users/${user.resourceId}`]);

		platforms.keepnet.expireTokens();
		sandbox.log.length = 0;
		const expired = await runKeepnet(
			sandbox,
			{ operation: 'get', resourceId: user.resourceId },
			{ credential: { oauthTokenData: stored } },
		);
		expect(expired.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([
			`GET /api/target-users/${user.resourceId}`,
			'POST /connect/token',
			`GET /api/target-users/${user.resourceId}`,
		]);
		const fresh = issuedTokens()[1];
		const [stale, , retried] = sandbox.requests('keepnet');
		expect(stale.headers.authorization).toBe(
			`Bearer ${(stored as { access_token: string }).access_token}`,
		);
		expect(retried.headers.authorization).toBe(`Bearer ${fresh}`);
		expect(expired.credentialsAfter.keepnetOAuth2Api.oauthTokenData).toMatchObject({
			access_token: fresh,
		});
		expect(jsonOf(expired.outputs[0])).toEqual([
			expect.objectContaining({ resourceId: user.resourceId }),
		]);
	});

	it('refreshes only once: a second 401 is reported, with a hint', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		platforms.keepnet.tokenTtlMs = -1; // every token is dead on arrival
		const run = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId });
		expect(calls(sandbox)).toEqual([
			'POST /connect/token',
			`GET /api/target-users/${user.resourceId}`,
			'POST /connect/token',
			`GET /api/target-users/${user.resourceId}`,
		]);
		expect(run.error?.message).toBe(
			'Keepnet refused the access token of this Client ID, even after n8n fetched a new one (HTTP 401). Check in Keepnet that the REST API client is active and that its IP restriction lets n8n in.',
		);
		expect(run.error?.description).toBe(`GET /keepnet/api/target-users/${user.resourceId}`);
	});

	it('a wrong client secret reads as invalid_client, sends no API call and shows the secret nowhere', async () => {
		const wrong = 'wrong-secret-9f8e7d6c';
		const run = await runKeepnet(
			sandbox,
			{ operation: 'get', resourceId: 'x1' },
			{ credential: { clientSecret: wrong } },
		);
		expect(calls(sandbox)).toEqual(['POST /connect/token']);
		expect(run.error?.message).toBe(
			'Keepnet refused the Client ID or Client Secret when n8n asked for an access token (HTTP 400, "invalid_client"). Check the Client ID and Client Secret in the Keepnet credential.',
		);
		expect(run.error?.description).toContain(
			'Keepnet lists its REST API clients under Company > Company Settings > REST API',
		);
		expect(JSON.stringify(run.error?.raw)).not.toContain(wrong);
	});

	it('the token URL is built from a base URL with a trailing slash', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		const run = await runKeepnet(
			sandbox,
			{ operation: 'get', resourceId: user.resourceId },
			{ credential: { baseUrl: `${sandbox.urlOf('/keepnet')}/` } },
		);
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)[0]).toBe('POST /connect/token');
	});

	it('a base URL pasted with /api/ reaches the token endpoint and the API alike (one rule for both)', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		const run = await runKeepnet(
			sandbox,
			{ operation: 'get', resourceId: user.resourceId },
			{ credential: { baseUrl: ` ${sandbox.urlOf('/keepnet')}/api/ ` } },
		);
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([
			'POST /connect/token',
			`GET /api/target-users/${user.resourceId}`,
		]);
	});

	it('the sandbox token endpoint answers 500 to JSON, as Keepnet does', async () => {
		const response = await fetch(`${sandbox.urlOf('/keepnet')}/connect/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				grant_type: 'client_credentials',
				client_id: KEEPNET_CLIENT_ID,
				client_secret: KEEPNET_CLIENT_SECRET,
				scope: 'api1',
			}),
		});
		expect(response.status).toBe(500);
	});
});

describe('Keepnet companies: the reseller header', () => {
	it('a reseller credential sends X-KEEPNET-Company-Id on every call and works in that company', async () => {
		const credential = {
			clientId: KEEPNET_RESELLER_ID,
			clientSecret: KEEPNET_RESELLER_SECRET,
			companyId: KEEPNET_CUSTOMER_COMPANY,
		};
		const run = await runKeepnet(
			sandbox,
			{
				operation: 'upsert',
				email: 'cust@example.com',
				phoneNumber: '+15550001',
				additionalFields: {},
			},
			{ credential },
		);
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([
			'POST /connect/token',
			'POST /api/target-users/search-email',
			'POST /api/target-users',
		]);
		for (const r of apiRequests())
			expect(r.headers['x-keepnet-company-id']).toBe(KEEPNET_CUSTOMER_COMPANY);
		expect(platforms.keepnet.snapshot()).toEqual([
			expect.objectContaining({ email: 'cust@example.com', companyId: KEEPNET_CUSTOMER_COMPANY }),
		]);
	});

	it('a company client naming another company gets 403 in words', async () => {
		const run = await runKeepnet(
			sandbox,
			{ operation: 'get', resourceId: 'tu0000001' },
			{ credential: { companyId: KEEPNET_CUSTOMER_COMPANY } },
		);
		expect(run.error?.message).toBe('Keepnet 403: You are not authorized to access this company.');
		expect(run.error?.description).toContain('it may not act in that company');
	});
});
