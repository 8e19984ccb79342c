import type { INodeExecutionData } from 'n8n-workflow';

import { CHATWOOT_BOT_TOKEN, CHATWOOT_USER_TOKEN } from '../../sandbox/platforms/chatwoot';
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

const M = '/api/v1/accounts/1/conversations/1/messages';
const fileItem = (
	name: string,
	text: string,
	mimeType = 'text/plain',
): INodeExecutionData['binary'] => ({
	[name]: { data: Buffer.from(text).toString('base64'), mimeType, fileName: `${name}.txt` },
});

describe('Chatwoot messages', () => {
	it('files from binary data go as multipart attachments[], byte for byte, with the other fields as form fields', async () => {
		const run = await runChatwoot(
			sandbox,
			{
				resource: 'message',
				operation: 'create',
				conversationId: 1,
				content: 'Two files',
				additionalFields: {
					attachments: 'invoice, receipt',
					private: true,
					contentAttributes: '{"in_reply_to": 2}',
				},
			},
			{
				items: [
					{
						json: {},
						binary: {
							...fileItem('invoice', 'INVOICE 1001'),
							...fileItem('receipt', 'RECEIPT 77', 'application/pdf'),
						},
					},
				],
				binaryDataMode: 'filesystem',
			},
		);
		expect(run.error).toBeUndefined();
		const [post] = sandbox.requests('chatwoot');
		expect(post).toMatchObject({ method: 'POST', path: M });
		expect(post.form).toEqual([
			['content', 'Two files'],
			['private', 'true'],
			['content_attributes', '{"in_reply_to":2}'],
		]);
		const message = [...platforms.chatwoot.messages.values()].at(-1);
		expect(message).toMatchObject({
			content: 'Two files',
			private: true,
			content_attributes: { in_reply_to: 2 },
		});
		expect(message?.attachments.map((a) => [a.file_size, a.extension])).toEqual([
			[12, 'txt'],
			[10, 'txt'],
		]);
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({
			content: 'Two files',
			attachments: [
				expect.objectContaining({ file_size: 12 }),
				expect.objectContaining({ file_size: 10 }),
			],
		});
	});

	it('a binary field the item lacks stops it with the field named; nothing is sent', async () => {
		const run = await runChatwoot(
			sandbox,
			{
				resource: 'message',
				operation: 'create',
				conversationId: 1,
				content: 'x',
				additionalFields: { attachments: 'invoice' },
			},
			{ items: [{ json: {}, binary: fileItem('data', 'hello') }] },
		);
		expect(run.error?.message).toBe(
			'Item 0: Attachments (Binary Fields): the item has no binary field "invoice"',
		);
		expect(run.error?.description).toBe('Binary fields on this item: data');
		expect(calls(sandbox)).toEqual([]);
	});

	it('a message needs content, a file or a template', async () => {
		const run = await runChatwoot(sandbox, {
			resource: 'message',
			operation: 'create',
			conversationId: 1,
			content: '  ',
		});
		expect(run.error?.message).toBe(
			'Item 0: Content (content): is required (or send an attachment or a WhatsApp template)',
		);
		expect(calls(sandbox)).toEqual([]);
	});

	it('an agent bot sends with its own token; the conversation shows the bot', async () => {
		const run = await runChatwoot(sandbox, {
			resource: 'message',
			operation: 'create',
			authenticateAs: 'agentBotToken',
			conversationId: 1,
			content: 'I am a bot',
		});
		expect(run.error).toBeUndefined();
		expect(sandbox.requests('chatwoot')[0].headers.api_access_token).toBe(CHATWOOT_BOT_TOKEN);
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({
			content: 'I am a bot',
			sender: { type: 'agent_bot', name: 'Helper Bot' },
		});
		// The same node with a user's token acts as the user.
		const user = await runChatwoot(sandbox, {
			resource: 'message',
			operation: 'create',
			conversationId: 1,
			content: 'I am a user',
		});
		expect(sandbox.requests('chatwoot')[1].headers.api_access_token).toBe(CHATWOOT_USER_TOKEN);
		expect(jsonOf(user.outputs[0])[0]).toMatchObject({
			sender: { type: 'user', name: 'Olena Owner' },
		});
	});

	it('a bot connected to no inbox of the account is told so', async () => {
		(platforms.chatwoot.inboxes.get(2) as { agent_bot_id?: number }).agent_bot_id = undefined;
		const run = await runChatwoot(sandbox, {
			resource: 'conversation',
			operation: 'toggleStatus',
			authenticateAs: 'agentBotToken',
			conversationId: 1,
			status: 'resolved',
		});
		expect(run.error?.message).toBe('Chatwoot 401: You are not authorized to access this account');
		expect(run.error?.description).toContain('the bot is connected to no inbox of that account');
	});

	it('Get Many walks back 20 at a time by message ID, newest first; Limit stops early', async () => {
		const conversation = platforms.chatwoot.conversations.get(1);
		for (let i = 0; i < 43; i++) {
			const id = platforms.chatwoot.ids.take('message');
			const template = platforms.chatwoot.messages.get(1);
			if (!template || !conversation) throw new Error('the seeded conversation has no message');
			platforms.chatwoot.messages.set(id, {
				...template,
				id,
				content: `m${i}`,
				conversation_id: conversation.id,
			});
		}
		const all = await runChatwoot(sandbox, {
			resource: 'message',
			operation: 'getAll',
			conversationId: 1,
			returnAll: true,
		});
		const contents = jsonOf(all.outputs[0]).map((m) => m.content);
		expect(contents).toHaveLength(45);
		expect(contents.slice(0, 3)).toEqual(['m42', 'm41', 'm40']);
		expect(contents.slice(-2)).toEqual(['What is it about?', 'Hello, I cannot log in']);
		expect(calls(sandbox)).toEqual([M, `${M}?before=26`, `${M}?before=6`].map((p) => `GET ${p}`));

		sandbox.log.length = 0;
		const some = await runChatwoot(sandbox, {
			resource: 'message',
			operation: 'getAll',
			conversationId: 1,
			returnAll: false,
			limit: 25,
		});
		expect(jsonOf(some.outputs[0])).toHaveLength(25);
		expect(calls(sandbox)).toEqual([`GET ${M}`, `GET ${M}?before=26`]);

		sandbox.log.length = 0;
		const after = await runChatwoot(sandbox, {
			resource: 'message',
			operation: 'getAll',
			conversationId: 1,
			returnAll: true,
			filters: { after: 40 },
		});
		expect(jsonOf(after.outputs[0]).map((m) => m.id)).toEqual([41, 42, 43, 44, 45]);
		expect(calls(sandbox)).toEqual([`GET ${M}?after=40`]);
	});

	it('a message whose answer was lost is not sent again (nothing tells it apart): the item fails and says why', async () => {
		sandbox.fault({ kind: 'dropAfter', method: 'POST', path: M, times: 1 });
		const run = await runChatwoot(sandbox, {
			resource: 'message',
			operation: 'create',
			conversationId: 1,
			content: 'Only once',
		});
		expect(run.error?.message).toMatch(
			/^Chatwoot: POST \/chatwoot\/api\/v1\/accounts\/1\/conversations\/1\/messages failed: the connection was dropped\. It was not re-sent, because the service may already have acted on it/,
		);
		expect(calls(sandbox)).toEqual([`POST ${M}`]);
		expect(
			[...platforms.chatwoot.messages.values()].filter((m) => m.content === 'Only once'),
		).toHaveLength(1);
	});

	it('Dry Run shows the multipart request it would send, files by name and size', async () => {
		const run = await runChatwoot(
			sandbox,
			{
				resource: 'message',
				operation: 'create',
				conversationId: 1,
				content: 'Preview',
				additionalFields: { attachments: 'data' },
				options: { dryRun: true },
			},
			{ items: [{ json: {}, binary: fileItem('data', 'abc') }] },
		);
		expect(calls(sandbox)).toEqual([]);
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({
			dryRun: true,
			requests: [
				{
					method: 'POST',
					multipart: {
						fields: [{ content: 'Preview' }],
						files: [expect.objectContaining({ field: 'attachments[]', filename: 'data.txt' })],
					},
				},
			],
		});
	});
});
