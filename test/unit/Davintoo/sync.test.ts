import { reimport, syncChanges, syncInput } from '../../../nodes/Davintoo/helpers/sync-fields';

const wanted = (raw: Record<string, unknown>) => syncInput.parse({ uid: 'E1', ...raw });

describe('Davintoo sync: what differs, as the portal compares it', () => {
	it('tags compare as sets; the scope tag is added to the current ones; login and email ignore case', () => {
		const user = {
			uid: 'E1',
			login: 'Ann',
			email: 'ANN@x.org',
			tags: 'b, a',
			department: 'SALES',
			is_active: 1,
		};
		expect(
			syncChanges(
				user,
				wanted({
					login: 'ann',
					email: 'ann@x.org',
					fields: { tags: 'a,b' },
					scope: { department: 'Sales' },
				}),
			),
		).toEqual([]);
		expect(syncChanges(user, wanted({ scope: { tag: 'new' } }))).toEqual([
			{ field: 'tags', before: 'b, a', after: 'b,a,new' },
		]);
		// A department given in the input is compared exactly; one from the scope ignores case.
		expect(syncChanges(user, wanted({ fields: { department: 'Sales' } }))).toEqual([
			{ field: 'department', before: 'SALES', after: 'Sales' },
		]);
	});

	it('wanted users are active unless the input says otherwise; numbers are read as text', () => {
		expect(syncChanges({ uid: '7', is_active: 0 }, syncInput.parse({ uid: 7 }))).toEqual([
			{ field: 'is_active', before: 0, after: 1 },
		]);
		expect(
			syncChanges({ uid: '7', is_active: 0 }, syncInput.parse({ uid: 7, active: false })),
		).toEqual([]);
	});

	it('a department outside the scope is refused for the item; a user without a UID cannot be re-imported', () => {
		const parsed = syncInput.safeParse({
			uid: 'E1',
			fields: { department: 'IT' },
			scope: { department: 'Sales' },
		});
		expect(
			parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message]),
		).toEqual([
			[
				'fields.department',
				"must be empty or the scope's department (Sales): a user in another department is outside this sync",
			],
		]);
		expect(() => reimport({ login: 'x' }, { is_active: 0 })).toThrow('This user has no UID');
		expect(
			reimport(
				{ uid: 'E1', login: 'x', email: 'x@y.z', secondname: 'S', firstname: 'F', city: 'Kyiv' },
				{ is_active: 0 },
			),
		).toEqual({
			method: 'POST',
			path: '/users-import/single',
			body: {
				secondname: 'S',
				firstname: 'F',
				login: 'x',
				email: 'x@y.z',
				is_active: 0,
				uid: 'E1',
			},
			idempotent: true,
		});
	});
});
