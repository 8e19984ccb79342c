import type { INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { apiRequestsOf, jsonOf, runKeepnet } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const GROUP = 'grpSales01';
/** Each input item's fields mapped with expressions, as a user would. */
const sync = {
	operation: 'sync',
	email: '={{ $json.email }}',
	phoneNumber: '={{ $json.phone ?? "" }}',
	fields: { firstName: '={{ $json.firstName }}' },
	scope: { targetGroupId: GROUP },
};
const want = (email: string, firstName: string, phone?: string) => ({
	json: { email, firstName, ...(phone ? { phone } : {}) },
});
const plan = (items: INodeExecutionData[]) =>
	jsonOf(items).map((j) => [j.action, j.key, j.changes, j.why]);
const pad = (n: number) => String(n).padStart(3, '0');
const writes = () =>
	apiRequestsOf(sandbox).filter(
		(r) => !/\/search$|\/target-groups\/[^/]+\/users$/.test(r.path) || r.method !== 'POST',
	);

/** 250 members of the Sales group (one inactive, two with a manager), 50 people in other groups. */
function population() {
	for (let n = 0; n < 250; n++) {
		platforms.keepnet.addUser(`sales${pad(n)}@acme.test`, {
			firstName: `S${n}`,
			lastName: 'Sales',
			groups: [GROUP],
			isActive: n !== 10,
			...(n === 0 || n === 249
				? { managerEmail: 'boss@acme.test', timeZoneId: 'Europe/London' }
				: {}),
		});
	}
	for (let n = 0; n < 50; n++)
		platforms.keepnet.addUser(`other${pad(n)}@acme.test`, {
			firstName: `O${n}`,
			groups: ['grpIT00002'],
		});
}
const user = (email: string) =>
	[...platforms.keepnet.users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());

/** Sales but the last, the first renamed, plus someone from IT and one new person. */
const desired = () => [
	...Array.from({ length: 249 }, (_, n) =>
		want(`sales${pad(n)}@acme.test`, n === 0 ? 'Sam' : `S${n}`),
	),
	want('other000@acme.test', 'O0'),
	want('New.Person@acme.test', 'Nia', '+447700900999'),
];

describe('Keepnet Sync', () => {
	it('plans a mixed desired set exactly, with list calls only', async () => {
		population();
		const run = await runKeepnet(
			sandbox,
			{ ...sync, removeMissing: 'deactivate', options: { summary: true } },
			{ items: desired() },
		);
		expect(run.error).toBeUndefined();
		// 300 users and 250 members, 100 to a page.
		expect(
			apiRequestsOf(sandbox)
				.map(
					(r) => `${r.method} ${r.path} ${String((r.body as { pageNumber?: number }).pageNumber)}`,
				)
				.sort(),
		).toEqual(
			[1, 2, 3]
				.flatMap((p) => [
					`POST /api/target-users/search ${p}`,
					`POST /api/target-groups/${GROUP}/users ${p}`,
				])
				.sort(),
		);
		const rows = run.outputs[0].slice(0, -1);
		expect(plan(rows).filter(([action]) => action !== 'unchanged')).toEqual([
			['update', 'sales000@acme.test', 'firstName: S0 → Sam', 'differs'],
			['update', 'sales010@acme.test', 'isActive: false → true', 'differs'],
			[
				'update',
				'other000@acme.test',
				`targetGroup: (empty) → ${GROUP}`,
				'exists outside the scope: brought in',
			],
			['create', 'New.Person@acme.test', '', 'no target user has this Email'],
			['remove', 'sales249@acme.test', '', 'not in the input: Deactivate'],
		]);
		// People of other groups that are not wanted are not in the plan at all.
		expect(jsonOf(rows).map((j) => j.key)).not.toContain('other001@acme.test');
		expect(run.outputs[0].at(-1)?.json).toEqual({
			summary: {
				items: 251,
				succeeded: 251,
				failed: 0,
				existing: 250,
				toCreate: 1,
				toUpdate: 3,
				unchanged: 247,
				toRemove: 1,
			},
		});
	});

	it('Apply makes Keepnet match (full-record PUTs keep what the list does not show); a second Apply plans nothing', async () => {
		population();
		const apply = {
			...sync,
			syncMode: 'apply',
			removeMissing: 'deactivate',
			options: { summary: true },
		};
		const run = await runKeepnet(sandbox, apply, { items: desired() });
		expect(run.error).toBeUndefined();
		const [s0, s10, s249, o0] = ['sales000', 'sales010', 'sales249', 'other000'].map((e) =>
			user(`${e}@acme.test`)!,
		);
		expect(
			writes()
				.map((r) => `${r.method} ${r.path}`)
				.sort(),
		).toEqual(
			[
				`GET /api/target-users/${s0.resourceId}`,
				`PUT /api/target-users/${s0.resourceId}`,
				`GET /api/target-users/${s10.resourceId}`,
				`PUT /api/target-users/${s10.resourceId}`,
				'PUT /api/target-groups/users',
				'POST /api/target-users',
				`GET /api/target-users/${s249.resourceId}`,
				`PUT /api/target-users/${s249.resourceId}`,
			].sort(),
		);
		expect(run.outputs[0].at(-1)?.json.summary).toMatchObject({
			created: 1,
			updated: 3,
			unchanged: 247,
			removed: 1,
			failed: 0,
		});
		expect(s0).toMatchObject({
			firstName: 'Sam',
			lastName: 'Sales',
			managerEmail: 'boss@acme.test',
			timeZoneId: 'Europe/London',
			isActive: true,
		});
		expect(s10.isActive).toBe(true);
		expect(s249).toMatchObject({
			isActive: false,
			managerEmail: 'boss@acme.test',
			firstName: 'S249',
		});
		expect(o0.groups.sort()).toEqual([GROUP, 'grpIT00002'].sort());
		expect(user('new.person@acme.test')).toMatchObject({
			firstName: 'Nia',
			phoneNumber: '+447700900999',
			groups: [GROUP],
			isActive: true,
		});

		sandbox.log.length = 0;
		const again = await runKeepnet(sandbox, apply, { items: desired() });
		expect(writes()).toEqual([]);
		expect(new Set(jsonOf(again.outputs[0].slice(0, -1)).map((j) => j.action))).toEqual(
			new Set(['unchanged']),
		);
	});

	it('refuses an empty desired set and removals beyond the limit, naming the numbers; nothing is written', async () => {
		population();
		const empty = await runKeepnet(
			sandbox,
			{ ...sync, syncMode: 'apply', removeMissing: 'delete' },
			{ items: [{ json: { email: '' } }] },
		);
		expect(empty.error?.message).toMatch(
			/^No input item is a usable target user: Email \(email\): is required/,
		);
		expect(apiRequestsOf(sandbox)).toEqual([]);

		const tooMany = await runKeepnet(
			sandbox,
			{ ...sync, syncMode: 'apply', removeMissing: 'removeFromGroup' },
			{ items: desired().slice(0, 100) },
		);
		expect(tooMany.error?.message).toBe(
			'Apply refused: 150 of 250 existing target users (60%) would be removed, more than the Removal Limit of 10% (25). Raise Removal Limit (%) for this run if that is intended. Nothing was sent.',
		);
		expect(writes()).toEqual([]);
	});

	it('"Remove From Target Group" without a group in the scope is refused before anything is sent', async () => {
		const run = await runKeepnet(
			sandbox,
			{ ...sync, scope: {}, syncMode: 'apply', removeMissing: 'removeFromGroup' },
			{ items: desired() },
		);
		expect(run.error?.message).toBe(
			'Remove Missing "Remove From Target Group": set Scope > Target Group ID (scope.targetGroupId) to say which group',
		);
		expect(apiRequestsOf(sandbox)).toEqual([]);
	});

	it('faults during Apply (429, 503, a dropped create): no duplicate, and each user says what happened', async () => {
		population();
		sandbox.fault({
			kind: 'status',
			status: 429,
			method: 'PUT',
			path: /^\/api\/target-users\//,
			times: 1,
			retryAfter: '0',
		});
		sandbox.fault({ kind: 'status', status: 503, method: 'DELETE', times: 1, retryAfter: '0' });
		sandbox.fault({ kind: 'dropAfter', method: 'POST', path: /^\/api\/target-users$/, times: 1 });
		const run = await runKeepnet(
			sandbox,
			{ ...sync, syncMode: 'apply', removeMissing: 'removeFromGroup' },
			{ items: desired() },
		);
		expect(run.error).toBeUndefined();
		const results = Object.fromEntries(
			jsonOf(run.outputs[0])
				.filter((j) => j.action !== 'unchanged')
				.map((j) => [j.key, j.result]),
		);
		expect(results).toEqual({
			'sales000@acme.test': 'updated',
			'sales010@acme.test': 'updated',
			'other000@acme.test': 'updated',
			'New.Person@acme.test': 'created',
			'sales249@acme.test': 'removed',
		});
		expect(
			[...platforms.keepnet.users.values()].filter((u) => u.email === 'New.Person@acme.test'),
		).toHaveLength(1);
		// The dropped create was looked up by email before anything was sent again.
		expect(
			apiRequestsOf(sandbox).filter((r) => r.path === '/api/target-users/search-email'),
		).toHaveLength(1);
		expect(user('sales249@acme.test')?.groups).toEqual([]);
	});

	it('a user that fails is reported on its own row with continueOnFail; the others go on', async () => {
		population();
		sandbox.fault({
			kind: 'status',
			status: 400,
			method: 'POST',
			path: /^\/api\/target-users$/,
			body: {
				data: null,
				status: 'ValidationError',
				message: null,
				validationMessages: ["'Phone Number' is not valid."],
			},
		});
		const run = await runKeepnet(
			sandbox,
			{ ...sync, syncMode: 'apply', options: { summary: true } },
			{ items: desired(), onError: 'continueRegularOutput' },
		);
		expect(run.error).toBeUndefined();
		expect(jsonOf(run.outputs[0]).find((j) => j.key === 'New.Person@acme.test')).toMatchObject({
			action: 'create',
			result: 'failed',
			error: "Keepnet 400: 'Phone Number' is not valid.",
		});
		expect(run.outputs[0].at(-1)?.json.summary).toMatchObject({ updated: 3, failed: 1 });
	});

	it('scoped by department: others are left alone, a wanted user gets the department, a conflicting one is skipped', async () => {
		platforms.keepnet.addUser('a@acme.test', { department: 'sales' });
		platforms.keepnet.addUser('b@acme.test', { department: 'Sales' });
		platforms.keepnet.addUser('c@acme.test', { department: 'IT' });
		const items = [
			{ json: { email: 'a@acme.test' } },
			{ json: { email: 'c@acme.test' } },
			{ json: { email: 'd@acme.test', department: 'IT' } },
		];
		const run = await runKeepnet(
			sandbox,
			{
				...sync,
				fields: { department: '={{ $json.department ?? "" }}' },
				scope: { department: 'Sales' },
				removeMissing: 'delete',
				maxRemovalPercent: 50,
			},
			{ items },
		);
		expect(plan(run.outputs[0])).toEqual([
			['unchanged', 'a@acme.test', '', 'already as wanted'],
			['update', 'c@acme.test', 'department: IT → Sales', 'exists outside the scope: brought in'],
			[
				'skip',
				'',
				'',
				"Fields > Department (fields.department): must be empty or the scope's department (Sales): a user in another department is outside this sync",
			],
			['remove', 'b@acme.test', '', 'not in the input: Delete'],
		]);
	});
});
