import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { KEITARO_SANDBOX_KEY } from '../../sandbox/platforms/keitaro';
import { jsonOf, runKeitaro } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const create = {
	operation: 'create',
	inputMode: 'fields',
	login: 'buyer.anna',
	password: 'S3cret-pass',
	type: 'USER',
};

describe('Keitaro node in the n8n engine, against the sandbox', () => {
	it('creates a user: the exact request goes out and the user comes back', async () => {
		const run = await runKeitaro(sandbox, {
			...create,
			additionalFields: { language: 'en', timezone: 'Europe/Kyiv' },
		});
		expect(run.error).toBeUndefined();
		const [request] = sandbox.requests('keitaro');
		expect(sandbox.requests()).toHaveLength(1);
		expect(request).toMatchObject({
			method: 'POST',
			path: '/admin_api/v1/users',
			query: {},
			body: {
				login: 'buyer.anna',
				type: 'USER',
				new_password: 'S3cret-pass',
				new_password_confirmation: 'S3cret-pass',
				preferences: { language: 'en', timezone: 'Europe/Kyiv' },
			},
		});
		expect(request.headers['api-key']).toBe(KEITARO_SANDBOX_KEY);
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.headers.accept).toBe('application/json');
		expect(run.outputs[0]).toEqual([
			{
				json: {
					id: 1,
					login: 'buyer.anna',
					type: 'USER',
					state: 'active',
					preferences: { language: 'en', timezone: 'Europe/Kyiv', first_weekday: '1' },
					access_data: expect.any(Object),
					key_count: 0,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('creates from raw JSON user data, as the older Keitaro node did', async () => {
		const run = await runKeitaro(sandbox, {
			operation: 'create',
			inputMode: 'json',
			userData: '{"login":"json.user","new_password":"Pw-123456","type":"ADMIN"}',
		});
		expect(run.error).toBeUndefined();
		expect(sandbox.requests()[0].body).toEqual({
			login: 'json.user',
			new_password: 'Pw-123456',
			new_password_confirmation: 'Pw-123456',
			type: 'ADMIN',
		});
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({ login: 'json.user', type: 'ADMIN' });
	});

	it('with Include Request Details gives the request echo with the key masked', async () => {
		const run = await runKeitaro(sandbox, { ...create, options: { includeRequestDetails: true } });
		const out = jsonOf(run.outputs[0])[0];
		expect(out).toEqual({
			request: {
				url: `${sandbox.urlOf('/keitaro')}/admin_api/v1/users`,
				method: 'POST',
				headers: { 'Api-Key': '***' },
				body: {
					login: 'buyer.anna',
					type: 'USER',
					new_password: '***',
					new_password_confirmation: '***',
				},
			},
			resource: 'user',
			operation: 'create',
			success: true,
			data: expect.objectContaining({ id: 1, login: 'buyer.anna' }),
		});
		expect(JSON.stringify(run.outputs)).not.toContain(KEITARO_SANDBOX_KEY);
		expect(JSON.stringify(run.outputs)).not.toContain('S3cret-pass');
	});

	it('Dry Run validates and shows the request without sending anything', async () => {
		const run = await runKeitaro(sandbox, { ...create, options: { dryRun: true } });
		expect(sandbox.requests()).toHaveLength(0);
		expect(jsonOf(run.outputs[0])).toEqual([
			{
				dryRun: true,
				resource: 'user',
				operation: 'create',
				requests: [
					{
						url: `${sandbox.urlOf('/keitaro')}/admin_api/v1/users`,
						method: 'POST',
						headers: { 'Api-Key': '***' },
						body: {
							login: 'buyer.anna',
							type: 'USER',
							new_password: '***',
							new_password_confirmation: '***',
						},
					},
				],
			},
		]);
	});

	it('gets, lists with filters and limit, updates, and deletes', async () => {
		const k = platforms.keitaro;
		const anna = k.addUser('buyer.anna');
		k.addUser('buyer.bob', { type: 'ADMIN' });
		k.addUser('carol');
		k.addUser('buyer.dan', { state: 'deleted' });

		const got = await runKeitaro(sandbox, { operation: 'get', userId: anna.id });
		expect(jsonOf(got.outputs[0])).toEqual([
			expect.objectContaining({ id: anna.id, login: 'buyer.anna' }),
		]);
		expect(sandbox.requests()[0]).toMatchObject({
			method: 'GET',
			path: `/admin_api/v1/users/${anna.id}`,
		});

		const listed = await runKeitaro(sandbox, {
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			filters: { login: 'BUYER', state: 'active' },
		});
		expect(jsonOf(listed.outputs[0]).map((u) => u.login)).toEqual(['buyer.anna']);
		const all = await runKeitaro(sandbox, {
			operation: 'getAll',
			returnAll: true,
			filters: { login: 'buyer', state: 'active' },
		});
		expect(jsonOf(all.outputs[0]).map((u) => u.login)).toEqual(['buyer.anna', 'buyer.bob']);
		expect(all.outputs[0].every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);

		sandbox.reset();
		const a2 = platforms.keitaro.addUser('anna2', {
			preferences: { language: 'en', timezone: 'UTC' },
		});
		const updated = await runKeitaro(sandbox, {
			operation: 'update',
			userId: a2.id,
			updateFields: { language: 'ru', password: 'N3w-pass' },
		});
		expect(updated.error).toBeUndefined();
		expect(sandbox.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /admin_api/v1/users/${a2.id}`,
			`PUT /admin_api/v1/users/${a2.id}`,
		]);
		// The time zone survives a language change: preferences are merged before the PUT.
		expect(sandbox.requests()[1].body).toEqual({
			new_password: 'N3w-pass',
			new_password_confirmation: 'N3w-pass',
			preferences: { language: 'ru', timezone: 'UTC' },
		});
		expect(platforms.keitaro.users.get(a2.id)?.preferences).toEqual({
			language: 'ru',
			timezone: 'UTC',
		});

		const deleted = await runKeitaro(sandbox, { operation: 'delete', userId: a2.id });
		expect(jsonOf(deleted.outputs[0])).toEqual([{ id: a2.id, deleted: true, outcome: 'deleted' }]);
		expect(platforms.keitaro.users.has(a2.id)).toBe(false);
	});

	it('updates access rights, keeping the entity types it was not told about', async () => {
		const user = platforms.keitaro.addUser('media.buyer');
		const run = await runKeitaro(sandbox, {
			operation: 'updateAccess',
			userId: user.id,
			accessTypes: {
				campaigns_access_type: 'read_only',
				offers_access_type: 'to_groups_and_selected',
			},
			resources: 'campaigns,offers',
			reports: '',
			listMode: 'keep',
		});
		expect(run.error).toBeUndefined();
		const put = sandbox.requests()[1];
		expect(put).toMatchObject({ method: 'PUT', path: `/admin_api/v1/users/${user.id}/access` });
		expect(put.body).toEqual({
			access_data: {
				offers_access_type: 'to_groups_and_selected',
				campaigns_access_type: 'read_only',
				landings_access_type: 'full_access',
				traffic_sources_access_type: 'full_access',
				streams_access_type: 'full_access',
				affiliate_networks_access_type: 'full_access',
				domains_access_type: 'full_access',
				resources: ['campaigns', 'offers'],
				reports: [],
			},
		});
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({
			access_data: { campaigns_access_type: 'read_only' },
		});
	});

	it('create or update takes the right branch: created, unchanged, updated', async () => {
		const params = {
			operation: 'upsert',
			login: 'Upsert.Me',
			password: 'Pw-1234567',
			type: 'USER',
			additionalFields: {},
		};
		const first = await runKeitaro(sandbox, params);
		expect(jsonOf(first.outputs[0])[0]).toMatchObject({ login: 'Upsert.Me', outcome: 'created' });
		expect(sandbox.requests().map((r) => r.method)).toEqual(['GET', 'POST']);

		sandbox.log.length = 0;
		const same = await runKeitaro(sandbox, { ...params, login: 'upsert.me', password: '' });
		expect(jsonOf(same.outputs[0])[0]).toMatchObject({ id: 1, outcome: 'unchanged' });
		expect(sandbox.requests().map((r) => r.method)).toEqual(['GET']);

		sandbox.log.length = 0;
		const changed = await runKeitaro(sandbox, { ...params, type: 'ADMIN', password: '' });
		expect(jsonOf(changed.outputs[0])[0]).toMatchObject({
			id: 1,
			type: 'ADMIN',
			outcome: 'updated',
		});
		expect(sandbox.requests()[1]).toMatchObject({
			method: 'PUT',
			path: '/admin_api/v1/users/1',
			body: { type: 'ADMIN' },
		});
		expect(platforms.keitaro.users.size).toBe(1);

		sandbox.log.length = 0;
		const noPassword = await runKeitaro(sandbox, { ...params, login: 'new.person', password: '' });
		expect(noPassword.error?.message).toBe(
			'Item 0: Password (password): is required to create the new user "new.person"',
		);
		expect(sandbox.requests().map((r) => r.method)).toEqual(['GET']);
	});
});

describe('Keitaro errors, input checks and masking', () => {
	it('invalid input names the item and the field, and nothing is sent', async () => {
		const items = [{ json: { login: 'ok.one' } }, { json: { login: '' } }];
		const run = await runKeitaro(sandbox, { ...create, login: '={{ $json.login }}' }, { items });
		expect(run.error?.message).toBe('Item 1: Login (login): is required');
		expect(run.error?.itemIndex).toBe(1);
		expect(run.error?.description).toContain('Nothing was sent');
		// Item 0 went out before item 1 failed; item 1 sent nothing.
		expect(sandbox.requests().map((r) => (r.body as { login: string }).login)).toEqual(['ok.one']);
	});

	it('several problems of one item: the first in the message, all of them one a line below', async () => {
		const items = [{ json: { login: '', password: '' } }];
		const params = { ...create, login: '={{ $json.login }}', password: '={{ $json.password }}' };
		const run = await runKeitaro(sandbox, params, { items });
		expect(run.error?.message).toBe('Item 0: Login (login): is required');
		// n8n's editor shows a description as HTML: a list there, plain lines in error items.
		expect(run.error?.description).toBe(
			'All 2 problems in this item:<ul><li>Login (login): is required</li><li>Password (password): is required</li></ul>Nothing was sent.',
		);
		const kept = await runKeitaro(sandbox, params, { items, onError: 'continueRegularOutput' });
		expect(kept.outputs[0][0].json).toEqual({
			error: 'Item 0: Login (login): is required',
			details: {
				itemIndex: 0,
				description:
					'All 2 problems in this item:\n- Login (login): is required\n- Password (password): is required\nNothing was sent.',
			},
		});
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('with continueOnFail, a failed item becomes an error item with its pairedItem and the rest go on', async () => {
		platforms.keitaro.addUser('taken');
		const items = [
			{ json: { login: 'first' } },
			{ json: { login: 'taken' } },
			{ json: { login: '' } },
			{ json: { login: 'last' } },
		];
		const run = await runKeitaro(
			sandbox,
			{ ...create, login: '={{ $json.login }}' },
			{ items, onError: 'continueRegularOutput' },
		);
		expect(run.error).toBeUndefined();
		const out = run.outputs[0];
		expect(out.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(out[0].json).toMatchObject({ login: 'first' });
		expect(out[1].json).toEqual({
			error: 'Keitaro 406: login: Login already exists',
			details: { itemIndex: 1, httpCode: '406', description: 'POST /keitaro/admin_api/v1/users' },
		});
		expect(out[2].json).toEqual({
			error: 'Item 2: Login (login): is required',
			details: { itemIndex: 2, description: 'Nothing was sent.' },
		});
		expect(out[3].json).toMatchObject({ login: 'last' });
		expect(sandbox.requests()).toHaveLength(3);
	});

	it('"Continue (using error output)" routes failed items to the error branch', async () => {
		platforms.keitaro.addUser('taken');
		const items = [{ json: { login: 'fresh' } }, { json: { login: 'taken' } }];
		const run = await runKeitaro(
			sandbox,
			{ ...create, login: '={{ $json.login }}' },
			{ items, onError: 'continueErrorOutput' },
		);
		expect(jsonOf(run.outputs[0]).map((j) => j.login)).toEqual(['fresh']);
		expect(jsonOf(run.outputs[1])).toEqual([
			expect.objectContaining({ error: 'Keitaro 406: login: Login already exists' }),
		]);
	});

	it('a missing required field on the server side reads as the field map', async () => {
		const run = await runKeitaro(sandbox, {
			operation: 'create',
			inputMode: 'json',
			userData: { login: 'x', new_password: 'p', type: 'ROOT' },
		});
		expect(run.error?.message).toBe('Keitaro 406: type: Invalid type');
		expect(run.error?.httpCode).toBe('406');
	});

	it('402 says the Admin API needs the Business edition', async () => {
		platforms.keitaro.edition = 'pro';
		const run = await runKeitaro(sandbox, { operation: 'getAll', returnAll: true });
		expect(run.error?.message).toBe('Keitaro 402: Admin API is not available in that edition');
		expect(run.error?.description).toContain("The Admin API needs Keitaro's Business edition");
	});

	it('a wrong key gives 401 in words, and the key shows nowhere', async () => {
		const wrongKey = 'wrong-key-0000-1111';
		const run = await runKeitaro(sandbox, { operation: 'get', userId: 1 }, { apiKey: wrongKey });
		expect(run.error?.message).toBe(
			'Keitaro refused the API Key (HTTP 401, "Access denied"). Check the API Key in the Keitaro credential.',
		);
		expect(run.error?.description).toBe('GET /keitaro/admin_api/v1/users/1');
		expect(JSON.stringify(run.error?.raw)).not.toContain(wrongKey);
		expect(JSON.stringify(run.outputs)).not.toContain(wrongKey);
	});

	it('unknown id: 404 with the server text', async () => {
		const run = await runKeitaro(sandbox, { operation: 'get', userId: 999 });
		expect(run.error?.message).toBe('Keitaro 404: User not found');
		expect(run.error?.itemIndex).toBe(0);
	});

	it('SANDBOX_LOG gets one JSON line per request, with credentials masked', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sandbox-log-'));
		const file = join(dir, 'requests.jsonl');
		const { sandbox: logged } = await startSandbox({ logFile: file });
		try {
			await runKeitaro(logged, create);
			await runKeitaro(logged, { operation: 'getAll', returnAll: true });
		} finally {
			await logged.stop();
		}
		const lines = readFileSync(file, 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l) as Record<string, unknown>);
		expect(lines.map((l) => `${l.method} ${l.path}`)).toEqual([
			'POST /admin_api/v1/users',
			'GET /admin_api/v1/users',
		]);
		expect(lines[0]).toMatchObject({
			platform: 'keitaro',
			query: {},
			headers: { 'api-key': '***' },
			body: { login: 'buyer.anna' },
		});
		expect(readFileSync(file, 'utf8')).not.toContain(KEITARO_SANDBOX_KEY);
	});
});
