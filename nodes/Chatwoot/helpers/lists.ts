import type { IDataObject } from 'n8n-workflow';

import type { Page } from '../../../shared/paging';

/** Chatwoot's contact lists come 15 to a page. */
export const CONTACTS_PAGE_SIZE = 15;

interface ContactListResponse {
	meta?: { count?: unknown; current_page?: unknown; has_more?: unknown };
	payload?: unknown;
}

/**
 * One page of {meta, payload}. Newer Chatwoot says `has_more`; older ones give the total `count`;
 * with neither, a short page is the last one.
 */
export function contactPage(response: unknown, page: number): Page<IDataObject> {
	const body = (response ?? {}) as ContactListResponse;
	const items = Array.isArray(body.payload) ? (body.payload as IDataObject[]) : [];
	const meta = body.meta ?? {};
	if (typeof meta.has_more === 'boolean') return { items, hasMore: meta.has_more };
	const count = Number(meta.count);
	if (meta.count !== undefined && meta.count !== null && Number.isFinite(count)) {
		return { items, hasMore: page * CONTACTS_PAGE_SIZE < count };
	}
	return { items };
}
