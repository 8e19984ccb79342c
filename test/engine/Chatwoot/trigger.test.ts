import { CHATWOOT_ACCOUNT_ID, CHATWOOT_USER_TOKEN } from '../../sandbox/platforms/chatwoot';
import { railsJson, signature } from '../../sandbox/platforms/chatwoot-webhooks';
import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { verifyChatwootSignature } from '../../../nodes/Chatwoot/helpers/webhook-signature';
import { nodeState, runHook, type TriggerSetup, WEBHOOK_ID } from './trigger-hooks';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const URL = `https://n8n.example/webhook/${WEBHOOK_ID}/webhook`;

function setup(
	events = ['message_created', 'conversation_created'],
	accessToken = CHATWOOT_USER_TOKEN,
): TriggerSetup {
	return {
		parameters: { events, options: { webhookName: 'n8n support flow' } },
		credentials: { url: sandbox.urlOf('/chatwoot'), accountId: CHATWOOT_ACCOUNT_ID, accessToken },
		staticData: {},
		webhookBaseUrl: 'https://n8n.example/webhook',
	};
}

const calls = () => sandbox.requests('chatwoot').map((r) => `${r.method} ${r.path}`);

describe('Chatwoot Trigger: the webhook follows the workflow (n8n-core HookContext, sandbox)', () => {
	it('activation: not there yet, so it is made with the URL, name and events; the ID and signing secret are kept', async () => {
		const s = setup();
		expect(await runHook(s, 'checkExists')).toBe(false);
		expect(await runHook(s, 'create')).toBe(true);
		expect(calls()).toEqual([
			'GET /api/v1/accounts/1/webhooks',
			'POST /api/v1/accounts/1/webhooks',
		]);
		expect(sandbox.requests('chatwoot')[1].body).toEqual({
			url: URL,
			name: 'n8n support flow',
			subscriptions: ['message_created', 'conversation_created'],
		});
		const [hook] = [...platforms.chatwoot.webhooks.values()];
		expect(hook).toMatchObject({
			url: URL,
			subscriptions: ['message_created', 'conversation_created'],
		});
		expect(nodeState(s)).toEqual({ webhookId: hook.id, secret: hook.secret });
	});

	it('re-activation finds the webhook by its URL; changed events are patched, not duplicated', async () => {
		const s = setup();
		await runHook(s, 'create');
		sandbox.log.length = 0;
		const changed = { ...s, parameters: { events: ['contact_created'] }, staticData: {} };
		expect(await runHook(changed, 'checkExists')).toBe(true);
		const id = [...platforms.chatwoot.webhooks.keys()][0];
		expect(calls()).toEqual([
			'GET /api/v1/accounts/1/webhooks',
			`PATCH /api/v1/accounts/1/webhooks/${id}`,
		]);
		expect(platforms.chatwoot.webhooks.size).toBe(1);
		expect(platforms.chatwoot.webhooks.get(id)?.subscriptions).toEqual(['contact_created']);
		expect(nodeState(changed).webhookId).toBe(id);
	});

	it('deactivation deletes it; a webhook already gone in Chatwoot counts as deleted', async () => {
		const s = setup();
		await runHook(s, 'create');
		const id = nodeState(s).webhookId;
		expect(await runHook(s, 'delete')).toBe(true);
		expect(platforms.chatwoot.webhooks.size).toBe(0);
		expect(nodeState(s)).toEqual({});
		const stale = { ...setup(), staticData: { 'node:Chatwoot Trigger': { webhookId: id } } };
		expect(await runHook(stale, 'delete')).toBe(true);
		expect(calls().slice(-1)).toEqual([`DELETE /api/v1/accounts/1/webhooks/${id}`]);
	});

	it('an older Chatwoot returns no secret: nothing is kept to check signatures with', async () => {
		platforms.chatwoot.signWebhooks = false;
		const s = setup();
		await runHook(s, 'create');
		expect(nodeState(s)).toEqual({ webhookId: expect.any(Number) });
	});

	it("a user who is no administrator gets Chatwoot's refusal in words", async () => {
		const agent = platforms.chatwoot.addUser({
			name: 'Agent',
			email: 'a@acme.test',
			ownedByApp: false,
		});
		platforms.chatwoot.addMember(1, agent.id, 'agent');
		platforms.chatwoot.tokenUserId = agent.id;
		await expect(runHook(setup(), 'checkExists')).rejects.toMatchObject({
			message: 'Chatwoot 401: You are not authorized to do this action',
			description: expect.stringContaining('administrator'),
		});
	});

	it('a token of the wrong kind is named as such', async () => {
		await expect(
			runHook(setup(undefined, 'sandbox-cw-platform-token-7c1e'), 'create'),
		).rejects.toMatchObject({
			message: expect.stringMatching(
				/^Chatwoot 401: Access to this endpoint is not authorized for bots\. This operation needs a user access token/,
			),
		});
	});
});

describe('Chatwoot Trigger: delivery signatures (Web Crypto in the node, node:crypto in the sandbox)', () => {
	const body = new TextEncoder().encode('{"event":"message_created","id":7,"content":"Olá 👋"}');
	const now = 1_767_225_600;

	it('accepts what the sandbox signs the way Chatwoot does', async () => {
		const sig = signature('whsec-1', String(now), Buffer.from(body).toString('utf8'));
		expect(
			await verifyChatwootSignature(
				'whsec-1',
				{ signature: sig, timestamp: String(now) },
				body,
				now + 10,
			),
		).toEqual({ ok: true });
	});

	it('needs the raw bytes: Rails escapes <, > and & in JSON, which a re-serialised body loses', async () => {
		const raw = railsJson({ event: 'contact_created', name: 'Ann <VIP> & Co' });
		const sig = signature('whsec-1', String(now), raw);
		const headers = { signature: sig, timestamp: String(now) };
		expect(
			await verifyChatwootSignature('whsec-1', headers, new TextEncoder().encode(raw), now),
		).toEqual({ ok: true });
		const reserialised = new TextEncoder().encode(JSON.stringify(JSON.parse(raw)));
		expect(await verifyChatwootSignature('whsec-1', headers, reserialised, now)).toMatchObject({
			ok: false,
		});
	});

	it('refuses a wrong secret, a changed body, a missing or stale signature', async () => {
		const sig = signature('whsec-1', String(now), Buffer.from(body).toString('utf8'));
		const check = (
			secret: string,
			headers: { signature?: string; timestamp?: string },
			raw = body,
			at = now,
		) => verifyChatwootSignature(secret, headers, raw, at);
		expect(await check('whsec-2', { signature: sig, timestamp: String(now) })).toEqual({
			ok: false,
			reason: 'X-Chatwoot-Signature does not match the body',
		});
		expect(
			await check(
				'whsec-1',
				{ signature: sig, timestamp: String(now) },
				new TextEncoder().encode('{"event":"message_created","id":8}'),
			),
		).toMatchObject({ ok: false });
		expect(await check('whsec-1', { timestamp: String(now) })).toEqual({
			ok: false,
			reason: expect.stringContaining('not signed'),
		});
		expect(
			await check('whsec-1', { signature: sig, timestamp: String(now) }, body, now + 301),
		).toEqual({ ok: false, reason: expect.stringContaining('5 minutes') });
		expect(await check('whsec-1', { signature: 'sha256=zz', timestamp: String(now) })).toEqual({
			ok: false,
			reason: expect.stringContaining('not a sha256'),
		});
		// The timestamp is part of what is signed: a fresh one cannot be swapped in.
		expect(
			await check('whsec-1', { signature: sig, timestamp: String(now + 60) }, body, now + 60),
		).toMatchObject({ ok: false });
	});
});
