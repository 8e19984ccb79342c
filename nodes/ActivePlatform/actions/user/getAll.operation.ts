import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { optionalString } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { listPage } from '../../helpers/list-page';
import { USERS_LIST_PATH } from '../../helpers/paths';

const SORT_FIELDS = ['id', 'email', 'first_name', 'last_name', 'created_at', 'updated_at'] as const;

/** A date, optionally with a time; the docs do not state the format, so it is sent as typed. */
const dateFilter = optionalString.refine(
	(v) => v === undefined || /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v),
	'must be a date such as 2024-05-31 (a time may follow)',
);

const input = z.object({
	filters: z
		.object({
			email: optionalString,
			status: z.enum(['active', 'inactive']).optional(),
			createdAt: dateFilter,
			updatedAt: dateFilter,
		})
		.default({}),
	listOptions: z
		.object({
			sortField: z.enum(SORT_FIELDS).optional(),
			sortReversed: z.boolean().default(false),
			pageSize: z
				.number()
				.int()
				.min(1, 'must be at least 1')
				.max(1000, 'must be at most 1000')
				.default(100),
		})
		.default({}),
});

type Input = z.output<typeof input>;

/** The list query: filters[...] and sorting[...] as flat bracketed keys, as the docs name them. */
export function listQuery({
	filters,
	listOptions,
}: Pick<Input, 'filters' | 'listOptions'>): IDataObject {
	const qs: IDataObject = {};
	if (filters.email) qs['filters[email]'] = filters.email;
	if (filters.status) qs['filters[status]'] = filters.status;
	if (filters.createdAt) qs['filters[created_at]'] = filters.createdAt;
	if (filters.updatedAt) qs['filters[updated_at]'] = filters.updatedAt;
	if (listOptions.sortField) {
		qs['sorting[field]'] = listOptions.sortField;
		qs['sorting[reversed]'] = listOptions.sortReversed ? 'true' : 'false';
	}
	return qs;
}

export const getAll = defineOperation({
	resource: 'user',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many users',
	description: 'List or search ActivePlatform users by email, status and dates',
	properties: [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Created At',
					name: 'createdAt',
					type: 'string',
					default: '',
					placeholder: 'e.g. 2024-05-31',
					description: 'Sent as filters[created_at]',
				},
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
					description:
						'Sent as filters[email]; whether the API matches exactly or partly depends on the installation',
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: [
						{ name: 'Active', value: 'active' },
						{ name: 'Inactive', value: 'inactive' },
					],
					default: 'active',
				},
				{
					displayName: 'Updated At',
					name: 'updatedAt',
					type: 'string',
					default: '',
					placeholder: 'e.g. 2024-05-31',
					description: 'Sent as filters[updated_at]',
				},
			],
		},
		{
			displayName: 'List Options',
			name: 'listOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Descending',
					name: 'sortReversed',
					type: 'boolean',
					default: false,
					description: 'Whether to sort in descending order (sorting[reversed])',
				},
				{
					displayName: 'Page Size',
					name: 'pageSize',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 100,
					description:
						'Users asked for per request (per_page). A page with fewer users ends the listing, so keep it at or below the most your installation returns per page.',
				},
				{
					displayName: 'Sort By',
					name: 'sortField',
					type: 'options',
					options: [
						{ name: 'Created At', value: 'created_at' },
						{ name: 'Email', value: 'email' },
						{ name: 'First Name', value: 'first_name' },
						{ name: 'ID', value: 'id' },
						{ name: 'Last Name', value: 'last_name' },
						{ name: 'Updated At', value: 'updated_at' },
					],
					default: 'id',
					description: 'Sent as sorting[field]',
				},
			],
		},
	],
	input,
	// Pages by page/per_page; a page with fewer users than asked for (or empty) ends the list,
	// unless the answer carries paging metadata, which is trusted instead.
	paging: {
		by: 'page',
		what: 'users',
		pageSize: ({ listOptions }) => listOptions.pageSize,
		request: (value, at) => ({
			method: 'GET',
			path: USERS_LIST_PATH,
			qs: { ...listQuery(value), page: at.page, per_page: at.size },
		}),
		read: (body, at) => listPage(body, at.page, at.size),
	},
});
