import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { optionalString } from '../../../shared/checks';
import { defineOperation, OperationFailure } from '../../../shared/operation';
import type { RequestSpec } from '../../../shared/types';

const FILTERS = ['fullname', 'position', 'department', 'city', 'tags'] as const;

const input = z.object({
	filters: z
		.object(
			Object.fromEntries(FILTERS.map((f) => [f, optionalString])) as Record<
				(typeof FILTERS)[number],
				typeof optionalString
			>,
		)
		.default({}),
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

export const getAll = defineOperation({
	resource: 'user',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many users',
	description: 'List or search users (GET /api/v2/users/list), page by page',
	properties: [
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
	paging: {
		by: 'page',
		what: 'users',
		request: ({ filters }, { page }) => listRequest(filters, page),
		read: (body, { page, offset }) => {
			const answer = (body ?? {}) as ListAnswer;
			const items = Array.isArray(answer.data) ? answer.data : [];
			const pager = answer.pager;
			if (pager?.current !== undefined && Number(pager.current) !== page && items.length) {
				// Without this, a portal that ignores `page` would hand back page 1 forever.
				throw new OperationFailure(
					`Davintoo answered page ${pager.current} when asked for page ${page}: this portal does not page /api/v2/users/list with ?page=, so only the first ${offset} users can be read`,
					'Use filters to narrow the list, or turn off Return All.',
				);
			}
			return { items, totalPages: pager?.count !== undefined ? Number(pager.count) : undefined };
		},
	},
});
