import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { collectPages, pagingProperties } from '../../../shared/paging';
import type { RequestSpec } from '../../../shared/types';
import { optionalString, pagingInput } from '../../../shared/zod-fields';
import { unwrap } from '../../transport';
import { type PagedResults, RESOURCE } from './fields';

/** Keepnet pages hold at most this many users. */
export const MAX_PAGE_SIZE = 100;

const ORDER_BY = ['CreateTime', 'Email', 'FirstName', 'LastName'] as const;

const input = z.object({
	...pagingInput,
	filters: z
		.object({
			email: optionalString,
			name: optionalString,
			department: optionalString,
			status: z.enum(['active', 'inactive']).optional(),
		})
		.default({}),
	searchOptions: z
		.object({
			searchText: optionalString,
			orderBy: z.enum(ORDER_BY).default('CreateTime'),
			ascending: z.boolean().default(false),
		})
		.default({}),
});

export type SearchInput = z.output<typeof input>;

const item = (FieldName: string, Operator: string, Value: string): IDataObject => ({ FieldName, Operator, Value });

/**
 * Keepnet's filter body, always complete: it answers 400/500 to an empty body, a null filter,
 * a null SearchInputTextValue or a missing orderBy/ascending.
 */
export function searchBody({ filters, searchOptions: options }: SearchInput, pageNumber: number, pageSize: number): IDataObject {
	const items: IDataObject[] = [];
	if (filters.email) items.push(item('Email', 'Contains', filters.email));
	if (filters.department) items.push(item('Department', 'Contains', filters.department));
	if (filters.status) items.push(item('Status', 'Include', filters.status === 'active' ? '1' : '0'));
	// A name matches the first or the last name.
	const nameGroup: IDataObject[] = filters.name
		? [
				{
					Condition: 'OR',
					FilterItems: [item('FirstName', 'Contains', filters.name), item('LastName', 'Contains', filters.name)],
					FilterGroups: [],
				},
			]
		: [];
	return {
		pageNumber,
		pageSize,
		orderBy: options.orderBy,
		ascending: options.ascending,
		filter: {
			Condition: 'AND',
			SearchInputTextValue: options.searchText ?? '',
			FilterGroups: [{ Condition: 'AND', FilterItems: items, FilterGroups: nameGroup }],
		},
	};
}

export function pageSizeFor({ returnAll, limit }: SearchInput): number {
	return returnAll ? MAX_PAGE_SIZE : Math.min(limit, MAX_PAGE_SIZE);
}

/** A search POST changes nothing, so it is safe to retry. */
export const searchRequest = (value: SearchInput, pageNumber: number): RequestSpec => ({
	method: 'POST',
	path: '/api/target-users/search',
	body: searchBody(value, pageNumber, pageSizeFor(value)),
	idempotent: true,
});

export const search = defineOperation({
	resource: RESOURCE,
	operation: 'search',
	name: 'Search',
	action: 'Search target users',
	description: 'Find target users by email, name, department or status',
	properties: [
		...pagingProperties('target users'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{ displayName: 'Department Contains', name: 'department', type: 'string', default: '' },
				{ displayName: 'Email Contains', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
				{
					displayName: 'Name Contains',
					name: 'name',
					type: 'string',
					default: '',
					description: 'Matches the first or the last name',
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
			],
		},
		{
			displayName: 'Search Options',
			name: 'searchOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Ascending',
					name: 'ascending',
					type: 'boolean',
					default: false,
					description: 'Whether to sort from A to Z / oldest first',
				},
				{
					displayName: 'Order By',
					name: 'orderBy',
					type: 'options',
					options: [
						{ name: 'Created', value: 'CreateTime' },
						{ name: 'Email', value: 'Email' },
						{ name: 'First Name', value: 'FirstName' },
						{ name: 'Last Name', value: 'LastName' },
					],
					default: 'CreateTime',
				},
				{
					displayName: 'Search Text',
					name: 'searchText',
					type: 'string',
					default: '',
					description: "Keepnet's free-text search box (email and names)",
				},
			],
		},
	],
	input,
	run: async (value, { api }) => {
		const users = await collectPages(
			async (pageNumber) => {
				const page = unwrap<PagedResults<IDataObject> | null>(await api.request(searchRequest(value, pageNumber)));
				const results = Array.isArray(page?.results) ? page.results : [];
				const pages = Number(page?.totalNumberOfPages);
				return { items: results, hasMore: Number.isFinite(pages) ? pageNumber < pages : undefined };
			},
			value,
			{ firstPage: 1, pageSize: pageSizeFor(value) },
		);
		return users.map((json) => ({ json }));
	},
	plan: (value) => [searchRequest(value, 1)],
});
