/**
 * Every Chatwoot operation runs once in n8n's engine against the sandbox (seeded with one of
 * everything), and every request it sends is checked against a copy of Chatwoot's OpenAPI spec:
 * method and path, path parameter types, query, and body. Deviations are allowed only as listed
 * errata (the server's word). At least 140 of the spec's 144 operations must be met this way.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import type { LoggedRequest } from '../../sandbox/types';
import {
	CHATWOOT_ERRATA,
	CHATWOOT_LEFT_OUT,
	CHATWOOT_ROUTES_NOT_IN_SPEC,
} from '../../specs/chatwoot-errata';
import { CHATWOOT_SPEC_FILE, OpenApiChecker } from '../../specs/openapi-check';
import { CHATWOOT_SAMPLES } from '../../unit/Chatwoot/samples';
import { runChatwoot } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;
const checker = OpenApiChecker.fromFile(CHATWOOT_SPEC_FILE, CHATWOOT_ERRATA);

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());

const csv: INodeExecutionData = {
	json: {},
	binary: {
		data: {
			data: Buffer.from('name,email\nCara,cara@example.com\n').toString('base64'),
			mimeType: 'text/csv',
			fileName: 'contacts.csv',
		},
	},
};
const image: INodeExecutionData = {
	json: {},
	binary: {
		data: {
			data: Buffer.from('GIF89a-fake-image').toString('base64'),
			mimeType: 'image/gif',
			fileName: 'screenshot.gif',
		},
	},
};

/** Extra cases beyond one sample per operation: the other ways a request can be shaped. */
const EXTRA: Array<{ key: string; params: Record<string, unknown>; items?: INodeExecutionData[] }> =
	[
		{
			key: 'message.create',
			params: {
				conversationId: 1,
				content: 'See the screenshot',
				additionalFields: { attachments: 'data', private: true },
			},
			items: [image],
		},
		{
			key: 'message.create',
			params: { authenticateAs: 'agentBotToken', conversationId: 1, content: 'Hello from the bot' },
		},
		{
			key: 'conversation.toggleStatus',
			params: { authenticateAs: 'agentBotToken', conversationId: 1, status: 'open' },
		},
		{ key: 'inbox.setAgentBot', params: { inboxId: 2 } },
		{
			key: 'message.getAll',
			params: { conversationId: 1, returnAll: true, filters: { after: 1 } },
		},
		{ key: 'contact.search', params: { query: 'ana', sort: 'name', returnAll: true } },
		{
			key: 'agent.create',
			params: {
				name: 'Bo',
				email: 'bo@acme.example',
				role: 'agent',
				additionalFields: { availability: 'busy', autoOffline: false },
			},
		},
		{ key: 'agent.update', params: { agentId: 2, updateFields: { availability: 'online' } } },
		{
			key: 'customFilter.update',
			params: { customFilterId: 1, updateFields: { filterType: 'contact' } },
		},
		{
			key: 'conversation.create',
			params: { inboxId: 1, contactId: 2, additionalFields: { message: 'Welcome!' } },
		},
		{
			key: 'webhook.create',
			params: {
				url: 'http://127.0.0.1:9/typing',
				subscriptions: ['conversation_typing_on', 'inbox_created'],
			},
		},
	];

interface Sent {
	key: string;
	requests: LoggedRequest[];
	error?: string;
}

const sent: Sent[] = [];

async function runOne(
	key: string,
	params: Record<string, unknown>,
	items?: INodeExecutionData[],
): Promise<Sent> {
	sandbox.reset();
	platforms.chatwoot.seed();
	const [resource, operation] = key.split('.');
	const run = await runChatwoot(
		sandbox,
		{ resource, operation, ...params },
		{ items: items ?? (key === 'contact.import' ? [csv] : undefined) },
	);
	const result: Sent = {
		key,
		requests: sandbox.requests('chatwoot').filter((r) => !r.path.startsWith('/__sandbox/')),
		error: run.error?.message,
	};
	sent.push(result);
	return result;
}

describe('Chatwoot: every operation against the spec', () => {
	it.each(Object.keys(CHATWOOT_SAMPLES))(
		'%s runs against the sandbox and sends requests the spec allows',
		async (key) => {
			const result = await runOne(key, CHATWOOT_SAMPLES[key]);
			expect({ key, error: result.error }).toEqual({ key, error: undefined });
			expect(result.requests.length).toBeGreaterThan(0);
			for (const request of result.requests) {
				const notInSpec = CHATWOOT_ROUTES_NOT_IN_SPEC.find(
					(r) => r.method === request.method && r.path.test(request.path),
				);
				if (notInSpec) continue;
				const check = checker.check(request);
				expect({ request: `${request.method} ${request.path}`, problems: check.problems }).toEqual({
					request: `${request.method} ${request.path}`,
					problems: [],
				});
			}
		},
	);

	it.each(EXTRA.map((e, i) => [`${e.key} #${i + 1}`, e] as const))(
		'%s (another shape) is valid too',
		async (_name, extra) => {
			const result = await runOne(extra.key, extra.params, extra.items);
			expect({ error: result.error }).toEqual({ error: undefined });
			for (const request of result.requests)
				expect({ request: request.path, problems: checker.check(request).problems }).toEqual({
					request: request.path,
					problems: [],
				});
		},
	);

	it('meets at least 140 of the 144 spec operations; the rest are listed with a reason', () => {
		const met = new Set<string>();
		for (const s of sent) {
			for (const request of s.requests) {
				const check = checker.check(request);
				if (check.operationId && !check.problems.length) met.add(check.operationId);
			}
		}
		const all = checker.operations.map((o) => o.operationId);
		expect(all).toHaveLength(144);
		const missing = all.filter((id) => !met.has(id));
		expect(missing.sort()).toEqual(Object.keys(CHATWOOT_LEFT_OUT).sort());
		expect(met.size).toBeGreaterThanOrEqual(140);
	});

	it('every erratum is needed by some request (none is left over)', () => {
		const used = new Set<string>();
		for (const s of sent)
			for (const request of s.requests)
				for (const u of checker.check(request).used)
					used.add(`${checker.match(request.method, request.path)?.operationId} ${u}`);
		const declared = Object.entries(CHATWOOT_ERRATA).flatMap(([id, e]) => [
			...(e.extraQuery ?? []).map((k) => `${id} extraQuery ${k}`),
			...(e.extraBody ?? []).map((k) => `${id} extraBody ${k}`),
			...(e.notRequired ?? []).map((k) => `${id} notRequired ${k}`),
			...Object.keys(e.extraEnum ?? {}).map((k) => `${id} extraEnum ${k}`),
			...Object.keys(e.types ?? {}).map((k) => `${id} types ${k}`),
			...(e.multipart ?? []).map((k) => `${id} multipart ${k}`),
		]);
		expect(declared.filter((d) => !used.has(d))).toEqual([]);
	});
});
