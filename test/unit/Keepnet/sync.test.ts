import { isActiveUser, syncChanges, syncInput } from '../../../nodes/Keepnet/helpers/sync-fields';

const wanted = (raw: Record<string, unknown> = {}) =>
	syncInput.parse({ email: 'a@acme.test', ...raw });

describe('Keepnet sync: what differs between a listed user and the wanted one', () => {
	it('reads "active" from the list\'s status and from a full record alike', () => {
		expect(
			[{ status: 'Active' }, { status: 'Inactive' }, { status: '1' }, { isActive: false }].map(
				isActiveUser,
			),
		).toEqual([true, false, true, false]);
	});

	it('compares only what the input gives; custom fields by name, ignoring case', () => {
		const listed = {
			resourceId: 'tu1',
			email: 'a@acme.test',
			firstName: 'Ann',
			status: 'Active',
			customFieldValues: [{ name: 'Region', value: 'EU' }],
		};
		expect(syncChanges(listed, wanted())).toEqual([]);
		expect(
			syncChanges(
				listed,
				wanted({
					fields: {
						firstName: 'Anna',
						customFields: {
							field: [
								{ name: 'region', value: 'EU' },
								{ name: 'Team', value: 'B' },
							],
						},
					},
				}),
			),
		).toEqual([
			{ field: 'firstName', before: 'Ann', after: 'Anna' },
			{ field: 'Team', before: undefined, after: 'B' },
		]);
		expect(syncChanges({ ...listed, status: 'Inactive' }, wanted())).toEqual([
			{ field: 'isActive', before: false, after: true },
		]);
	});
});
