import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { collectPages, pagingProperties } from '../../../shared/paging';
import type { RequestSpec } from '../../../shared/types';
import { optionalString, pagingInput } from '../../../shared/zod-fields';

const FILTERS = ['fullname', 'position', 'department', 'city', 'tags'] as const;

const input = z.object({
	...pagingInput,
	filters: z.object(Object.fromEntries(FILTERS.map((f) => [f, optionalString])) as Record<(typeof FILTERS)[number], typeof optionalString>).default({}),
});

type Input = z.output<typeof input>;

interface ListAnswer {
	data?: IDataObject[];
	pager?: { current?: number; count?: number; total?: number; countPerPage?: number };
}

/** GET /users/list with filter[...] for each filter set; the page number goes in `page`. */
export function listRequest(filters: Input['filters'], page: number): RequestSpec {
	const qs: IDataObject = {};
	for (const name of FILTERS) if (filters[name]) qs[`filter[${name}]`] = filters[name];
	qs.page = page;
	return { method: 'GET', path: '/users/list', qs };
}

export const getMany = defineOperation({
	resource: 'user',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many users',
	description: 'List or search users (GET /users/list), page by page',
	properties: [
		...pagingProperties('users'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{ displayName: 'City', name: 'city', type: 'string', default: '' },
				{ displayName: 'Department', name: 'department', type: 'string', default: '' },
				{
					displayName: 'Name, Email or Login',
					name: 'fullname',
					type: 'string',
					default: '',
					description: 'Matches the full name, the email or the login',
				},
				{ displayName: 'Position', name: 'position', type: 'string', default: '' },
				{ displayName: 'Tags', name: 'tags', type: 'string', default: '' },
			],
		},
	],
	input,
	run: async ({ filters, returnAll, limit }, { api, fail }) => {
		const users = await collectPages<IDataObject>(
			async (page) => {
				const answer = await api.request<ListAnswer>(listRequest(filters, page));
				const items = Array.isArray(answer?.data) ? answer.data : [];
				const pager = answer?.pager;
				if (pager?.current !== undefined && Number(pager.current) !== page && items.length) {
					// Without this, a portal that ignores `page` would hand back page 1 forever.
					throw fail(
						`Davintoo answered page ${pager.current} when asked for page ${page}: this portal does not page /users/list with ?page=, so only the first ${(page - 1) * items.length} users can be read`,
						'Use filters to narrow the list, or turn off Return All.',
					);
				}
				const hasMore = pager && pager.count !== undefined ? page < Number(pager.count) : undefined;
				return { items, hasMore };
			},
			{ returnAll, limit },
		);
		return users.map((json) => ({ json }));
	},
	plan: ({ filters }) => [listRequest(filters, 1)],
});
