import type { INodeProperties } from 'n8n-workflow';

/** "Return All" + "Limit" parameters, as n8n users know them. */
export function pagingProperties(what = 'results'): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
			hint: `Stops after this many ${what}`,
		},
	];
}

export interface Page<T> {
	items: T[];
	/** The API says there is more; when unknown, a full page means "maybe more". */
	hasMore?: boolean;
}

export interface PagingInput {
	returnAll: boolean;
	limit: number;
}

/**
 * Fetch pages until the API runs dry or the limit is reached.
 * Stops on an empty page, a short page (when the page size is known) or hasMore === false.
 */
export async function collectPages<T>(
	fetchPage: (page: number) => Promise<Page<T>>,
	paging: PagingInput,
	options: { firstPage?: number; pageSize?: number; maxPages?: number } = {},
): Promise<T[]> {
	const out: T[] = [];
	const first = options.firstPage ?? 1;
	const maxPages = options.maxPages ?? 100_000;
	for (let page = first; page < first + maxPages; page++) {
		const { items, hasMore } = await fetchPage(page);
		for (const item of items) {
			out.push(item);
			if (!paging.returnAll && out.length >= paging.limit) return out;
		}
		if (items.length === 0 || hasMore === false) break;
		if (hasMore === undefined && options.pageSize !== undefined && items.length < options.pageSize) break;
	}
	return out;
}

/** For APIs that return everything at once: apply Return All / Limit after filtering. */
export function applyLimit<T>(items: T[], paging: PagingInput): T[] {
	return paging.returnAll ? items : items.slice(0, paging.limit);
}
