import type { IDataObject } from 'n8n-workflow';

import type { PageRead } from '../../shared/patterns/paging';

const LIST_KEYS = ['users', 'accounts', 'data', 'items', 'results', 'records'];

/**
 * The items of a list answer. The docs show a bare array; an object with the array under a
 * key (and perhaps paging metadata) is read too, so a changed installation keeps working.
 */
export function listPage(body: unknown, page = 1, perPage?: number): PageRead {
	if (Array.isArray(body)) return { items: body.filter(isObject) };
	if (!isObject(body)) return { items: [] };
	const key =
		LIST_KEYS.find((k) => Array.isArray(body[k])) ??
		Object.keys(body).find((k) => Array.isArray(body[k]));
	const items = key ? (body[key] as unknown[]).filter(isObject) : [];
	return { items, hasMore: hasMore(body, page, perPage) };
}

/** Whether another page may follow: the metadata says so, or (without any) this page was full. */
export function morePages(read: PageRead, perPage: number): boolean {
	if (read.items.length === 0) return false;
	return read.hasMore ?? read.items.length >= perPage;
}

/** Paging metadata, at the top or under meta/pagination, when the answer carries any. */
function hasMore(body: IDataObject, page: number, perPage?: number): boolean | undefined {
	const places = [body, body.meta, body.pagination].filter(isObject);
	for (const m of places) {
		const totalPages = num(m.total_pages ?? m.totalPages);
		if (totalPages !== undefined) return page < totalPages;
		if ('next_page' in m)
			return m.next_page !== null && m.next_page !== undefined && m.next_page !== false;
		const total = num(m.total_count ?? m.total);
		if (perPage && total !== undefined) return page * perPage < total;
	}
	return undefined;
}

function num(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

function isObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}
