import type { INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { jsonOf, runKeitaro } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

/** The sync maps each input item's fields with expressions, as a user would. */
const sync = {
	operation: 'sync',
	login: '={{ $json.login }}',
	password: '={{ $json.password }}',
	type: '={{ $json.type }}',
	additionalFields: { language: '={{ $json.language }}' },
	scope: { loginPrefix: 'media.' },
};
const want = (login: string, type = 'USER', language = 'en', password = 'Init-Pass-1') => ({
	json: { login, type, language, password },
});
const plan = (items: INodeExecutionData[]) =>
	jsonOf(items).map((j) => [j.action, j.key, j.changes, j.why]);

/** 300 users in scope (media.*), a few out of it. */
function population() {
	for (let n = 0; n < 300; n++) platforms.keitaro.addUser(`media.u${String(n).padStart(3, '0')}`);
	platforms.keitaro.addUser('admin.root', { type: 'ADMIN' });
	platforms.keitaro.addUser('media.gone', { state: 'deleted' });
}
/** The desired list: everyone but u299, u000 made admin, u001 in Russian, and one new person. */
const desired = () => [
	...Array.from({ length: 299 }, (_, n) =>
		want(`media.u${String(n).padStart(3, '0')}`, n === 0 ? 'ADMIN' : 'USER', n === 1 ? 'ru' : 'en'),
	),
	want('Media.New'),
];

describe('Keitaro Sync', () => {
	it('plans a mixed desired set exactly, with list calls only and nothing written', async () => {
		population();
		const run = await runKeitaro(
			sandbox,
			{ ...sync, removeMissing: 'delete', options: { summary: true } },
			{ items: desired() },
		);
		expect(run.error).toBeUndefined();
		expect(sandbox.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /admin_api/v1/users',
		]);
		const rows = run.outputs[0].slice(0, -1);
		const changed = plan(rows).filter(([action]) => action !== 'unchanged');
		expect(changed).toEqual([
			['update', 'media.u000', 'type: USER → ADMIN', 'differs'],
			['update', 'media.u001', 'language: en → ru', 'differs'],
			['create', 'Media.New', '', 'no user has this Login'],
			['remove', 'media.u299', '', 'not in the input: Delete'],
		]);
		expect(plan(rows).filter(([a]) => a === 'unchanged')).toHaveLength(297);
		// Out of scope (admin.root) and deleted users are not in the plan at all.
		expect(jsonOf(rows).map((j) => j.key)).not.toContain('admin.root');
		expect(rows[0].pairedItem).toEqual({ item: 0 });
		expect(jsonOf(rows)[0]).toMatchObject({
			id: 1,
			name: 'media.u000',
			fields: [{ field: 'type', before: 'USER', after: 'ADMIN' }],
		});
		expect(run.outputs[0].at(-1)?.json).toEqual({
			summary: {
				items: 300,
				succeeded: 300,
				failed: 0,
				existing: 300,
				toCreate: 1,
				toUpdate: 2,
				unchanged: 297,
				toRemove: 1,
			},
		});
	});

	it('Apply makes the platform match the list; a second Apply plans nothing', async () => {
		population();
		const apply = {
			...sync,
			syncMode: 'apply',
			removeMissing: 'delete',
			options: { summary: true },
		};
		const run = await runKeitaro(sandbox, apply, { items: desired() });
		expect(run.error).toBeUndefined();
		const writes = sandbox
			.requests()
			.filter((r) => r.method !== 'GET')
			.map((r) => `${r.method} ${r.path}`)
			.sort();
		expect(writes).toEqual(
			[
				'DELETE /admin_api/v1/users/300',
				'POST /admin_api/v1/users',
				'PUT /admin_api/v1/users/1',
				'PUT /admin_api/v1/users/2',
			].sort(),
		);
		expect(run.outputs[0].at(-1)?.json.summary).toMatchObject({
			created: 1,
			updated: 2,
			unchanged: 297,
			removed: 1,
			failed: 0,
		});
		const users = [...platforms.keitaro.users.values()];
		expect(users.find((u) => u.login === 'media.u000')?.type).toBe('ADMIN');
		expect(users.find((u) => u.login === 'Media.New')).toBeDefined();
		expect(users.find((u) => u.login === 'media.u299')).toBeUndefined();
		expect(users.find((u) => u.login === 'admin.root')).toBeDefined();

		sandbox.log.length = 0;
		const again = await runKeitaro(sandbox, apply, { items: desired() });
		expect(sandbox.requests().map((r) => r.method)).toEqual(['GET']);
		expect(new Set(jsonOf(again.outputs[0].slice(0, -1)).map((j) => j.action))).toEqual(
			new Set(['unchanged']),
		);
	});

	it('refuses to apply an empty desired set, and removals beyond the limit, naming the numbers; nothing is sent', async () => {
		population();
		const empty = await runKeitaro(
			sandbox,
			{ ...sync, syncMode: 'apply', removeMissing: 'delete' },
			{ items: [{ json: { login: '' } }] },
		);
		expect(empty.error?.message).toMatch(
			/^No input item is a usable user: Login \(login\): is required/,
		);
		expect(sandbox.requests().filter((r) => r.method !== 'GET')).toEqual([]);

		sandbox.log.length = 0;
		const half = desired().slice(150);
		const tooMany = await runKeitaro(
			sandbox,
			{ ...sync, syncMode: 'apply', removeMissing: 'delete' },
			{ items: half },
		);
		expect(tooMany.error?.message).toBe(
			'Apply refused: 151 of 300 existing users (50.3%) would be removed, more than the Removal Limit of 10% (30). Raise Removal Limit (%) for this run if that is intended. Nothing was sent.',
		);
		expect(tooMany.error?.description).toBe(
			'Plan: 1 to create, 0 to update, 149 unchanged, 151 to remove, 0 skipped.',
		);
		expect(sandbox.requests().map((r) => r.method)).toEqual(['GET']);

		// Raised for this run, the same list goes through.
		sandbox.log.length = 0;
		const raised = await runKeitaro(
			sandbox,
			{ ...sync, syncMode: 'apply', removeMissing: 'delete', maxRemovalPercent: 60 },
			{ items: half },
		);
		expect(raised.error).toBeUndefined();
		expect(sandbox.requests().filter((r) => r.method === 'DELETE')).toHaveLength(151);
	});

	it('faults during Apply (429, 503, a dropped create): no duplicate, and each user says what happened', async () => {
		population();
		sandbox.fault({ kind: 'status', status: 429, method: 'PUT', times: 1, retryAfter: '0' });
		sandbox.fault({ kind: 'status', status: 503, method: 'DELETE', times: 1, retryAfter: '0' });
		sandbox.fault({ kind: 'dropAfter', method: 'POST', times: 1 });
		const run = await runKeitaro(
			sandbox,
			{ ...sync, syncMode: 'apply', removeMissing: 'delete' },
			{ items: desired() },
		);
		expect(run.error).toBeUndefined();
		const results = Object.fromEntries(
			jsonOf(run.outputs[0])
				.filter((j) => j.action !== 'unchanged')
				.map((j) => [j.key, j.result]),
		);
		expect(results).toEqual({
			'media.u000': 'updated',
			'media.u001': 'updated',
			'Media.New': 'created',
			'media.u299': 'removed',
		});
		expect(
			[...platforms.keitaro.users.values()].filter((u) => u.login === 'Media.New'),
		).toHaveLength(1);
	});

	it('a user that fails is reported on its own row with continueOnFail; the others go on', async () => {
		population();
		sandbox.fault({
			kind: 'status',
			status: 406,
			method: 'POST',
			times: 1,
			body: { login: ['Login is reserved'] },
		});
		const run = await runKeitaro(
			sandbox,
			{ ...sync, syncMode: 'apply', options: { summary: true } },
			{ items: desired(), onError: 'continueRegularOutput' },
		);
		expect(run.error).toBeUndefined();
		const failed = jsonOf(run.outputs[0]).find((j) => j.key === 'Media.New');
		expect(failed).toMatchObject({
			action: 'create',
			result: 'failed',
			error: 'Keitaro 406: login: Login is reserved',
		});
		expect(run.outputs[0].at(-1)?.json.summary).toMatchObject({ updated: 2, failed: 1 });
	});

	it('skips items it cannot use, and says why', async () => {
		platforms.keitaro.addUser('media.a');
		const items = [
			want('media.a'),
			want('MEDIA.A'),
			{ json: { login: 'media.b', type: 'USER', language: 'en' } },
			{ json: { login: '', type: 'USER' } },
		];
		const run = await runKeitaro(
			sandbox,
			{ ...sync, password: '={{ $json.password ?? "" }}' },
			{ items },
		);
		expect(plan(run.outputs[0])).toEqual([
			['unchanged', 'media.a', '', 'already as wanted'],
			['skip', 'MEDIA.A', '', 'the same Login as item 0: only the first one counts'],
			['skip', 'media.b', '', 'not there yet, and Password (password) is needed to create it'],
			['skip', '', '', 'Login (login): is required'],
		]);
	});
});
