import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { optionalString } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import type { RequestSpec } from '../../../shared/types';
import { type PagedResults, RESOURCE } from '../../helpers/fields';
import { unwrap } from '../../transport';

/** Keepnet pages hold at most this many users. */
export const MAX_PAGE_SIZE = 100;

const ORDER_BY = ['CreateTime', 'Email', 'FirstName', 'LastName'] as const;

const input = z.object({
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

const item = (FieldName: string, Operator: string, Value: string): IDataObject => ({
	FieldName,
	Operator,
	Value,
});

/**
 * Keepnet's filter body, always complete: it answers 400/500 to an empty body, a null filter,
 * a null SearchInputTextValue or a missing orderBy/ascending.
 */
export function searchBody(
	{ filters, searchOptions: options }: SearchInput,
	pageNumber: number,
	pageSize: number,
): IDataObject {
	const items: IDataObject[] = [];
	if (filters.email) items.push(item('Email', 'Contains', filters.email));
	if (filters.department) items.push(item('Department', 'Contains', filters.department));
	if (filters.status)
		items.push(item('Status', 'Include', filters.status === 'active' ? '1' : '0'));
	// A name matches the first or the last name.
	const nameGroup: IDataObject[] = filters.name
		? [
				{
					Condition: 'OR',
					FilterItems: [
						item('FirstName', 'Contains', filters.name),
						item('LastName', 'Contains', filters.name),
					],
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

/** A search POST changes nothing, so it is safe to retry. */
export const searchRequest = (
	value: SearchInput,
	pageNumber: number,
	pageSize: number,
): RequestSpec => ({
	method: 'POST',
	path: '/api/target-users/search',
	body: searchBody(value, pageNumber, pageSize),
	idempotent: true,
});

export const search = defineOperation({
	resource: RESOURCE,
	operation: 'search',
	name: 'Search',
	action: 'Search target users',
	description: 'Find target users by email, name, department or status',
	properties: [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{ displayName: 'Department Contains', name: 'department', type: 'string', default: '' },
				{
					displayName: 'Email Contains',
					name: 'email',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
				},
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
	paging: {
		by: 'page',
		what: 'target users',
		pageSize: MAX_PAGE_SIZE,
		request: (value, at) => searchRequest(value, at.page, at.size ?? MAX_PAGE_SIZE),
		read: (body) => {
			const page = unwrap<PagedResults<IDataObject> | null>(body);
			const pages = Number(page?.totalNumberOfPages);
			return {
				items: Array.isArray(page?.results) ? page.results : [],
				totalPages: Number.isFinite(pages) ? pages : undefined,
			};
		},
	},
});
