/**
 * n8n's SSRF protection (off by default up to 2.x; n8n 3.0 widens its default block list) and a
 * platform on a private address: what users see when it blocks the node, and the setting that
 * lets it through. The sandbox listens on 127.0.0.1, inside the default block list, so it stands
 * in for a self-hosted Keitaro / Chatwoot / Davintoo on a private network.
 */
import { executeWorkflow, type UserFolder } from './n8n';
import { EXAMPLE_IDS } from './examples';
import { calls, setUpN8n, type E2eEnv } from './setup';

let env: E2eEnv;

beforeAll(async () => {
	env = await setUpN8n();
});
afterAll(async () => env?.close());
beforeEach(() => env.sandbox.reset());

const withEnv = (extra: Record<string, string>): UserFolder => ({
	...env.folder,
	env: { ...env.folder.env, ...extra },
});

describe('SSRF protection in real n8n, against a platform on a private address', () => {
	it("on with the default block list: the node fails before anything reaches the platform, with n8n's reason in the text", async () => {
		const res = await executeWorkflow(
			withEnv({ N8N_SSRF_PROTECTION_ENABLED: 'true' }),
			EXAMPLE_IDS.keitaro,
		);
		expect(res.run?.status).toBe('error');
		expect(calls(env.sandbox, 'keitaro')).toEqual([]);
		// The node does not know this failure yet: "no answer came back"; n8n's reason is in the description.
		const error = res.run?.data.resultData.error;
		expect(error?.message).toBe(
			'Keitaro: POST /keitaro/admin_api/v1/users failed: no answer came back.',
		);
		expect(error?.description).toMatch(
			/The request was blocked because it resolves to a restricted IP address/,
		);
	});

	it('on, with the platform allowed by N8N_SSRF_ALLOWED_IP_RANGES: the example runs through', async () => {
		const res = await executeWorkflow(
			withEnv({ N8N_SSRF_PROTECTION_ENABLED: 'true', N8N_SSRF_ALLOWED_IP_RANGES: '127.0.0.1/32' }),
			EXAMPLE_IDS.keitaro,
		);
		expect({ ok: res.ok, why: res.run?.data.resultData.error?.message }).toEqual({
			ok: true,
			why: undefined,
		});
		expect(calls(env.sandbox, 'keitaro').length).toBeGreaterThan(0);
	});

	it('on: n8n blocks the OAuth2 token request too (Keepnet); an IP address is let through by N8N_SSRF_ALLOWED_IP_RANGES, not by N8N_SSRF_ALLOWED_HOSTNAMES', async () => {
		const blocked = await executeWorkflow(
			withEnv({ N8N_SSRF_PROTECTION_ENABLED: 'true' }),
			EXAMPLE_IDS.keepnet,
		);
		expect(blocked.run?.status).toBe('error');
		expect(calls(env.sandbox, 'keepnet')).toEqual([]);
		const byName = await executeWorkflow(
			withEnv({ N8N_SSRF_PROTECTION_ENABLED: 'true', N8N_SSRF_ALLOWED_HOSTNAMES: '127.0.0.1' }),
			EXAMPLE_IDS.keepnet,
		);
		expect(byName.run?.status).toBe('error');
		expect(calls(env.sandbox, 'keepnet')).toEqual([]);
		const allowed = await executeWorkflow(
			withEnv({ N8N_SSRF_PROTECTION_ENABLED: 'true', N8N_SSRF_ALLOWED_IP_RANGES: '127.0.0.1/32' }),
			EXAMPLE_IDS.keepnet,
		);
		expect({ ok: allowed.ok, why: allowed.run?.data.resultData.error?.message }).toEqual({
			ok: true,
			why: undefined,
		});
		expect(calls(env.sandbox, 'keepnet')[0]).toBe('POST /connect/token');
	});
});
