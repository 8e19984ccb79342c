import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import type { ApiClient } from '../client/api-client';
import type { RequestSpec } from '../types';

/**
 * Declarative paging: an operation says how its list pages, the core does Return All and
 * Limit, and the Dry Run plan is the first page's request.
 */
export interface Paging<I> {
	/**
	 * How pages are addressed: numbered pages, item offsets, a cursor from the previous answer,
	 * or everything in one answer (`single`: Limit and filters then apply in the node).
	 */
	by: 'page' | 'offset' | 'cursor' | 'single';
	/** What is listed, in plain words ("users"), for the Limit hint. */
	what: string;
	/** The most items one page can hold; the size asked for is at most this and at most Limit. */
	pageSize?: number | ((input: I) => number);
	/** Number of the first page (default 1). */
	firstPage?: number;
	/** The request for one page. */
	request: (input: I, at: PageAt) => RequestSpec;
	/** The items of one answer and what it says about further pages. May throw OperationFailure. */
	read: (body: unknown, at: PageAt, input: I) => PageRead;
	/** Filters the API cannot apply, applied before Limit. */
	keep?: (item: IDataObject, input: I) => boolean;
	/** Safety stop for APIs that never say "no more" (default 100,000 pages). */
	maxPages?: number;
}

/** Where a page starts. `size` is the page size to ask for, when the operation knows one. */
export interface PageAt {
	page: number;
	offset: number;
	cursor?: string;
	size?: number;
}

export interface PageRead {
	items: IDataObject[];
	/** The API says whether more follow. */
	hasMore?: boolean;
	/** The API gives the number of pages. */
	totalPages?: number;
	/** The API gives the number of items in the whole list. */
	total?: number;
	/** The cursor of the next page (cursor paging); none ends the list. */
	next?: string;
}

export interface PagingValues {
	returnAll: boolean;
	limit: number;
}

/** Return All and Limit as parameters and as input; read by the core, not the operation. */
export function pagingProperties(what: string): INodeProperties[] {
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

export const pagingSchema = z.object({
	returnAll: z.boolean({ invalid_type_error: 'must be true or false' }).default(false),
	limit: z
		.number({ invalid_type_error: 'must be a number' })
		.int('must be a whole number')
		.min(1, 'must be at least 1')
		.default(50),
});

/** Return All + Limit go before the first collection (filters, options), as in n8n's own nodes. */
export function withPagingProperties(
	properties: INodeProperties[],
	what: string,
): INodeProperties[] {
	const at = properties.findIndex((p) => p.type === 'collection' || p.type === 'fixedCollection');
	const index = at === -1 ? properties.length : at;
	return [...properties.slice(0, index), ...pagingProperties(what), ...properties.slice(index)];
}

function sizeFor<I>(paging: Paging<I>, input: I, values: PagingValues): number | undefined {
	const max = typeof paging.pageSize === 'function' ? paging.pageSize(input) : paging.pageSize;
	if (max === undefined) return undefined;
	return values.returnAll ? max : Math.min(max, values.limit);
}

export function firstPage<I>(paging: Paging<I>, input: I, values: PagingValues): PageAt {
	return { page: paging.firstPage ?? 1, offset: 0, size: sizeFor(paging, input, values) };
}

/** Whether the list goes on after this page. */
export function goesOn(
	read: PageRead,
	at: PageAt,
	pagesRead: number,
	by: Paging<unknown>['by'],
): boolean {
	if (by === 'single' || read.items.length === 0) return false;
	if (by === 'cursor') return !!read.next;
	if (read.hasMore !== undefined) return read.hasMore;
	if (read.totalPages !== undefined) return pagesRead < read.totalPages;
	if (read.total !== undefined) return at.offset + read.items.length < read.total;
	// Nothing said: a short page is the last one.
	return at.size === undefined || read.items.length >= at.size;
}

/** Reads pages until the list ends or Limit is reached. */
export async function collectPages<I>(
	api: Pick<ApiClient, 'request'>,
	paging: Paging<I>,
	input: I,
	values: PagingValues,
): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	let at = firstPage(paging, input, values);
	const maxPages = paging.maxPages ?? 100_000;
	for (let pagesRead = 1; pagesRead <= maxPages; pagesRead++) {
		const body = await api.request(paging.request(input, at));
		const read = paging.read(body, at, input);
		for (const item of read.items) {
			if (paging.keep && !paging.keep(item, input)) continue;
			out.push(item);
			if (!values.returnAll && out.length >= values.limit) return out;
		}
		if (!goesOn(read, at, pagesRead, paging.by as Paging<unknown>['by'])) break;
		at = {
			page: at.page + 1,
			offset: at.offset + read.items.length,
			cursor: read.next,
			size: at.size,
		};
	}
	return out;
}
