import type { INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { calls, jsonOf, runActivePlatform } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;
let account: number;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const sync = () => ({
	operation: 'sync',
	accountId: account,
	email: '={{ $json.email }}',
	firstName: '={{ $json.first }}',
	lastName: '={{ $json.last }}',
	password: '={{ $json.password ?? "" }}',
});
const want = (email: string, first: string, last: string, password?: string) => ({
	json: { email, first, last, ...(password ? { password } : {}) },
});
const plan = (items: INodeExecutionData[]) =>
	jsonOf(items).map((j) => [j.action, j.key, j.changes, j.why]);
const pad = (n: number) => String(n).padStart(3, '0');
const writes = () => calls(sandbox).filter((c) => !c.startsWith('GET '));
const user = (email: string) =>
	[...platforms.activeplatform.users.values()].find(
		(u) => u.email.toLowerCase() === email.toLowerCase(),
	);
const onAccount = (email: string) =>
	platforms.activeplatform.accesses.some(
		(a) => a.account_id === account && a.user_id === user(email)?.id,
	);

/** Account Acme with 200 users (u000 its owner), and 150 users of the installation who are not on it. */
function population() {
	const ap = platforms.activeplatform;
	account = ap.addAccount('Acme').id;
	const other = ap.addAccount('Other').id;
	for (let n = 0; n < 200; n++)
		ap.attach(
			ap.addUser(`u${pad(n)}@acme.test`, { first_name: 'U', last_name: String(n) }).id,
			account,
			n === 0 ? 'owner' : 'user',
		);
	for (let n = 0; n < 150; n++)
		ap.attach(
			ap.addUser(`x${pad(n)}@acme.test`, { first_name: 'X', last_name: String(n) }).id,
			other,
		);
}

/** Acme's users but the last, one renamed; someone from the installation who joins; a new person. */
const desired = () => [
	...Array.from({ length: 199 }, (_, n) =>
		want(`u${pad(n)}@acme.test`, n === 1 ? 'Uma' : 'U', String(n)),
	),
	want('X000@acme.test', 'X', '0'),
	want('new@acme.test', 'Nat', 'New', 'Init-Pass-1'),
];

describe('ActivePlatform Sync', () => {
	it("plans a mixed desired set exactly, from the users list and the account's users", async () => {
		population();
		const run = await runActivePlatform(
			sandbox,
			{ ...sync(), removeMissing: 'detach', options: { summary: true } },
			{ items: desired() },
		);
		expect(run.error).toBeUndefined();
		// 350 users, 100 to a page (the last one short), and the account's users in one answer.
		expect(calls(sandbox)).toEqual([
			...[1, 2, 3, 4].map(() => 'GET /api/vendor/v1/users.json'),
			`GET /api/vendor/v1/accounts/${account}/users.json`,
		]);
		const rows = run.outputs[0].slice(0, -1);
		expect(plan(rows).filter(([action]) => action !== 'unchanged')).toEqual([
			['update', 'u001@acme.test', 'first_name: U → Uma', 'differs'],
			[
				'update',
				'X000@acme.test',
				`account: (empty) → ${account}`,
				'exists outside the scope: brought in',
			],
			['create', 'new@acme.test', '', 'no user has this Email'],
			['remove', 'u199@acme.test', '', 'not in the input: Detach From Account'],
		]);
		expect(run.outputs[0].at(-1)?.json.summary).toMatchObject({
			existing: 200,
			toCreate: 1,
			toUpdate: 2,
			unchanged: 198,
			toRemove: 1,
		});
	});

	it('Apply makes the account match (new users attached once created); a second Apply sends nothing', async () => {
		population();
		const apply = { ...sync(), syncMode: 'apply', removeMissing: 'detach' };
		const run = await runActivePlatform(sandbox, apply, { items: desired() });
		expect(run.error).toBeUndefined();
		expect(writes().sort()).toEqual(
			[
				`PUT /api/vendor/v1/users/${user('u001@acme.test')!.id}.json`,
				'POST /api/v2/vendor/account_accesses.json',
				'POST /api/vendor/v1/users.json',
				'POST /api/v2/vendor/account_accesses.json',
				'DELETE /api/v2/vendor/account_accesses/detach.json',
			].sort(),
		);
		expect(user('u001@acme.test')?.first_name).toBe('Uma');
		expect(onAccount('x000@acme.test') && onAccount('new@acme.test')).toBe(true);
		expect(onAccount('u199@acme.test')).toBe(false);
		expect(user('u199@acme.test')).toBeDefined();

		sandbox.log.length = 0;
		const again = await runActivePlatform(sandbox, apply, { items: desired() });
		expect(writes()).toEqual([]);
		expect(new Set(jsonOf(again.outputs[0]).map((j) => j.action))).toEqual(new Set(['unchanged']));
	});

	it('refuses an empty desired set and removals beyond the limit; nothing is written', async () => {
		population();
		const apply = { ...sync(), syncMode: 'apply', removeMissing: 'detach' };
		const empty = await runActivePlatform(sandbox, apply, { items: [] });
		expect(empty.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([]);
		const noUsable = await runActivePlatform(sandbox, apply, { items: [{ json: { email: '' } }] });
		expect(noUsable.error?.message).toMatch(
			/^No input item is a usable user: Email \(email\): is required/,
		);
		const tooMany = await runActivePlatform(sandbox, apply, { items: desired().slice(0, 100) });
		expect(tooMany.error?.message).toBe(
			'Apply refused: 100 of 200 existing users (50%) would be removed, more than the Removal Limit of 10% (20). Raise Removal Limit (%) for this run if that is intended. Nothing was sent.',
		);
		expect(writes()).toEqual([]);
	});

	it('faults during Apply (429, 503, dropped create and attach): no duplicate, and each user says what happened', async () => {
		population();
		sandbox.fault({ kind: 'status', status: 429, method: 'PUT', times: 1, retryAfter: '0' });
		sandbox.fault({ kind: 'status', status: 503, method: 'DELETE', times: 1, retryAfter: '0' });
		sandbox.fault({
			kind: 'dropAfter',
			method: 'POST',
			path: '/api/vendor/v1/users.json',
			times: 1,
		});
		sandbox.fault({ kind: 'dropAfter', method: 'POST', path: '/account_accesses.json', times: 1 });
		const run = await runActivePlatform(
			sandbox,
			{ ...sync(), syncMode: 'apply', removeMissing: 'detach' },
			{ items: desired() },
		);
		expect(run.error).toBeUndefined();
		const results = Object.fromEntries(
			jsonOf(run.outputs[0])
				.filter((j) => j.action !== 'unchanged')
				.map((j) => [j.key, j.result]),
		);
		expect(results).toEqual({
			'u001@acme.test': 'updated',
			'X000@acme.test': 'updated',
			'new@acme.test': 'created',
			'u199@acme.test': 'removed',
		});
		expect(
			[...platforms.activeplatform.users.values()].filter((u) => u.email === 'new@acme.test'),
		).toHaveLength(1);
		expect(platforms.activeplatform.accesses.filter((a) => a.account_id === account)).toHaveLength(
			201,
		);
		expect(writes().filter((c) => c.startsWith('POST'))).toHaveLength(3);
	});

	it("the account's owner cannot be detached: that user's row says so with continueOnFail, the others go on", async () => {
		population();
		const items = desired().slice(1);
		const run = await runActivePlatform(
			sandbox,
			{ ...sync(), syncMode: 'apply', removeMissing: 'detach', options: { summary: true } },
			{ items, onError: 'continueRegularOutput' },
		);
		expect(run.error).toBeUndefined();
		expect(jsonOf(run.outputs[0]).find((j) => j.key === 'u000@acme.test')).toMatchObject({
			action: 'remove',
			result: 'failed',
			error: "ActivePlatform 422: Owner can't be detached",
		});
		expect(run.outputs[0].at(-1)?.json.summary).toMatchObject({
			removed: 1,
			failed: 1,
			created: 1,
		});
	});
});
