/**
 * Error paths inside real n8n: a refused credential fails the run with a readable message, and
 * with "On Error: Continue" failed items come out with their error while the rest go on.
 */
import type { INode } from 'n8n-workflow';

import { executeWorkflow, nodeOutput, type WorkflowFile } from './n8n';
import { CREDENTIAL_IDS } from './examples';
import { jsonOf, setUpN8n, type E2eEnv } from './setup';

const PKG = 'n8n-nodes-user-provisioning';
const BAD_KEY = 'wrong-keitaro-key-000';
const keitaroCred = { keitaroApi: { id: CREDENTIAL_IDS.keitaroApi, name: 'Keitaro (sandbox)' } };

function node(
	name: string,
	type: string,
	parameters: INode['parameters'],
	x: number,
	extra: Partial<INode> = {},
): INode {
	return {
		id: `${name}-id`,
		name,
		type,
		typeVersion: type.startsWith(PKG) ? 1 : 3.4,
		position: [x, 0],
		parameters,
		...extra,
	};
}

const start = node('Start', 'n8n-nodes-base.manualTrigger', {}, 0, { typeVersion: 1 });
const line = (...names: string[]) =>
	Object.fromEntries(
		names
			.slice(0, -1)
			.map((n, i) => [n, { main: [[{ node: names[i + 1], type: 'main' as const, index: 0 }]] }]),
	);

const badCredential: WorkflowFile = {
	id: 'e2eBadCredentl01',
	name: 'e2e: refused API key',
	nodes: [
		start,
		node(
			'List users',
			`${PKG}.keitaro`,
			{ resource: 'user', operation: 'getAll', returnAll: true },
			220,
			{
				credentials: { keitaroApi: { id: 'e2eBadKeitaro001', name: 'Keitaro (wrong key)' } },
			},
		),
	],
	connections: line('Start', 'List users'),
};

/** Four logins: ok, invalid (empty), taken (Keitaro answers 406), ok. */
function continueOnError(id: string, onError: INode['onError']): WorkflowFile {
	return {
		id,
		name: `e2e: ${onError}`,
		nodes: [
			start,
			node(
				'Logins',
				'n8n-nodes-base.set',
				{
					mode: 'manual',
					assignments: {
						assignments: [
							{
								id: 'l',
								name: 'logins',
								type: 'array',
								value: "={{ ['ann.e2e', '', 'ann.e2e', 'bob.e2e'] }}",
							},
						],
					},
					options: {},
				},
				220,
			),
			node('Split', 'n8n-nodes-base.splitOut', { fieldToSplitOut: 'logins', options: {} }, 440, {
				typeVersion: 1,
			}),
			node(
				'Create',
				`${PKG}.keitaro`,
				{
					resource: 'user',
					operation: 'create',
					inputMode: 'fields',
					login: '={{ $json.logins }}',
					password: 'E2e-Pass-123',
					type: 'USER',
					additionalFields: {},
				},
				660,
				{ credentials: keitaroCred, onError },
			),
		],
		connections: line('Start', 'Logins', 'Split', 'Create'),
	};
}

let env: E2eEnv;

beforeAll(async () => {
	env = await setUpN8n({
		credentials: (sandbox) => [
			{
				id: 'e2eBadKeitaro001',
				name: 'Keitaro (wrong key)',
				type: 'keitaroApi',
				data: { url: sandbox.urlOf('/keitaro'), apiKey: BAD_KEY },
			},
		],
		workflows: [
			badCredential,
			continueOnError('e2eContinueReg01', 'continueRegularOutput'),
			continueOnError('e2eContinueErr01', 'continueErrorOutput'),
		],
	});
});
afterAll(async () => env?.close());
beforeEach(() => env.sandbox.reset());

describe('error paths in real n8n', () => {
	it('a refused API key fails the run with a readable error that names the fix, and no secret', async () => {
		const res = await executeWorkflow(env.folder, badCredential.id);
		expect(res.ok).toBe(false);
		expect(res.code === 1 || res.crashedOnExit).toBe(true);
		const error = res.run?.data.resultData.error;
		expect(error?.message).toBe(
			'Keitaro refused the API Key (HTTP 401, "Access denied"). Check the API Key in the Keitaro credential.',
		);
		expect(error?.description).toBe('GET /keitaro/admin_api/v1/users');
		expect(error?.node?.name).toBe('List users');
		expect(env.sandbox.requests('keitaro')[0].headers['api-key']).toBe(BAD_KEY);
		expect(`${res.stdout}${res.stderr}`).not.toContain(BAD_KEY);
	});

	it('On Error "Continue": failed items carry their error in place, the others are created', async () => {
		const res = await executeWorkflow(env.folder, 'e2eContinueReg01');
		expect(res.ok).toBe(true);
		const items = nodeOutput(res.run, 'Create');
		expect(items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		const [ann, empty, taken, bob] = jsonOf(items);
		expect(ann).toMatchObject({ id: 1, login: 'ann.e2e' });
		expect(empty.error).toMatch(/Login \(login\): is required/);
		expect(taken.error).toMatch(/^Keitaro 406: login: /);
		expect(bob).toMatchObject({ id: 2, login: 'bob.e2e' });
		// The invalid item never reached the API: three POSTs, the taken one refused by Keitaro.
		expect(env.sandbox.requests('keitaro').map((r) => (r.body as { login: string }).login)).toEqual(
			['ann.e2e', 'ann.e2e', 'bob.e2e'],
		);
	});

	it('On Error "Continue (using error output)": failures go to the error branch, successes stay', async () => {
		const res = await executeWorkflow(env.folder, 'e2eContinueErr01');
		expect(res.ok).toBe(true);
		expect(jsonOf(nodeOutput(res.run, 'Create', 0)).map((u) => u.login)).toEqual([
			'ann.e2e',
			'bob.e2e',
		]);
		const failed = nodeOutput(res.run, 'Create', 1);
		expect(failed.map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(jsonOf(failed).map((e) => String(e.error))).toEqual([
			expect.stringMatching(/Login \(login\): is required/),
			expect.stringMatching(/^Keitaro 406/),
		]);
	});
});
