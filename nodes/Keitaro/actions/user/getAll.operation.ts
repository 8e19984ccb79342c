import { z } from 'zod';

import { optionalString } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { type KeitaroUser, listUsersRequest } from '../../helpers/user-fields';

const input = z.object({
	filters: z
		.object({
			login: optionalString,
			type: z.enum(['USER', 'ADMIN']).optional(),
			state: z.enum(['active', 'deleted']).optional(),
		})
		.default({}),
});

type Filters = z.output<typeof input>['filters'];

/** The Admin API returns every user at once, so filters apply here, in the node. */
export function matchesFilters(user: KeitaroUser, filters: Filters): boolean {
	const login = filters.login?.toLowerCase();
	return (
		(!login ||
			String(user.login ?? '')
				.toLowerCase()
				.includes(login)) &&
		(!filters.type || user.type === filters.type) &&
		(!filters.state || (user.state ?? 'active') === filters.state)
	);
}

export const getAll = defineOperation({
	resource: 'user',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many users',
	description: 'List Keitaro users, filtered by login, type and state',
	properties: [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Login Contains',
					name: 'login',
					type: 'string',
					default: '',
					description: 'Only users whose login contains this text (case-insensitive)',
				},
				{
					displayName: 'State',
					name: 'state',
					type: 'options',
					options: [
						{ name: 'Active', value: 'active' },
						{ name: 'Deleted', value: 'deleted' },
					],
					default: 'active',
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Admin', value: 'ADMIN' },
						{ name: 'User', value: 'USER' },
					],
					default: 'USER',
				},
			],
		},
	],
	input,
	paging: {
		by: 'single',
		what: 'users',
		request: () => listUsersRequest,
		read: (body) => ({ items: Array.isArray(body) ? (body as KeitaroUser[]) : [] }),
		keep: (user, { filters }) => matchesFilters(user as KeitaroUser, filters),
	},
});
