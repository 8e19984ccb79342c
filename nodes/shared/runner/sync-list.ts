import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../client/api-client';
import type { ConcurrencyLimit } from '../pace/concurrency';
import { mapPool } from '../pace/pool';
import { firstPage, goesOn, type PageAt, type PageRead, type Paging } from '../patterns/paging';

/**
 * Every record of a list, for a sync. The first page says how many pages there are (total pages,
 * or the total with a known page size): the rest are then fetched through the pool, several at
 * once, so a population of thousands on 10-to-a-page lists does not take thousands of round
 * trips one after the other. Lists that do not say page on one at a time until they end.
 */
export async function listEverything<I>(
	api: Pick<ApiClient, 'request'>,
	paging: Paging<I>,
	input: I,
	concurrency: ConcurrencyLimit,
): Promise<IDataObject[]> {
	const first = firstPage(paging, input, { returnAll: true, limit: 1 });
	const read = paging.read(await api.request(paging.request(input, first)), first, input);
	const kept = (items: IDataObject[]) =>
		paging.keep ? items.filter((item) => paging.keep?.(item, input)) : items;
	const items = [...kept(read.items)];
	const maxPages = paging.maxPages ?? 100_000;
	const pages = pageCount(paging, read, first);
	if (pages !== undefined && read.items.length > 0) {
		const rest = Array.from(
			{ length: Math.min(pages, maxPages) - 1 },
			(_, i) => first.page + i + 1,
		);
		const size = first.size ?? read.items.length;
		const answers = await mapPool(
			rest,
			concurrency,
			async (page) => {
				const at: PageAt = { page, offset: (page - first.page) * size, size: first.size };
				return paging.read(await api.request(paging.request(input, at)), at, input).items;
			},
			true,
		);
		for (const page of answers) items.push(...kept(page));
		return items;
	}
	let at = first;
	let last = read;
	let calls = 1;
	while (calls < maxPages && goesOn(last, at, calls, paging.by)) {
		at = {
			page: at.page + 1,
			offset: at.offset + last.items.length,
			cursor: last.next,
			size: at.size,
		};
		last = paging.read(await api.request(paging.request(input, at)), at, input);
		calls++;
		items.push(...kept(last.items));
	}
	return items;
}

/** The number of pages, when numbered pages (or offsets with a known size) and the first answer tell it. */
function pageCount<I>(paging: Paging<I>, read: PageRead, first: PageAt): number | undefined {
	if (paging.by !== 'page' && paging.by !== 'offset') return undefined;
	if (read.hasMore !== undefined) return undefined;
	if (paging.by === 'page' && read.totalPages !== undefined && Number.isFinite(read.totalPages))
		return Math.max(1, read.totalPages);
	if (read.total !== undefined && first.size)
		return Math.max(1, Math.ceil(read.total / first.size));
	return undefined;
}
