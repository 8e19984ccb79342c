import type { INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { calls, jsonOf, runChatwoot } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => {
	sandbox.reset();
	platforms.chatwoot.seed();
});

const A = '/api/v1/accounts/1';

describe('Chatwoot Application API: what the generated operations do beyond one request', () => {
	it('a label whose create answer was lost is looked up by title, not made twice', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', path: `${A}/labels`, times: 1 });
		const run = await runChatwoot(sandbox, {
			resource: 'label',
			operation: 'create',
			title: 'refunds',
			additionalFields: {},
		});
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([`POST ${A}/labels`, `GET ${A}/labels`]);
		expect(
			[...platforms.chatwoot.kind('label').values()].filter((l) => l.title === 'refunds'),
		).toHaveLength(1);
		expect(jsonOf(run.outputs[0])).toEqual([
			expect.objectContaining({ title: 'refunds', outcome: 'created' }),
		]);
	});

	it('a taken title reads as Chatwoot writes it', async () => {
		const run = await runChatwoot(sandbox, {
			resource: 'label',
			operation: 'create',
			title: 'support',
			additionalFields: {},
		});
		expect(run.error?.message).toBe('Chatwoot 422: Title has already been taken');
	});

	it('an update with no field set is refused before anything is sent', async () => {
		const run = await runChatwoot(sandbox, {
			resource: 'team',
			operation: 'update',
			teamId: 1,
			updateFields: {},
		});
		expect(run.error?.message).toBe(
			'Item 0: Update Fields (updateFields): set at least one field to change',
		);
		expect(calls(sandbox)).toEqual([]);
	});

	it("a webhook's signing secret is masked in the output", async () => {
		const run = await runChatwoot(sandbox, {
			resource: 'webhook',
			operation: 'create',
			url: 'https://crm.example/events',
			subscriptions: ['message_created'],
			additionalFields: {},
		});
		const secret = [...platforms.chatwoot.webhooks.values()].at(-1)?.secret;
		expect(secret).toMatch(/^whsec-/);
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({
			url: 'https://crm.example/events',
			secret: '***',
			outcome: 'created',
		});
		expect(JSON.stringify(run.outputs)).not.toContain(String(secret));
	});

	it("Set Agent Bot with no bot sends null, which disconnects the inbox's bot", async () => {
		const run = await runChatwoot(sandbox, {
			resource: 'inbox',
			operation: 'setAgentBot',
			inboxId: 2,
		});
		expect(sandbox.requests('chatwoot')[0].body).toEqual({ agent_bot: null });
		expect(platforms.chatwoot.inboxes.get(2)?.agent_bot_id).toBeUndefined();
		expect(jsonOf(run.outputs[0])).toEqual([{ inbox_id: 2, agent_bot: null }]);
	});

	it('report periods given as dates go as Unix seconds; per-inbox rows come as items', async () => {
		const run = await runChatwoot(sandbox, {
			resource: 'report',
			operation: 'getInboxSummary',
			filters: { since: '2026-01-01T00:00:00Z', until: 1_769_817_600, businessHours: true },
		});
		expect(sandbox.requests('chatwoot')[0]).toMatchObject({
			path: '/api/v2/accounts/1/summary_reports/inbox',
			query: { since: '1767225600', until: '1769817600', business_hours: 'true' },
		});
		expect(jsonOf(run.outputs[0]).map((r) => r.id)).toEqual([1, 2]);
		const bad = await runChatwoot(sandbox, {
			resource: 'report',
			operation: 'getChannelSummary',
			filters: { since: 'last tuesday' },
		});
		expect(bad.error?.message).toBe(
			'Item 0: Filters > Since (filters.since): must be a date or Unix seconds',
		);
	});

	it("a saved filter goes with the server's filter_type (the spec says type)", async () => {
		const run = await runChatwoot(sandbox, {
			resource: 'customFilter',
			operation: 'create',
			name: 'VIPs',
			filterType: 'contact',
			query: '{"payload": []}',
		});
		expect(sandbox.requests('chatwoot')[0].body).toEqual({
			name: 'VIPs',
			filter_type: 'contact',
			query: { payload: [] },
		});
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({ name: 'VIPs', filter_type: 'contact' });
	});

	it('conversations come 25 to a page; Return All reads on until a short page', async () => {
		for (let i = 0; i < 30; i++) {
			const contact = platforms.chatwoot.addContact({ name: `C${i}` });
			platforms.chatwoot.contactInboxes.push({
				contact_id: contact.id,
				inbox_id: 2,
				source_id: `s${i}`,
				pubsub_token: 'p',
			});
			await runChatwoot(sandbox, {
				resource: 'conversation',
				operation: 'create',
				inboxId: 2,
				contactId: contact.id,
				additionalFields: { sourceId: `s${i}` },
			});
		}
		sandbox.log.length = 0;
		const run = await runChatwoot(sandbox, {
			resource: 'conversation',
			operation: 'getAll',
			returnAll: true,
			filters: { assigneeType: 'all', status: 'open' },
		});
		expect(jsonOf(run.outputs[0])).toHaveLength(31);
		expect(calls(sandbox)).toEqual(
			[1, 2].map((p) => `GET ${A}/conversations?assignee_type=all&status=open&page=${p}`),
		);
	});

	it('Set Labels replaces the list, as the server does', async () => {
		const run = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'setLabels',
			contactId: 1,
			labels: 'vip',
		});
		expect(jsonOf(run.outputs[0])).toEqual([{ contact_id: 1, labels: ['vip'] }]);
		const cleared = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'setLabels',
			contactId: 1,
			labels: '',
		});
		expect(sandbox.requests('chatwoot')[1].body).toEqual({ labels: [] });
		expect(jsonOf(cleared.outputs[0])).toEqual([{ contact_id: 1, labels: [] }]);
	});

	it("Merge keeps the first contact and moves the second's conversations to it", async () => {
		const bob = platforms.chatwoot.contacts.get(2);
		const run = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'merge',
			baseContactId: 1,
			mergeeContactId: 2,
		});
		expect(sandbox.requests('chatwoot')[0]).toMatchObject({
			method: 'POST',
			path: `${A}/actions/contact_merge`,
			body: { base_contact_id: 1, mergee_contact_id: 2 },
		});
		expect(bob).toBeDefined();
		expect(platforms.chatwoot.contacts.has(2)).toBe(false);
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({ id: 1, name: 'Ana Souza' });
	});

	it('Import uploads the CSV from binary data as import_file; Chatwoot imports it in the background', async () => {
		const csv = 'name,email,identifier\nCara,cara@example.com,crm-9\nAna S.,ana@example.com,\n';
		const item: INodeExecutionData = {
			json: {},
			binary: {
				contacts: {
					data: Buffer.from(csv).toString('base64'),
					mimeType: 'text/csv',
					fileName: 'contacts.csv',
				},
			},
		};
		const run = await runChatwoot(
			sandbox,
			{ resource: 'contact', operation: 'import', binaryPropertyName: 'contacts' },
			{ items: [item] },
		);
		expect(run.error).toBeUndefined();
		const [post] = sandbox.requests('chatwoot');
		expect(post).toMatchObject({ method: 'POST', path: `${A}/contacts/import` });
		expect(post.body).toEqual({
			fields: {},
			files: [
				{
					field: 'import_file',
					filename: 'contacts.csv',
					contentType: 'text/csv',
					data: `${csv.length} bytes`,
				},
			],
		});
		expect(jsonOf(run.outputs[0])).toEqual([
			{ imported: true, file: 'contacts.csv', bytes: csv.length, status: 'processing' },
		]);
		// The existing contact (by email) was updated, the new one added.
		expect([...platforms.chatwoot.contacts.values()].map((c) => c.name)).toEqual([
			'Ana S.',
			'Bob Duplicate',
			'Cara',
		]);
	});

	it('a conversation can start from an inbox and a contact alone (the source ID is made up by Chatwoot)', async () => {
		const run = await runChatwoot(sandbox, {
			resource: 'conversation',
			operation: 'create',
			inboxId: 1,
			contactId: 2,
			additionalFields: { message: 'Welcome!' },
		});
		expect(sandbox.requests('chatwoot')[0].body).toEqual({
			inbox_id: 1,
			contact_id: 2,
			message: { content: 'Welcome!' },
		});
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({
			inbox_id: 1,
			status: 'open',
			outcome: 'created',
		});
	});
});

describe('Chatwoot Platform and Client APIs', () => {
	it('Get Access Token shows *** unless Show the Token is on', async () => {
		const masked = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'getAccessToken',
			userId: 3,
		});
		expect(jsonOf(masked.outputs[0])[0]).toMatchObject({
			access_token: '***',
			user: { id: 3, email: 'paula@acme.test' },
		});
		const shown = await runChatwoot(sandbox, {
			resource: 'platformUser',
			operation: 'getAccessToken',
			userId: 3,
			revealToken: true,
		});
		expect(jsonOf(shown.outputs[0])[0]).toMatchObject({
			access_token: platforms.chatwoot.users.get(3)?.access_token,
		});
		expect(calls(sandbox)).toEqual([
			'POST /platform/api/v1/users/3/token',
			'POST /platform/api/v1/users/3/token',
		]);
	});

	it('the Client API sends no token, names the inbox by identifier, and explains an unknown one', async () => {
		const run = await runChatwoot(sandbox, {
			resource: 'clientContact',
			operation: 'get',
			inboxIdentifier: 'cw-api-inbox',
			contactIdentifier: 'cw-contact-source-1',
		});
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({
			id: 1,
			source_id: 'cw-contact-source-1',
			name: 'Ana Souza',
		});
		expect(sandbox.requests('chatwoot')[0].headers.api_access_token).toBeUndefined();
		const unknown = await runChatwoot(sandbox, {
			resource: 'clientInbox',
			operation: 'get',
			inboxIdentifier: 'no-such inbox',
		});
		expect(sandbox.requests('chatwoot')[1].path).toBe('/public/api/v1/inboxes/no-such%20inbox');
		expect(unknown.error?.message).toBe('Chatwoot 404: Not Found');
		expect(unknown.error?.description).toContain('Check the inbox identifier');
	});

	it('Toggle Typing sends the status in the query and the body, as the spec asks for both', async () => {
		await runChatwoot(sandbox, {
			resource: 'clientConversation',
			operation: 'toggleTyping',
			inboxIdentifier: 'cw-api-inbox',
			contactIdentifier: 'cw-contact-source-1',
			conversationId: 1,
			typingStatus: 'off',
		});
		expect(sandbox.requests('chatwoot')[0]).toMatchObject({
			query: { typing_status: 'off' },
			body: { typing_status: 'off' },
		});
	});
});
