/**
 * IDs became resource locators: in real n8n, a workflow saved before that (plain numbers and
 * strings in userId, resourceId, accountId, uid) still runs, and so does one holding the
 * locator values the editor now stores (picked "From List", or typed "By ID").
 */
import type { INode, INodeParameters } from 'n8n-workflow';

import { CREDENTIAL_IDS } from './examples';
import { executeWorkflow, nodeOutput, type WorkflowFile } from './n8n';
import { calls, jsonOf, PACKAGE_NAME, setUpN8n, type E2eEnv } from './setup';

/** The IDs the sandbox gives the records seeded below. */
const KEITARO_ID = 5;
const KEEPNET_ID = 'tu0000001';
const AP_USER = 2021001;
const AP_ACCOUNT = 2000501;
const UID = 'EMP-1';

const credential = (type: string) => ({ [type]: { id: CREDENTIAL_IDS[type], name: type } });

function workflow(
	id: string,
	ids: (plain: string | number, label: string) => unknown,
): WorkflowFile {
	const node = (
		name: string,
		type: string,
		credentialType: string,
		parameters: INodeParameters,
		y: number,
	): INode => ({
		id: `${id}-${name}`,
		name,
		type: `${PACKAGE_NAME}.${type}`,
		typeVersion: 1,
		position: [300, y],
		parameters,
		credentials: credential(credentialType),
	});
	const nodes: INode[] = [
		{
			id: `${id}-start`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 200],
			parameters: {},
		},
		node(
			'Keitaro user',
			'keitaro',
			'keitaroApi',
			{ resource: 'user', operation: 'get', userId: ids(KEITARO_ID, 'eve') as never },
			0,
		),
		node(
			'Keepnet user',
			'keepnet',
			'keepnetOAuth2Api',
			{
				resource: 'targetUser',
				operation: 'get',
				resourceId: ids(KEEPNET_ID, 'anna@example.com') as never,
			},
			150,
		),
		node(
			'Detach',
			'activePlatform',
			'activePlatformApi',
			{
				resource: 'user',
				operation: 'detachFromAccount',
				userId: ids(AP_USER, 'olena@example.com') as never,
				accountId: ids(AP_ACCOUNT, 'Acme (user)') as never,
			},
			300,
		),
		node(
			'Block',
			'davintoo',
			'davintooApi',
			{ resource: 'user', operation: 'block', uid: ids(UID, 'Koval Olena') as never },
			450,
		),
	];
	const fanOut = nodes.slice(1).map((n) => ({ node: n.name, type: 'main' as const, index: 0 }));
	return { id, name: `e2e: ${id}`, nodes, connections: { Start: { main: [fanOut] } } };
}

const PLAIN = workflow('e2eLocatorPlain1', (plain) => plain);
const PICKED = workflow('e2eLocatorPickd1', (plain, label) => ({
	__rl: true,
	mode: 'list',
	value: String(plain),
	cachedResultName: label,
}));
const TYPED = workflow('e2eLocatorTyped1', (plain) => ({
	__rl: true,
	mode: 'id',
	value: String(plain),
}));

let env: E2eEnv;

beforeAll(async () => {
	env = await setUpN8n({ workflows: [PLAIN, PICKED, TYPED] });
});
afterAll(async () => env?.close());

beforeEach(() => {
	env.sandbox.reset();
	const { keitaro, keepnet, activeplatform, davintoo } = env.platforms;
	for (const login of ['ann', 'bob', 'cid', 'dan', 'eve']) keitaro.addUser(login);
	expect(keepnet.addUser('anna@example.com').resourceId).toBe(KEEPNET_ID);
	const olena = activeplatform.addUser('olena@example.com');
	const acme = activeplatform.addAccount('Acme');
	expect([olena.id, acme.id]).toEqual([AP_USER, AP_ACCOUNT]);
	activeplatform.attach(olena.id, acme.id);
	davintoo.addUser(UID);
});

describe.each([
	['saved before IDs were locators (plain values)', PLAIN],
	['picked from the list', PICKED],
	['typed By ID', TYPED],
])('a workflow with IDs %s', (_how, wf) => {
	it('runs in real n8n and sends the same requests', async () => {
		const res = await executeWorkflow(env.folder, wf.id);
		expect(res.run?.data.resultData.error).toBeUndefined();
		expect(res.ok).toBe(true);
		expect(jsonOf(nodeOutput(res.run, 'Keitaro user'))).toEqual([
			expect.objectContaining({ id: KEITARO_ID, login: 'eve' }),
		]);
		expect(jsonOf(nodeOutput(res.run, 'Keepnet user'))).toEqual([
			expect.objectContaining({ resourceId: KEEPNET_ID, email: 'anna@example.com' }),
		]);
		expect(jsonOf(nodeOutput(res.run, 'Detach'))).toEqual([
			expect.objectContaining({ user_id: AP_USER, account_id: AP_ACCOUNT }),
		]);
		expect(jsonOf(nodeOutput(res.run, 'Block'))).toEqual([
			expect.objectContaining({ uid: UID, is_active: 0 }),
		]);
		expect(calls(env.sandbox, 'keitaro')).toEqual([`GET /admin_api/v1/users/${KEITARO_ID}`]);
		// A token stored by an earlier run is refused by the reset sandbox: n8n then fetches a new one and repeats.
		expect(calls(env.sandbox, 'keepnet').slice(-2)).toEqual([
			'POST /connect/token',
			`GET /api/target-users/${KEEPNET_ID}`,
		]);
		expect(calls(env.sandbox, 'activeplatform')).toEqual([
			'DELETE /api/v2/vendor/account_accesses/detach.json',
		]);
		expect(env.sandbox.requests('davintoo').map((r) => r.body)).toEqual([
			{ uid: UID, is_active: 0 },
		]);
	});
});
