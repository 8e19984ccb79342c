import type { PageRead, Paging } from '../../shared/patterns/paging';
import type { RequestSpec } from '../../shared/types';
import { payloadList } from './payload';

/** Chatwoot's paged lists (contacts, conversations…) come 15 to a page; the API takes no size. */
export const CHATWOOT_PAGE_SIZE = 15;

interface ListMeta {
	count?: unknown;
	has_more?: unknown;
}

/**
 * One page of `{meta, payload}`. Newer Chatwoot says `has_more`; older ones give the total
 * `count`; with neither, a short page is the last one (the core's rule).
 */
export function readListPage(body: unknown): PageRead {
	const items = payloadList(body);
	const meta = ((body as { meta?: unknown } | null)?.meta ?? {}) as ListMeta;
	if (typeof meta.has_more === 'boolean') return { items, hasMore: meta.has_more };
	const count = Number(meta.count);
	if (meta.count !== undefined && meta.count !== null && Number.isFinite(count))
		return { items, total: count };
	return { items };
}

/** Whether a page after `page` may hold more, for lookups that page through a list themselves. */
export function listGoesOn(body: unknown, page: number): boolean {
	const read = readListPage(body);
	if (read.items.length === 0) return false;
	if (read.hasMore !== undefined) return read.hasMore;
	if (read.total !== undefined) return page * CHATWOOT_PAGE_SIZE < read.total;
	return read.items.length >= CHATWOOT_PAGE_SIZE;
}

/** Paging for a `{meta, payload}` list whose page number goes in the request. */
export function pagedList<I>(
	what: string,
	request: (input: I, page: number) => RequestSpec,
): Paging<I> {
	return {
		by: 'page',
		what,
		pageSize: CHATWOOT_PAGE_SIZE,
		request: (input, at) => request(input, at.page),
		read: (body) => readListPage(body),
	};
}
