import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { CHATWOOT_USER_TOKEN } from '../../sandbox/platforms/chatwoot';
import { calls, jsonOf, runChatwoot } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const A = '/api/v1/accounts/1';

describe('Chatwoot agents', () => {
	it('invites, lists with a limit, updates and removes agents with the exact requests', async () => {
		const created = await runChatwoot(sandbox, {
			resource: 'agent',
			operation: 'create',
			name: 'Ivan Agent',
			email: 'ivan@acme.test',
			role: 'agent',
			additionalFields: { availability: 'busy', autoOffline: false },
		});
		expect(created.error).toBeUndefined();
		expect(sandbox.requests()[0]).toMatchObject({
			method: 'POST',
			path: `${A}/agents`,
			body: {
				name: 'Ivan Agent',
				email: 'ivan@acme.test',
				role: 'agent',
				availability: 'busy',
				auto_offline: false,
			},
		});
		expect(sandbox.requests()[0].headers.api_access_token).toBe(CHATWOOT_USER_TOKEN);
		const agent = jsonOf(created.outputs[0])[0];
		expect(agent).toMatchObject({
			name: 'Ivan Agent',
			role: 'agent',
			availability_status: 'busy',
			auto_offline: false,
			confirmed: false,
		});

		const all = await runChatwoot(sandbox, {
			resource: 'agent',
			operation: 'getAll',
			returnAll: true,
		});
		expect(jsonOf(all.outputs[0]).map((a) => a.email)).toEqual([
			'ivan@acme.test',
			'owner@acme.test',
		]);
		const one = await runChatwoot(sandbox, {
			resource: 'agent',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
		});
		expect(jsonOf(one.outputs[0]).map((a) => a.email)).toEqual(['ivan@acme.test']);

		const updated = await runChatwoot(sandbox, {
			resource: 'agent',
			operation: 'update',
			agentId: agent.id as number,
			updateFields: { role: 'administrator', availability: 'online' },
		});
		expect(jsonOf(updated.outputs[0])[0]).toMatchObject({
			role: 'administrator',
			availability_status: 'online',
		});
		expect(sandbox.requests()[3]).toMatchObject({
			method: 'PATCH',
			path: `${A}/agents/${agent.id}`,
			body: { role: 'administrator', availability: 'online' },
		});

		const removed = await runChatwoot(sandbox, {
			resource: 'agent',
			operation: 'delete',
			agentId: agent.id as number,
		});
		expect(jsonOf(removed.outputs[0])).toEqual([
			{ id: agent.id, deleted: true, outcome: 'deleted' },
		]);
		expect(calls(sandbox).slice(4)).toEqual([`DELETE ${A}/agents/${agent.id}`]);
		expect(platforms.chatwoot.users.has(agent.id as number)).toBe(false);
	});

	it('an invite over the plan limit reads as 402 with a hint; a duplicate as 422', async () => {
		platforms.chatwoot.accounts.get(1)!.agentLimit = 1;
		const run = await runChatwoot(sandbox, {
			resource: 'agent',
			operation: 'create',
			name: 'X',
			email: 'x@acme.test',
			role: 'agent',
		});
		expect(run.error?.message).toBe(
			'Chatwoot 402: Account limit exceeded. Please purchase more licenses',
		);
		expect(run.error?.description).toContain('agent limit');

		platforms.chatwoot.accounts.get(1)!.agentLimit = 100;
		const dup = await runChatwoot(sandbox, {
			resource: 'agent',
			operation: 'create',
			name: 'O',
			email: 'owner@acme.test',
			role: 'agent',
		});
		expect(dup.error?.message).toBe('Chatwoot 422: User has already been taken');
	});
});
