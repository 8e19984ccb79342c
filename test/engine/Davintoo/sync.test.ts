import type { INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { jsonOf, runDavintoo } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const sync = {
	operation: 'sync',
	matchBy: 'email',
	uid: '={{ $json.uid }}',
	login: '={{ $json.login }}',
	email: '={{ $json.email }}',
	secondname: '={{ $json.last }}',
	firstname: '={{ $json.first }}',
	fields: { position: '={{ $json.position }}' },
	scope: { department: 'Sales' },
};
const want = (uid: string, position = 'Rep') => ({
	json: {
		uid,
		login: `login.${uid}`,
		email: `${uid}@example.org`.toUpperCase(),
		last: `Last${uid}`,
		first: `First${uid}`,
		position,
	},
});
const plan = (items: INodeExecutionData[]) =>
	jsonOf(items).map((j) => [j.action, j.key, j.changes, j.why]);
const imports = () => sandbox.requests('davintoo').filter((r) => r.method === 'POST');

/** 300 people in Sales (one blocked), 100 in Marketing; the portal lists 10 to a page. */
function population() {
	for (let n = 0; n < 300; n++)
		platforms.davintoo.addUser(
			`EMP-${n}`,
			{ department: 'Sales', position: 'Rep' },
			n === 5 ? 0 : 1,
		);
	for (let n = 0; n < 100; n++)
		platforms.davintoo.addUser(`MKT-${n}`, { department: 'Marketing', position: 'Rep' });
}

/** Sales but the last, one promoted; someone from Marketing who moves to Sales; a new person. */
const desired = () => [
	...Array.from({ length: 299 }, (_, n) => want(`EMP-${n}`, n === 0 ? 'Lead' : 'Rep')),
	want('MKT-0'),
	want('NEW-1'),
];

describe('Davintoo Sync', () => {
	it('plans a mixed desired set exactly, with list calls only (40 pages, several at a time)', async () => {
		population();
		const run = await runDavintoo(
			sandbox,
			{ ...sync, removeMissing: 'block', options: { summary: true } },
			{ items: desired() },
		);
		expect(run.error).toBeUndefined();
		const listed = sandbox.requests('davintoo');
		expect(listed.every((r) => r.method === 'GET' && r.path === '/api/v2/users/list')).toBe(true);
		expect(listed.map((r) => Number(r.query.page)).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 40 }, (_, i) => i + 1),
		);
		const rows = run.outputs[0].slice(0, -1);
		expect(plan(rows).filter(([action]) => action !== 'unchanged')).toEqual([
			['update', 'EMP-0@EXAMPLE.ORG', 'position: Rep → Lead', 'differs'],
			['update', 'EMP-5@EXAMPLE.ORG', 'is_active: 0 → 1', 'differs'],
			[
				'update',
				'MKT-0@EXAMPLE.ORG',
				'department: Marketing → Sales',
				'exists outside the scope: brought in',
			],
			['create', 'NEW-1@EXAMPLE.ORG', '', 'no user has this Email'],
			['remove', 'EMP-299@example.org', '', 'not in the input: Block'],
		]);
		expect(run.outputs[0].at(-1)?.json.summary).toMatchObject({
			existing: 300,
			toCreate: 1,
			toUpdate: 3,
			unchanged: 297,
			toRemove: 1,
		});
	});

	it('Apply makes the portal match (re-imports by UID with the required fields); a second Apply sends nothing', async () => {
		population();
		const apply = { ...sync, syncMode: 'apply', removeMissing: 'block' };
		const run = await runDavintoo(sandbox, apply, { items: desired() });
		expect(run.error).toBeUndefined();
		const bodies = imports().map((r) => r.body as Record<string, unknown>);
		expect(bodies.map((b) => b.uid).sort()).toEqual(
			['EMP-0', 'EMP-299', 'EMP-5', 'MKT-0', 'NEW-1'].sort(),
		);
		expect(bodies.find((b) => b.uid === 'EMP-299')).toEqual({
			uid: 'EMP-299',
			secondname: 'LastEMP-299',
			firstname: 'FirstEMP-299',
			login: 'login.EMP-299',
			email: 'EMP-299@example.org',
			is_active: 0,
		});
		expect(bodies.find((b) => b.uid === 'NEW-1')).toMatchObject({
			login: 'login.NEW-1',
			department: 'Sales',
			position: 'Rep',
			is_active: 1,
		});
		const users = platforms.davintoo.users;
		expect(users.get('EMP-0')?.fields.position).toBe('Lead');
		expect(users.get('EMP-5')?.is_active).toBe(1);
		expect(users.get('MKT-0')?.fields.department).toBe('Sales');
		expect(users.get('EMP-299')?.is_active).toBe(0);
		expect(users.size).toBe(401);

		sandbox.log.length = 0;
		const again = await runDavintoo(sandbox, apply, { items: desired() });
		expect(imports()).toEqual([]);
		expect(new Set(jsonOf(again.outputs[0]).map((j) => j.action))).toEqual(new Set(['unchanged']));
	});

	it('refuses an empty desired set and removals beyond the limit; nothing is imported', async () => {
		population();
		const apply = { ...sync, syncMode: 'apply', removeMissing: 'block' };
		const empty = await runDavintoo(sandbox, apply, { items: [{ json: { email: 'nope' } }] });
		expect(empty.error?.message).toMatch(/^No input item is a usable user: Email \(email\)/);
		const tooMany = await runDavintoo(sandbox, apply, { items: desired().slice(0, 250) });
		expect(tooMany.error?.message).toBe(
			'Apply refused: 50 of 300 existing users (16.7%) would be removed, more than the Removal Limit of 10% (30). Raise Removal Limit (%) for this run if that is intended. Nothing was sent.',
		);
		expect(imports()).toEqual([]);
	});

	it('faults during Apply (429, 503, a dropped import): no duplicate, and each user says what happened', async () => {
		population();
		// One at a time, the first import meets all three in turn (a fourth try gets through).
		sandbox.fault({ kind: 'status', status: 429, method: 'POST', times: 1, retryAfter: '0' });
		sandbox.fault({ kind: 'status', status: 503, method: 'POST', times: 1, retryAfter: '0' });
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const run = await runDavintoo(
			sandbox,
			{
				...sync,
				syncMode: 'apply',
				removeMissing: 'block',
				options: { concurrency: 1, maxTries: 4 },
			},
			{ items: desired() },
		);
		expect(run.error).toBeUndefined();
		const results = Object.fromEntries(
			jsonOf(run.outputs[0])
				.filter((j) => j.action !== 'unchanged')
				.map((j) => [j.key, j.result]),
		);
		expect(results).toEqual({
			'EMP-0@EXAMPLE.ORG': 'updated',
			'EMP-5@EXAMPLE.ORG': 'updated',
			'MKT-0@EXAMPLE.ORG': 'updated',
			'NEW-1@EXAMPLE.ORG': 'created',
			'EMP-299@example.org': 'removed',
		});
		expect(platforms.davintoo.users.size).toBe(401);
		expect(platforms.davintoo.users.get('EMP-299')?.is_active).toBe(0);
		expect(imports()).toHaveLength(5 + 3);
	});

	it('a user that fails is reported on its own row with continueOnFail; the others go on', async () => {
		population();
		platforms.davintoo.addUser('OTHER', { login: 'login.NEW-1', department: 'Marketing' });
		const run = await runDavintoo(
			sandbox,
			{ ...sync, syncMode: 'apply', options: { summary: true } },
			{ items: desired(), onError: 'continueRegularOutput' },
		);
		expect(run.error).toBeUndefined();
		expect(jsonOf(run.outputs[0]).find((j) => j.key === 'NEW-1@EXAMPLE.ORG')).toMatchObject({
			action: 'create',
			result: 'failed',
			error: 'Davintoo 400: login: Login "login.NEW-1" has already been taken.',
		});
		expect(run.outputs[0].at(-1)?.json.summary).toMatchObject({ updated: 3, failed: 1 });
	});

	it('matches by UID exactly and by login ignoring case', async () => {
		platforms.davintoo.addUser('EMP-1', { department: 'Sales' });
		const byUid = await runDavintoo(
			sandbox,
			{ ...sync, matchBy: 'uid', fields: {} },
			{ items: [want('emp-1'), want('EMP-1')] },
		);
		expect(plan(byUid.outputs[0]).map(([action, key]) => [action, key])).toEqual([
			['create', 'emp-1'],
			['unchanged', 'EMP-1'],
		]);
		const byLogin = await runDavintoo(
			sandbox,
			{ ...sync, matchBy: 'login', fields: {} },
			{ items: [{ json: { ...want('EMP-1').json, login: 'LOGIN.emp-1' } }] },
		);
		expect(plan(byLogin.outputs[0]).map(([action, key]) => [action, key])).toEqual([
			['unchanged', 'LOGIN.emp-1'],
		]);
	});
});
