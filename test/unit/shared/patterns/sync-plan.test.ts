import type { IDataObject } from 'n8n-workflow';

import { isChained, type Sync, type SyncSettings } from '../../../../nodes/shared/patterns/sync';
import { makePlan } from '../../../../nodes/shared/patterns/sync-plan';

interface Want {
	uid: number;
	name: string;
}

/** Records with numeric IDs as keys, a group membership the records do not show, and an "add to group" adopt. */
function sync(extra: Partial<Sync<Want, IDataObject>> = {}): Sync<Want, IDataObject> {
	return {
		what: 'user',
		keys: { uid: { label: 'UID', desired: (w) => w.uid, existing: (r) => r.uid as number } },
		list: {
			by: 'single',
			what: 'users',
			request: () => ({ method: 'GET', path: '/users' }),
			read: () => ({ items: [] }),
		},
		changes: (r, w) =>
			r.name === w.name ? [] : [{ field: 'name', before: r.name, after: w.name }],
		update: (r, w) => [{ method: 'PUT', path: `/users/${String(r.uid)}`, body: { name: w.name } }],
		create: (w) => ({
			method: 'POST',
			path: '/users',
			body: { ...w },
			verify: { request: { method: 'GET', path: '/users' }, find: () => undefined },
		}),
		removals: {
			delete: {
				name: 'Delete',
				description: '',
				requests: (r) => [{ method: 'DELETE', path: `/users/${String(r.uid)}` }],
			},
		},
		id: (r) => r.uid as number,
		name: (r) => String(r.name),
		...extra,
	};
}

const settings: SyncSettings = {
	syncMode: 'plan',
	removeMissing: 'delete',
	maxRemovalPercent: 100,
};
const listed: IDataObject[] = [
	{ uid: 1, name: 'Ann' },
	{ uid: 2, name: 'Bob' },
	{ uid: 3, name: 'Cy' },
];
const members = new Set([1, 2]);
const inGroup = (r: IDataObject) => members.has(r.uid as number);
const want = (uid: number, name: string, item: number) => ({ item, input: { uid, name } });

describe('the sync plan with a scope', () => {
	it('matches numeric keys as text; a wanted record outside the scope is skipped, not created again', () => {
		const plan = makePlan(
			sync(),
			settings,
			{ uid: 0, name: '' },
			[want(1, 'Ann', 0), want(3, 'Cy', 1)],
			listed,
			inGroup,
		);
		expect(plan.entries.map((e) => [e.action, e.key, e.why])).toEqual([
			['unchanged', '1', 'already as wanted'],
			['skip', '3', "the user with this UID (ID 3) is outside this sync's scope"],
			['remove', '2', 'not in the input: Delete'],
		]);
		// Only records in scope count for the guard.
		expect(plan.existing).toBe(2);
	});

	it('with adopt, a wanted record outside the scope is brought in, its field changes planned too', () => {
		const adopt = (r: IDataObject) => ({
			changes: [{ field: 'group', before: null, after: 'g1' }],
			steps: [{ method: 'PUT' as const, path: '/groups/g1/users', body: { ids: [r.uid] } }],
		});
		const plan = makePlan(
			sync({ adopt }),
			settings,
			{ uid: 0, name: '' },
			[want(1, 'Ann', 0), want(2, 'Bob', 1), want(3, 'Cyrus', 2)],
			listed,
			inGroup,
		);
		const adopted = plan.entries.find((e) => e.key === '3');
		expect(adopted).toMatchObject({
			action: 'update',
			why: 'exists outside the scope: brought in',
			changes: [
				{ field: 'group', before: null, after: 'g1' },
				{ field: 'name', before: 'Cy', after: 'Cyrus' },
			],
			requests: [
				{ method: 'PUT', path: '/groups/g1/users' },
				{ method: 'PUT', path: '/users/3', body: { name: 'Cyrus' } },
			],
		});
		expect(plan.removals).toBe(0);
	});

	it('a create whose follow-ups need the created record is one chained step', () => {
		const afterCreate = (created: unknown) => [
			{
				method: 'POST' as const,
				path: `/groups/g1/users/${String((created as IDataObject).uid)}`,
				idempotent: true,
			},
		];
		const plan = makePlan(
			sync({ afterCreate }),
			settings,
			{ uid: 0, name: '' },
			[want(1, 'Ann', 0), want(2, 'Bob', 1), want(9, 'New', 2)],
			listed,
			inGroup,
		);
		const [step] = plan.entries.find((e) => e.action === 'create')?.requests ?? [];
		expect(isChained(step)).toBe(true);
		if (!isChained(step)) return;
		expect(step.send).toMatchObject({
			method: 'POST',
			path: '/users',
			body: { uid: 9, name: 'New' },
		});
		expect(step.then({ uid: 9 })).toEqual([
			{ method: 'POST', path: '/groups/g1/users/9', idempotent: true },
		]);
	});
});
