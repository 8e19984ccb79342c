import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { ACTIVEPLATFORM_SANDBOX_TOKEN as TOKEN } from '../../sandbox/platforms/activeplatform';
import { jsonOf, runActivePlatform as run } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;
let ap: Platforms['activeplatform'];

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
	ap = platforms.activeplatform;
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

describe('ActivePlatform Get Many: paging, filters and sorting', () => {
	it('Get Many with Return All pages with page/per_page and stops at the short page', async () => {
		for (const name of ['a', 'b', 'c', 'd', 'e']) ap.addUser(`${name}@example.com`);
		const result = await run(sandbox, {
			operation: 'getAll',
			returnAll: true,
			listOptions: { pageSize: 2 },
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.requests('activeplatform').map((r) => r.query)).toEqual([
			{ page: '1', per_page: '2', api_token: TOKEN },
			{ page: '2', per_page: '2', api_token: TOKEN },
			{ page: '3', per_page: '2', api_token: TOKEN },
		]);
		expect(jsonOf(result.outputs[0]).map((u) => u.email)).toEqual([
			'a@example.com',
			'b@example.com',
			'c@example.com',
			'd@example.com',
			'e@example.com',
		]);
		expect(result.outputs[0].every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	it('Get Many stops at an empty page when the last page was full, and honours Limit', async () => {
		for (const name of ['a', 'b', 'c', 'd']) ap.addUser(`${name}@example.com`);
		const all = await run(sandbox, {
			operation: 'getAll',
			returnAll: true,
			listOptions: { pageSize: 2 },
		});
		expect(jsonOf(all.outputs[0])).toHaveLength(4);
		expect(sandbox.requests().map((r) => r.query.page)).toEqual(['1', '2', '3']);

		sandbox.log.length = 0;
		const limited = await run(sandbox, {
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			listOptions: { pageSize: 2 },
		});
		expect(jsonOf(limited.outputs[0]).map((u) => u.email)).toEqual([
			'a@example.com',
			'b@example.com',
			'c@example.com',
		]);
		expect(sandbox.requests().map((r) => `${r.query.page}/${r.query.per_page}`)).toEqual([
			'1/2',
			'2/2',
		]);

		sandbox.log.length = 0;
		const small = await run(sandbox, { operation: 'getAll', returnAll: false, limit: 1 });
		expect(jsonOf(small.outputs[0])).toHaveLength(1);
		expect(sandbox.requests().map((r) => `${r.query.page}/${r.query.per_page}`)).toEqual(['1/1']);
	});

	it('Get Many reads a list wrapped in an object and trusts its paging metadata', async () => {
		ap.listShape = 'envelope';
		for (const name of ['a', 'b', 'c', 'd']) ap.addUser(`${name}@example.com`);
		const result = await run(sandbox, {
			operation: 'getAll',
			returnAll: true,
			listOptions: { pageSize: 2 },
		});
		expect(jsonOf(result.outputs[0]).map((u) => u.email)).toHaveLength(4);
		// total_pages = 2: no third request for an empty page.
		expect(sandbox.requests().map((r) => r.query.page)).toEqual(['1', '2']);
	});

	it('searches with filters and sorting sent as filters[...] and sorting[...]', async () => {
		ap.addUser('joanna@example.com', { status: 'active' });
		ap.addUser('anna@example.com', { status: 'active' });
		ap.addUser('anna.old@example.com', { status: 'inactive' });
		ap.addUser('bob@example.com', { status: 'active' });
		const result = await run(sandbox, {
			operation: 'getAll',
			returnAll: true,
			filters: { email: 'anna', status: 'active', createdAt: '2024-05-01' },
			listOptions: { sortField: 'email', sortReversed: true },
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.requests()[0].query).toEqual({
			'filters[email]': 'anna',
			'filters[status]': 'active',
			'filters[created_at]': '2024-05-01',
			'sorting[field]': 'email',
			'sorting[reversed]': 'true',
			page: '1',
			per_page: '100',
			api_token: TOKEN,
		});
		expect(jsonOf(result.outputs[0]).map((u) => u.email)).toEqual([
			'joanna@example.com',
			'anna@example.com',
		]);
	});
});
