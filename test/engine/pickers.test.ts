/**
 * The "From List" pickers of the resource locators, called as n8n's editor calls them (n8n-core's
 * LoadOptionsContext, real credentials, real HTTP to the sandbox), and a node run with an ID
 * picked from them, beside the plain ID an older workflow stored.
 */
import type { INodeParameters } from 'n8n-workflow';

import { ActivePlatformApi } from '../../credentials/ActivePlatformApi.credentials';
import { DavintooApi } from '../../credentials/DavintooApi.credentials';
import { KeepnetBaseApi } from '../../credentials/KeepnetBaseApi.credentials';
import { KeepnetOAuth2Api } from '../../credentials/KeepnetOAuth2Api.credentials';
import { KeitaroApi } from '../../credentials/KeitaroApi.credentials';
import { ActivePlatform } from '../../nodes/ActivePlatform/ActivePlatform.node';
import { Davintoo } from '../../nodes/Davintoo/Davintoo.node';
import { Keepnet } from '../../nodes/Keepnet/Keepnet.node';
import { Keitaro } from '../../nodes/Keitaro/Keitaro.node';
import { runListSearch } from '../harness/list-search';
import { startSandbox, type Platforms, type Sandbox } from '../sandbox';
import { ACTIVEPLATFORM_SANDBOX_TOKEN } from '../sandbox/platforms/activeplatform';
import { DAVINTOO_SANDBOX_TOKEN } from '../sandbox/platforms/davintoo';
import { KEITARO_SANDBOX_KEY } from '../sandbox/platforms/keitaro';
import { runActivePlatform } from './ActivePlatform/helpers';
import { runDavintoo } from './Davintoo/helpers';
import { keepnetCredential, runKeepnet } from './Keepnet/helpers';
import { runKeitaro } from './Keitaro/helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

/** A locator value as the editor stores a pick from the list. */
const picked = (value: string, name: string) => ({
	__rl: true,
	mode: 'list',
	value,
	cachedResultName: name,
});

describe('Keitaro: users from the list', () => {
	const search = (filter?: string, apiKey = KEITARO_SANDBOX_KEY) =>
		runListSearch({
			node: new Keitaro(),
			method: 'searchUsers',
			parameters: { resource: 'user', operation: 'get' },
			credentialTypes: [new KeitaroApi()],
			credentials: { keitaroApi: { url: sandbox.urlOf('/keitaro'), apiKey } },
			filter,
		});

	it('lists every login (with admin and deleted marked) and filters them in the node, since the API cannot search', async () => {
		platforms.keitaro.addUser('anna');
		platforms.keitaro.addUser('boris', { type: 'ADMIN' });
		platforms.keitaro.addUser('bogdan', { state: 'deleted' });
		expect(await search()).toEqual({
			results: [
				{ name: 'anna', value: '1' },
				{ name: 'boris (admin)', value: '2' },
				{ name: 'bogdan (deleted)', value: '3' },
			],
			paginationToken: undefined,
		});
		expect((await search(' BO ')).results.map((r) => r.name)).toEqual([
			'boris (admin)',
			'bogdan (deleted)',
		]);
		const sent = sandbox.requests('keitaro');
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /admin_api/v1/users',
			'GET /admin_api/v1/users',
		]);
		expect(sent[0].headers['api-key']).toBe(KEITARO_SANDBOX_KEY);
	});

	it('a refused key reads as the node error does, and the key shows nowhere', async () => {
		const wrong = 'wrong-key-in-picker-01';
		const error = await search(undefined, wrong).catch((e: unknown) => e as Error);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toBe(
			'Keitaro refused the API Key (HTTP 401, "Access denied"). Check the API Key in the Keitaro credential.',
		);
		expect(JSON.stringify(error)).not.toContain(wrong);
	});

	it('a picked user and the plain number of an older workflow run the same request', async () => {
		platforms.keitaro.addUser('anna');
		const boris = platforms.keitaro.addUser('boris');
		const fromList = await runKeitaro(sandbox, {
			operation: 'get',
			userId: picked(String(boris.id), 'boris'),
		});
		const plain = await runKeitaro(sandbox, { operation: 'get', userId: boris.id });
		const byId = await runKeitaro(sandbox, {
			operation: 'get',
			userId: { __rl: true, mode: 'id', value: ` ${boris.id} ` },
		});
		for (const run of [fromList, plain, byId])
			expect(run.outputs[0][0].json).toMatchObject({ id: boris.id, login: 'boris' });
		expect(sandbox.requests('keitaro').map((r) => r.path)).toEqual(
			Array(3).fill(`/admin_api/v1/users/${boris.id}`),
		);
	});
});

describe('Keepnet: target users from the list', () => {
	const search = (filter?: string, paginationToken?: string, clientSecret?: string) =>
		runListSearch({
			node: new Keepnet(),
			method: 'searchTargetUsers',
			parameters: { resource: 'targetUser', operation: 'get' },
			credentialTypes: [new KeepnetBaseApi(), new KeepnetOAuth2Api()],
			credentials: {
				keepnetOAuth2Api: keepnetCredential(sandbox, clientSecret ? { clientSecret } : {}),
			},
			filter,
			paginationToken,
		});

	it("searches with Keepnet's search box, by email order, after n8n fetched a token", async () => {
		platforms.keepnet.addUser('zoe@example.com');
		const anna = platforms.keepnet.addUser('anna@example.com', {
			firstName: 'Anna',
			lastName: 'Koval',
		});
		platforms.keepnet.addUser('annabel@example.com');
		const found = await search('anna');
		expect(found).toEqual({
			results: [
				{ name: 'anna@example.com (Anna Koval)', value: anna.resourceId },
				{ name: 'annabel@example.com', value: expect.stringMatching(/^tu/) },
			],
			paginationToken: undefined,
		});
		const sent = sandbox.requests('keepnet');
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /connect/token',
			'POST /api/target-users/search',
		]);
		expect(sent[1].body).toEqual({
			pageNumber: 1,
			pageSize: 50,
			orderBy: 'Email',
			ascending: true,
			filter: {
				Condition: 'AND',
				SearchInputTextValue: 'anna',
				FilterGroups: [{ Condition: 'AND', FilterItems: [], FilterGroups: [] }],
			},
		});
	});

	it('pages through a long list: the next page is offered while Keepnet has more', async () => {
		for (let i = 0; i < 51; i++)
			platforms.keepnet.addUser(`user${String(i).padStart(2, '0')}@example.com`);
		const first = await search();
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const second = await search(undefined, first.paginationToken);
		expect(second).toEqual({
			results: [{ name: 'user50@example.com', value: expect.any(String) }],
			paginationToken: undefined,
		});
	});

	it('a refused client secret reads as a sentence with the fix', async () => {
		await expect(search(undefined, undefined, 'wrong-secret-in-picker')).rejects.toThrow(
			'Keepnet refused the Client ID or Client Secret when n8n asked for an access token (HTTP 400, "invalid_client"). Check the Client ID and Client Secret in the Keepnet credential.',
		);
	});

	it('a picked target user runs Get, as does the plain resourceId of an older workflow', async () => {
		const anna = platforms.keepnet.addUser('anna@example.com');
		for (const resourceId of [picked(anna.resourceId, 'anna@example.com'), anna.resourceId]) {
			const run = await runKeepnet(sandbox, { operation: 'get', resourceId });
			expect(run.outputs[0][0].json).toMatchObject({
				resourceId: anna.resourceId,
				email: 'anna@example.com',
			});
		}
	});
});

describe('ActivePlatform: users and the accounts of a user from the list', () => {
	const search = (
		method: string,
		parameters: INodeParameters,
		filter?: string,
		paginationToken?: string,
	) =>
		runListSearch({
			node: new ActivePlatform(),
			method,
			parameters: { resource: 'user', ...parameters },
			credentialTypes: [new ActivePlatformApi()],
			credentials: {
				activePlatformApi: {
					url: sandbox.urlOf('/activeplatform'),
					apiToken: ACTIVEPLATFORM_SANDBOX_TOKEN,
				},
			},
			filter,
			paginationToken,
		});

	it('users: filtered by email on the server, page by page', async () => {
		const olena = platforms.activeplatform.addUser('olena@example.com', {
			first_name: 'Olena',
			last_name: 'Koval',
		});
		platforms.activeplatform.addUser('petro@example.com');
		expect(await search('searchUsers', { operation: 'get' }, 'olena')).toEqual({
			results: [{ name: 'olena@example.com (Olena Koval)', value: String(olena.id) }],
			paginationToken: undefined,
		});
		expect(sandbox.requests('activeplatform')[0].query).toEqual({
			'filters[email]': 'olena',
			page: '1',
			per_page: '50',
			api_token: ACTIVEPLATFORM_SANDBOX_TOKEN,
		});
		for (let i = 0; i < 49; i++) platforms.activeplatform.addUser(`u${i}@example.com`);
		const first = await search('searchUsers', { operation: 'get' });
		expect([first.results.length, first.paginationToken]).toEqual([50, '2']);
		const second = await search('searchUsers', { operation: 'get' }, undefined, '2');
		expect([second.results.length, second.paginationToken]).toEqual([1, undefined]);
	});

	it('accounts: those of the user chosen above, so Detach offers only accounts the user is on', async () => {
		const olena = platforms.activeplatform.addUser('olena@example.com');
		const acme = platforms.activeplatform.addAccount('Acme');
		const globex = platforms.activeplatform.addAccount('Globex');
		platforms.activeplatform.addAccount('Initech');
		platforms.activeplatform.attach(olena.id, acme.id, 'owner');
		platforms.activeplatform.attach(olena.id, globex.id);
		const parameters = {
			operation: 'detachFromAccount',
			userId: picked(String(olena.id), 'olena@example.com'),
		};
		expect((await search('searchUserAccounts', parameters)).results).toEqual([
			{ name: 'Acme (owner)', value: String(acme.id) },
			{ name: 'Globex (user)', value: String(globex.id) },
		]);
		expect(
			(await search('searchUserAccounts', parameters, 'glob')).results.map((r) => r.name),
		).toEqual(['Globex (user)']);
		expect(sandbox.requests('activeplatform')[0].path).toBe(
			`/api/vendor/v1/users/${olena.id}/accounts.json`,
		);
		await expect(
			search('searchUserAccounts', {
				operation: 'detachFromAccount',
				userId: { __rl: true, mode: 'list', value: '' },
			}),
		).rejects.toThrow('Choose the user first: the list holds the accounts of that user');

		const detached = await runActivePlatform(sandbox, {
			...parameters,
			accountId: picked(String(globex.id), 'Globex (user)'),
		});
		expect(detached.error).toBeUndefined();
		expect(sandbox.requests('activeplatform').at(-1)?.query).toMatchObject({
			account_id: String(globex.id),
			user_id: String(olena.id),
		});
	});
});

describe('Davintoo: users (by UID) from the list', () => {
	const search = (filter?: string, paginationToken?: string) =>
		runListSearch({
			node: new Davintoo(),
			method: 'searchUsers',
			parameters: { resource: 'user', operation: 'block' },
			credentialTypes: [new DavintooApi()],
			credentials: {
				davintooApi: { url: sandbox.urlOf('/davintoo'), apiToken: DAVINTOO_SANDBOX_TOKEN },
			},
			filter,
			paginationToken,
		});

	it("searches the portal's list by name, email or login and offers the UID, page by page", async () => {
		platforms.davintoo.addUser('EMP-1', {
			secondname: 'Koval',
			firstname: 'Olena',
			email: 'olena@acme.example',
		});
		platforms.davintoo.addUser('EMP-2', { secondname: 'Shevchenko', firstname: 'Petro' });
		expect(await search('koval')).toEqual({
			results: [{ name: 'Koval Olena (olena@acme.example)', value: 'EMP-1' }],
			paginationToken: undefined,
		});
		expect(sandbox.requests('davintoo')[0]).toMatchObject({
			method: 'GET',
			path: '/api/v2/users/list',
			query: { 'filter[fullname]': 'koval', page: '1' },
		});
		for (let i = 3; i <= 11; i++) platforms.davintoo.addUser(`EMP-${i}`);
		const first = await search();
		expect([first.results.length, first.paginationToken]).toEqual([10, '2']);
		expect(await search(undefined, '2')).toEqual({
			results: [{ name: 'LastEMP-11 FirstEMP-11 (EMP-11@example.org)', value: 'EMP-11' }],
			paginationToken: undefined,
		});
	});

	it('a picked user is blocked by UID, as with the plain UID of an older workflow', async () => {
		platforms.davintoo.addUser('EMP-7');
		platforms.davintoo.addUser('EMP-8');
		await runDavintoo(sandbox, {
			operation: 'block',
			uid: picked('EMP-7', 'LastEMP-7 FirstEMP-7'),
		});
		await runDavintoo(sandbox, { operation: 'block', uid: 'EMP-8' });
		expect(sandbox.requests('davintoo').map((r) => r.body)).toEqual([
			{ uid: 'EMP-7', is_active: 0 },
			{ uid: 'EMP-8', is_active: 0 },
		]);
		expect([
			platforms.davintoo.users.get('EMP-7')?.is_active,
			platforms.davintoo.users.get('EMP-8')?.is_active,
		]).toEqual([0, 0]);
	});
});
