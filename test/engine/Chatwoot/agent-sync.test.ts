import type { INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { calls, jsonOf, runChatwoot } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const sync = {
	resource: 'agent',
	operation: 'sync',
	email: '={{ $json.email }}',
	name: '={{ $json.name }}',
	scope: { role: 'agent' },
};
const want = (email: string, name: string) => ({ json: { email, name } });
const plan = (items: INodeExecutionData[]) =>
	jsonOf(items).map((j) => [j.action, j.key, j.changes, j.why]);
const pad = (n: number) => String(n).padStart(3, '0');
const writes = () => calls(sandbox).filter((c) => !c.startsWith('GET '));

/** 200 agents and 3 administrators besides the token's owner (an administrator too). */
function population() {
	const cw = platforms.chatwoot;
	cw.accounts.get(1)!.agentLimit = 1000;
	for (let n = 0; n < 200; n++)
		cw.addMember(
			1,
			cw.addUser({ name: `Agent ${n}`, email: `agent${pad(n)}@acme.test` }).id,
			'agent',
		);
	for (let n = 0; n < 3; n++)
		cw.addMember(
			1,
			cw.addUser({ name: `Admin ${n}`, email: `admin${n}@acme.test` }).id,
			'administrator',
		);
}
const agent = (email: string) =>
	[...platforms.chatwoot.users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
const memberRole = (email: string) =>
	platforms.chatwoot.accountUsers.find(
		(au) => au.account_id === 1 && au.user_id === agent(email)?.id,
	)?.role;

/** Every agent but the last, the first renamed; an administrator (outside the scope) and a new person. */
const desired = () => [
	...Array.from({ length: 199 }, (_, n) =>
		want(`agent${pad(n)}@acme.test`, n === 0 ? 'Agnes Zero' : `Agent ${n}`),
	),
	want('ADMIN0@acme.test', 'Admin 0'),
	want('New.Agent@acme.test', 'Nova'),
];

describe('Chatwoot agent Sync', () => {
	it('plans a mixed desired set exactly, from one list call', async () => {
		population();
		const run = await runChatwoot(
			sandbox,
			{ ...sync, removeMissing: 'removeFromAccount', options: { summary: true } },
			{ items: desired() },
		);
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual(['GET /api/v1/accounts/1/agents']);
		const rows = run.outputs[0].slice(0, -1);
		expect(plan(rows).filter(([action]) => action !== 'unchanged')).toEqual([
			['update', 'agent000@acme.test', 'name: Agent 0 → Agnes Zero', 'differs'],
			[
				'skip',
				'ADMIN0@acme.test',
				'',
				`the agent with this Email (ID ${agent('admin0@acme.test')?.id}) is outside this sync's scope`,
			],
			['create', 'New.Agent@acme.test', '', 'no agent has this Email'],
			['remove', 'agent199@acme.test', '', 'not in the input: Remove From Account'],
		]);
		expect(run.outputs[0].at(-1)?.json).toEqual({
			summary: {
				items: 201,
				succeeded: 201,
				failed: 0,
				existing: 200,
				toCreate: 1,
				toUpdate: 1,
				unchanged: 198,
				toRemove: 1,
				skipped: 1,
			},
		});
	});

	it('Apply makes the account match; a second Apply sends nothing', async () => {
		population();
		const apply = { ...sync, syncMode: 'apply', removeMissing: 'removeFromAccount' };
		const gone = agent('agent199@acme.test')!.id;
		const run = await runChatwoot(sandbox, apply, { items: desired() });
		expect(run.error).toBeUndefined();
		expect(writes().sort()).toEqual(
			[
				`PATCH /api/v1/accounts/1/agents/${agent('agent000@acme.test')!.id}`,
				'POST /api/v1/accounts/1/agents',
				`DELETE /api/v1/accounts/1/agents/${gone}`,
			].sort(),
		);
		expect(agent('agent000@acme.test')?.name).toBe('Agnes Zero');
		expect(memberRole('new.agent@acme.test')).toBe('agent');
		expect(memberRole('admin0@acme.test')).toBe('administrator');
		expect(platforms.chatwoot.users.has(gone)).toBe(false);

		sandbox.log.length = 0;
		const again = await runChatwoot(sandbox, apply, { items: desired() });
		expect(calls(sandbox)).toEqual(['GET /api/v1/accounts/1/agents']);
		expect(new Set(jsonOf(again.outputs[0]).map((j) => j.action))).toEqual(
			new Set(['unchanged', 'skip']),
		);
	});

	it('refuses an empty desired set and removals beyond the limit; nothing is written', async () => {
		population();
		const empty = await runChatwoot(
			sandbox,
			{ ...sync, syncMode: 'apply', removeMissing: 'removeFromAccount' },
			{ items: [{ json: { email: 'not-an-email' } }] },
		);
		expect(empty.error?.message).toMatch(/^No input item is a usable agent: Email \(email\)/);
		const tooMany = await runChatwoot(
			sandbox,
			{ ...sync, syncMode: 'apply', removeMissing: 'removeFromAccount' },
			{ items: desired().slice(0, 50) },
		);
		expect(tooMany.error?.message).toBe(
			'Apply refused: 150 of 200 existing agents (75%) would be removed, more than the Removal Limit of 10% (20). Raise Removal Limit (%) for this run if that is intended. Nothing was sent.',
		);
		expect(writes()).toEqual([]);
	});

	it('faults during Apply (429, 503, a dropped invite): no duplicate, and each agent says what happened', async () => {
		population();
		sandbox.fault({ kind: 'status', status: 429, method: 'PATCH', times: 1, retryAfter: '0' });
		sandbox.fault({ kind: 'status', status: 503, method: 'DELETE', times: 1, retryAfter: '0' });
		sandbox.fault({ kind: 'dropAfter', method: 'POST', path: '/agents', times: 1 });
		const run = await runChatwoot(
			sandbox,
			{ ...sync, syncMode: 'apply', removeMissing: 'removeFromAccount' },
			{ items: desired() },
		);
		expect(run.error).toBeUndefined();
		const results = Object.fromEntries(
			jsonOf(run.outputs[0])
				.filter((j) => !['unchanged', 'skip'].includes(String(j.action)))
				.map((j) => [j.key, j.result]),
		);
		expect(results).toEqual({
			'agent000@acme.test': 'updated',
			'New.Agent@acme.test': 'created',
			'agent199@acme.test': 'removed',
		});
		expect(
			[...platforms.chatwoot.users.values()].filter((u) => u.email === 'New.Agent@acme.test'),
		).toHaveLength(1);
		expect(writes().filter((c) => c.startsWith('POST'))).toHaveLength(1);
	});

	it('an agent that fails is reported on its own row with continueOnFail; the others go on', async () => {
		population();
		sandbox.fault({
			kind: 'status',
			status: 402,
			method: 'POST',
			path: '/agents',
			body: { error: 'Account limit exceeded. Please purchase more licenses' },
		});
		const run = await runChatwoot(
			sandbox,
			{ ...sync, syncMode: 'apply', options: { summary: true } },
			{ items: desired(), onError: 'continueRegularOutput' },
		);
		expect(run.error).toBeUndefined();
		expect(jsonOf(run.outputs[0]).find((j) => j.key === 'New.Agent@acme.test')).toMatchObject({
			action: 'create',
			result: 'failed',
			error: 'Chatwoot 402: Account limit exceeded. Please purchase more licenses',
		});
		expect(run.outputs[0].at(-1)?.json.summary).toMatchObject({ updated: 1, failed: 1 });
	});
});
