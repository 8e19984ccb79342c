import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { collectPages, pagingProperties } from '../../../shared/paging';
import { pagingInput, requiredString } from '../../../shared/zod-fields';
import { contactPage, CONTACTS_PAGE_SIZE } from './paging';

const SORTS = ['', 'name', '-name', 'email', '-email', 'phone_number', '-phone_number', 'last_activity_at', '-last_activity_at'] as const;

const input = z.object({
	query: requiredString('the search text'),
	...pagingInput,
	sort: z.enum(SORTS, { errorMap: () => ({ message: 'is not a sort order Chatwoot knows' }) }).default(''),
});

export function searchQuery(query: string, page: number, sort: string): IDataObject {
	return sort ? { q: query, page, sort } : { q: query, page };
}

export const search = defineOperation({
	resource: 'contact',
	operation: 'search',
	name: 'Search',
	action: 'Search contacts',
	description: 'Find contacts whose name, email, phone number or identifier contains the text',
	properties: [
		{
			displayName: 'Search Text',
			name: 'query',
			type: 'string',
			required: true,
			default: '',
			description: 'Matched as a part of the name, email, phone number or identifier (case-insensitive)',
		},
		...pagingProperties('contacts'),
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'options',
			options: [
				{ name: 'Chatwoot Default', value: '' },
				{ name: 'Email (A-Z)', value: 'email' },
				{ name: 'Email (Z-A)', value: '-email' },
				{ name: 'Last Activity (Newest First)', value: '-last_activity_at' },
				{ name: 'Last Activity (Oldest First)', value: 'last_activity_at' },
				{ name: 'Name (A-Z)', value: 'name' },
				{ name: 'Name (Z-A)', value: '-name' },
				{ name: 'Phone Number (Ascending)', value: 'phone_number' },
				{ name: 'Phone Number (Descending)', value: '-phone_number' },
			],
			default: '',
		},
	],
	input,
	run: async ({ query, sort, returnAll, limit }, { api }) => {
		const contacts = await collectPages(
			async (page) =>
				contactPage(await api.request({ method: 'GET', path: '/contacts/search', qs: searchQuery(query, page, sort) }), page),
			{ returnAll, limit },
			{ pageSize: CONTACTS_PAGE_SIZE },
		);
		return contacts.map((json) => ({ json }));
	},
	plan: ({ query, sort }) => [{ method: 'GET', path: '/contacts/search', qs: searchQuery(query, 1, sort) }],
});
