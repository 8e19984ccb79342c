import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { applyLimit, pagingProperties } from '../../../shared/paging';
import { optionalString, pagingInput } from '../../../shared/zod-fields';
import type { KeitaroUser } from './fields';

const input = z.object({
	...pagingInput,
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
export function filterUsers(users: KeitaroUser[], filters: Filters): KeitaroUser[] {
	const login = filters.login?.toLowerCase();
	return users.filter(
		(u) =>
			(!login || String(u.login ?? '').toLowerCase().includes(login)) &&
			(!filters.type || u.type === filters.type) &&
			(!filters.state || (u.state ?? 'active') === filters.state),
	);
}

export const getMany = defineOperation({
	resource: 'user',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many users',
	description: 'List Keitaro users, filtered by login, type and state',
	properties: [
		...pagingProperties('users'),
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
	request: () => ({ method: 'GET', path: '/users' }),
	output: (response, { filters, returnAll, limit }) => {
		const users = Array.isArray(response) ? (response as KeitaroUser[]) : [];
		return applyLimit(filterUsers(users, filters), { returnAll, limit });
	},
});
