/**
 * Chatwoot in a real n8n 2.40.7 with the packed package: one example workflow per resource group
 * (conversations, settings and help center, the Client API) runs against the sandbox, and the
 * Chatwoot Trigger registers its webhook on activation, runs its workflow for a signed delivery,
 * refuses a forged one, and removes the webhook on deactivation.
 */
import { CHATWOOT_USER_TOKEN } from '../sandbox/platforms/chatwoot';
import { EXAMPLE_IDS } from './examples';
import {
	executeWorkflow,
	login,
	nodeOutput,
	ownerEnv,
	startN8n,
	type ExecuteResult,
	type Owner,
} from './n8n';
import { jsonOf, setUpN8n, type E2eEnv } from './setup';

let env: E2eEnv;

beforeAll(async () => {
	env = await setUpN8n();
});
afterAll(async () => env?.close());

async function runExample(id: string): Promise<ExecuteResult> {
	env.sandbox.reset();
	const res = await executeWorkflow(env.folder, id);
	const why = res.run?.data.resultData.error?.message ?? res.stderr.slice(-1500);
	expect({ ok: res.ok, why }).toEqual({ ok: true, why: expect.anything() });
	return res;
}

const out = (res: ExecuteResult, node: string) => jsonOf(nodeOutput(res.run, node));
const sent = () => env.sandbox.requests('chatwoot').map((r) => `${r.method} ${r.path}`);
const A = '/api/v1/accounts/1';

describe('Chatwoot example workflows in real n8n', () => {
	it('conversations: an API inbox, a team, a contact, a conversation with a file attached from binary data', async () => {
		const res = await runExample(EXAMPLE_IDS['chatwoot-conversations']);
		const inbox = out(res, 'Create API inbox')[0];
		const conversation = out(res, 'Start conversation')[0];
		expect(inbox).toMatchObject({
			name: 'Demo API inbox',
			channel_type: 'Channel::Api',
			outcome: 'created',
		});
		expect(sent()).toEqual([
			`POST ${A}/inboxes`,
			`POST ${A}/inbox_members`,
			`POST ${A}/teams`,
			`POST ${A}/teams/1/team_members`,
			`POST ${A}/contacts`,
			`POST ${A}/contacts/1/labels`,
			`POST ${A}/conversations`,
			`POST ${A}/conversations/1/assignments`,
			`POST ${A}/conversations/1/toggle_priority`,
			`POST ${A}/conversations/1/labels`,
			`POST ${A}/conversations/1/messages`,
			`POST ${A}/conversations/1/toggle_status`,
			`GET ${A}/conversations/1/messages`,
			`GET ${A}/conversations/meta`,
		]);
		// The file made by Convert to File went as multipart, under attachments[].
		const upload = env.sandbox.requests('chatwoot')[10];
		expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(upload.body).toEqual({
			fields: { content: 'Refund note attached.', private: 'true' },
			files: [
				{
					field: 'attachments[]',
					filename: 'refund-note.txt',
					contentType: 'text/plain',
					data: '28 bytes',
				},
			],
		});
		expect(conversation).toMatchObject({ id: 1, inbox_id: inbox.id, outcome: 'created' });
		expect(out(res, 'Resolve')[0]).toMatchObject({ current_status: 'resolved' });
		expect(out(res, 'List messages').map((m) => m.content)).toEqual([
			'Refund note attached.',
			'Hello! This is a demo conversation.',
		]);
		for (const r of env.sandbox.requests('chatwoot'))
			expect(r.headers.api_access_token).toBe(CHATWOOT_USER_TOKEN);
	});

	it('settings, help center, reports and platform records', async () => {
		const res = await runExample(EXAMPLE_IDS['chatwoot-settings']);
		expect(sent()).toEqual([
			`GET ${A}`,
			`POST ${A}/labels`,
			`PATCH ${A}/labels/1`,
			`POST ${A}/canned_responses`,
			`POST ${A}/custom_attribute_definitions`,
			`POST ${A}/automation_rules`,
			`POST ${A}/agent_bots`,
			`POST ${A}/webhooks`,
			`POST ${A}/portals`,
			`POST ${A}/portals/demo-help/categories`,
			`POST ${A}/portals/demo-help/articles`,
			`POST ${A}/integrations/hooks`,
			'GET /api/v1/profile',
			'GET /api/v2/accounts/1/reports/summary',
			`DELETE ${A}/webhooks/1`,
			`DELETE ${A}/labels/1`,
			'POST /platform/api/v1/accounts',
			'POST /platform/api/v1/agent_bots',
			'GET /platform/api/v1/accounts/3/account_users',
		]);
		expect(out(res, 'Recolor label')[0]).toMatchObject({
			title: 'demo-label',
			color: '#FF5733',
			outcome: 'updated',
		});
		expect(out(res, 'Create webhook')[0]).toMatchObject({
			url: 'https://crm.example/chatwoot-events',
			secret: '***',
		});
		expect(out(res, 'Write article')[0]).toMatchObject({
			title: 'How refunds work',
			status: 'published',
		});
		const summary = env.sandbox.requests('chatwoot')[13];
		expect(summary.query).toEqual({ type: 'account', since: '1767225600', until: '1769817600' });
	});

	it('the Client API: a customer in an API inbox, with no token sent', async () => {
		const res = await runExample(EXAMPLE_IDS['chatwoot-client']);
		const identifier = out(res, 'Create API inbox')[0].inbox_identifier as string;
		const source = out(res, 'Create customer')[0].source_id as string;
		const C = `/public/api/v1/inboxes/${identifier}`;
		expect(sent()).toEqual([
			`POST ${A}/inboxes`,
			`GET ${C}`,
			`POST ${C}/contacts`,
			`PATCH ${C}/contacts/${source}`,
			`POST ${C}/contacts/${source}/conversations`,
			`POST ${C}/contacts/${source}/conversations/1/toggle_typing`,
			`POST ${C}/contacts/${source}/conversations/1/messages`,
			`GET ${C}/contacts/${source}/conversations/1/messages`,
			`POST ${C}/contacts/${source}/conversations/1/update_last_seen`,
			`POST ${C}/contacts/${source}/conversations/1/toggle_status`,
		]);
		for (const r of env.sandbox.requests('chatwoot').slice(1))
			expect(r.headers.api_access_token).toBeUndefined();
		expect(out(res, 'Read messages').map((m) => m.content)).toEqual(['Hi, where is my order?']);
		expect(out(res, 'Customer resolves')[0]).toMatchObject({ status: 'resolved' });
	});
});

describe('Chatwoot Trigger in real n8n', () => {
	const OWNER: Owner = {
		email: 'owner@e2e.test',
		password: 'E2e-Owner-Pass1',
		firstName: 'E2e',
		lastName: 'Owner',
	};
	const WEBHOOK_PATH = 'webhook/7d1c3a52-0f6e-4d9b-8a3c-2e4f5b6a7c81/webhook';

	async function until<T>(
		what: string,
		probe: () => T | undefined | Promise<T | undefined>,
		timeoutMs = 60_000,
	): Promise<T> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const value = await probe();
			if (value !== undefined && value !== false) return value;
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
			await new Promise((r) => setTimeout(r, 250));
		}
	}

	it('activation registers the webhook; a signed delivery runs the workflow, a forged one is refused; deactivation removes it', async () => {
		env.sandbox.reset();
		const cw = env.platforms.chatwoot;
		const server = await startN8n(env.folder, { env: ownerEnv(OWNER) });
		const session = await login(server.baseUrl, OWNER.email, OWNER.password);
		const headers = {
			cookie: session.cookie,
			'browser-id': session.browserId,
			'content-type': 'application/json',
		};
		const id = EXAMPLE_IDS['chatwoot-trigger'];
		const wf = (
			(await (await fetch(`${server.baseUrl}/rest/workflows/${id}`, { headers })).json()) as {
				data: { versionId: string };
			}
		).data;
		const activated = await fetch(`${server.baseUrl}/rest/workflows/${id}/activate`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ versionId: wf.versionId }),
		});
		expect(activated.status).toBe(200);

		// n8n ran checkExists and create: the webhook points at n8n, for the chosen event.
		const hook = await until('the webhook in Chatwoot', () => [...cw.webhooks.values()][0]);
		expect(hook).toMatchObject({
			url: `${server.baseUrl}/${WEBHOOK_PATH}`,
			name: 'n8n example',
			subscriptions: ['contact_created'],
		});

		// Someone adds a contact in Chatwoot: the sandbox delivers contact_created, signed.
		const created = await fetch(`${env.sandbox.urlOf('/chatwoot')}${A}/contacts`, {
			method: 'POST',
			headers: { api_access_token: CHATWOOT_USER_TOKEN, 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'New Lead <VIP> & Co', email: 'lead@example.com' }),
		});
		const contactId = ((await created.json()) as { payload: { contact: { id: number } } }).payload
			.contact.id;
		const delivery = await until('the delivery', () =>
			cw.deliverer.deliveries.find((d) => d.event === 'contact_created' && d.status !== -1),
		);
		expect(delivery).toMatchObject({ status: 200, signed: true });
		// Rails escapes <, > and & in JSON: only the raw bytes carry a valid signature.
		expect(delivery.body).toContain('New Lead \\u003cVIP\\u003e \\u0026 Co');
		// The workflow ran: its Chatwoot node labelled the new contact.
		await until('the label request', () =>
			sent().includes(`POST ${A}/contacts/${contactId}/labels`),
		);
		expect(cw.contacts.get(contactId)?.labels).toEqual(['new']);

		// A delivery without Chatwoot's signature is refused and runs nothing.
		const before = sent().length;
		const forged = await fetch(`${server.baseUrl}/${WEBHOOK_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ event: 'contact_created', id: contactId, account: { id: 1 } }),
		});
		expect(forged.status).toBe(401);
		expect(await forged.json()).toEqual({ error: expect.stringContaining('not signed') });
		// A signed delivery whose body was changed on the way fares no better.
		const replay = { ...delivery.headers };
		const tampered = await fetch(`${server.baseUrl}/${WEBHOOK_PATH}`, {
			method: 'POST',
			headers: replay,
			body: delivery.body.replace('New Lead', 'Evil Lead'),
		});
		expect(tampered.status).toBe(401);
		await new Promise((r) => setTimeout(r, 1500));
		expect(sent().length).toBe(before);

		// Deactivation removes the webhook from Chatwoot.
		const deactivated = await fetch(`${server.baseUrl}/rest/workflows/${id}/deactivate`, {
			method: 'POST',
			headers,
			body: '{}',
		});
		expect(deactivated.status).toBe(200);
		await until('the webhook to go', () => cw.webhooks.size === 0 || undefined);
		expect(sent()).toContain(`DELETE ${A}/webhooks/${hook.id}`);
		await server.stop();
	});
});
