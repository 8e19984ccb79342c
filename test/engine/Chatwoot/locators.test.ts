import {
	CHATWOOT_ACCOUNT_ID,
	CHATWOOT_BOT_TOKEN,
	CHATWOOT_PLATFORM_TOKEN,
	CHATWOOT_USER_TOKEN,
} from '../../sandbox/platforms/chatwoot';
import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { calls, jsonOf, runChatwoot } from './helpers';
import { listSearch } from './list-search';

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

const creds = () => {
	const url = sandbox.urlOf('/chatwoot');
	return {
		chatwootApi: { url, accountId: CHATWOOT_ACCOUNT_ID, accessToken: CHATWOOT_USER_TOKEN },
		chatwootPlatformApi: { url, platformToken: CHATWOOT_PLATFORM_TOKEN },
		chatwootAgentBotApi: { url, accountId: CHATWOOT_ACCOUNT_ID, botToken: CHATWOOT_BOT_TOKEN },
	};
};

describe('Chatwoot "From List" pickers (n8n-core LoadOptionsContext, sandbox)', () => {
	it('inboxes: names and IDs from the account, filtered by the typed text', async () => {
		const all = await listSearch('searchInboxes', { resource: 'inbox', operation: 'get' }, creds());
		expect(all).toEqual({
			results: [
				{ name: 'API Inbox', value: 2 },
				{ name: 'Website', value: 1 },
			],
			paginationToken: undefined,
		});
		const filtered = await listSearch(
			'searchInboxes',
			{ resource: 'inbox', operation: 'get' },
			creds(),
			'web',
		);
		expect(filtered.results).toEqual([{ name: 'Website', value: 1 }]);
		expect(calls(sandbox)).toEqual([
			'GET /api/v1/accounts/1/inboxes',
			'GET /api/v1/accounts/1/inboxes',
		]);
	});

	it('contacts: Chatwoot searches the typed text, page by page', async () => {
		for (let i = 0; i < 20; i++)
			platforms.chatwoot.addContact({ name: `Lead ${i}`, email: `lead${i}@example.com` });
		const first = await listSearch(
			'searchContacts',
			{ resource: 'contact', operation: 'get' },
			creds(),
			'lead',
		);
		expect(first.results).toHaveLength(15);
		expect(first.results[0]).toEqual({ name: 'Lead 0 (lead0@example.com)', value: 3 });
		expect(first.paginationToken).toBe('2');
		const second = await listSearch(
			'searchContacts',
			{ resource: 'contact', operation: 'get' },
			creds(),
			'lead',
			'2',
		);
		expect(second.results).toHaveLength(5);
		expect(second.paginationToken).toBeUndefined();
		expect(calls(sandbox)).toEqual([
			'GET /api/v1/accounts/1/contacts/search?q=lead&page=1',
			'GET /api/v1/accounts/1/contacts/search?q=lead&page=2',
		]);
	});

	it('portals go by slug; custom attributes are read per model; platform accounts use the platform token', async () => {
		expect(
			(await listSearch('searchPortals', { resource: 'portal', operation: 'update' }, creds()))
				.results,
		).toEqual([{ name: 'Handbook', value: 'handbook' }]);
		const attrs = await listSearch(
			'searchCustomAttributes',
			{ resource: 'customAttribute', operation: 'get' },
			creds(),
		);
		expect(attrs).toEqual({
			results: [{ name: 'Plan Tier (conversation)', value: 1 }],
			paginationToken: '2',
		});
		expect(sandbox.requests('chatwoot').at(-1)?.query).toEqual({ attribute_model: '0' });
		const accounts = await listSearch(
			'searchPlatformAccounts',
			{ resource: 'platformUser', operation: 'addToAccount' },
			creds(),
		);
		expect(accounts.results).toEqual([{ name: 'Acme Support', value: 1 }]);
		expect(sandbox.requests('chatwoot').at(-1)?.headers.api_access_token).toBe(
			CHATWOOT_PLATFORM_TOKEN,
		);
	});

	it("a refused token reads as the node's own error text", async () => {
		const wrong = {
			...creds(),
			chatwootApi: { ...creds().chatwootApi, accessToken: 'reset-token-0000' },
		};
		await expect(
			listSearch('searchTeams', { resource: 'team', operation: 'get' }, wrong),
		).rejects.toMatchObject({
			message: expect.stringMatching(
				/^Chatwoot 401: Invalid Access Token\. Chatwoot does not know the user access token/,
			),
		});
	});
});

describe('Chatwoot IDs: locator values and the plain values of older workflows alike', () => {
	it.each([
		['a plain number (older workflows)', 1],
		['text from an expression', '1'],
		['By ID', { __rl: true, mode: 'id', value: '1' }],
		['From List', { __rl: true, mode: 'list', value: 1, cachedResultName: 'Ana Souza' }],
	])('%s reaches the same contact', async (_what, contactId) => {
		const run = await runChatwoot(sandbox, { resource: 'contact', operation: 'get', contactId });
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual(['GET /api/v1/accounts/1/contacts/1']);
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({ id: 1, name: 'Ana Souza' });
	});

	it('a By ID value that is no number is refused before anything is sent: by n8n as typed, by the node from an expression', async () => {
		// n8n will not start the run: 2.x names the locator's rule, 1.x only says the workflow has issues.
		await expect(
			runChatwoot(sandbox, {
				resource: 'conversation',
				operation: 'get',
				conversationId: { __rl: true, mode: 'id', value: 'abc' },
			}),
		).rejects.toThrow(
			/Enter a whole number greater than 0|^The workflow has issues and cannot be executed/,
		);
		const run = await runChatwoot(sandbox, {
			resource: 'conversation',
			operation: 'get',
			conversationId: { __rl: true, mode: 'id', value: '={{ "abc" }}' },
		});
		expect(run.error?.message).toBe('Item 0: Conversation (conversationId): must be a number');
		expect(calls(sandbox)).toEqual([]);
	});
});
