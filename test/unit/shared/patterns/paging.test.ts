import type { IDataObject } from 'n8n-workflow';

import {
	collectPages,
	firstPage,
	type Paging,
	type PagingValues,
	withPagingProperties,
} from '../../../../nodes/shared/patterns/paging';
import type { RequestSpec } from '../../../../nodes/shared/types';

/** A list of `total` numbered items served `size` to a page; records the pages asked for. */
function list(
	total: number,
	size: number,
	says: 'nothing' | 'hasMore' | 'totalPages' | 'total' = 'nothing',
) {
	const asked: RequestSpec[] = [];
	const api = {
		request: async <T>(spec: RequestSpec): Promise<T> => {
			asked.push(spec);
			const page = Number(spec.qs?.page);
			const start = (page - 1) * size;
			const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => ({
				n: start + i,
			}));
			const meta: IDataObject = {};
			if (says === 'hasMore') meta.hasMore = start + size < total;
			if (says === 'totalPages') meta.totalPages = Math.ceil(total / size);
			if (says === 'total') meta.total = total;
			return { items, ...meta } as T;
		},
	};
	return { api, asked };
}

const byPage = (pageSize?: number): Paging<{ q: string }> => ({
	by: 'page',
	what: 'things',
	pageSize,
	request: ({ q }, at) => ({
		method: 'GET',
		path: '/things',
		qs: { q, page: at.page, ...(at.size ? { per_page: at.size } : {}) },
	}),
	read: (body) =>
		body as { items: IDataObject[]; hasMore?: boolean; totalPages?: number; total?: number },
});

const all: PagingValues = { returnAll: true, limit: 50 };
const numbers = (items: IDataObject[]) => items.map((i) => i.n);

describe('declarative paging', () => {
	it('Return All reads every page and stops at the short one', async () => {
		const { api, asked } = list(37, 15);
		const items = await collectPages(api, byPage(15), { q: 'x' }, all);
		expect(numbers(items)).toEqual(Array.from({ length: 37 }, (_, i) => i));
		expect(asked.map((r) => r.qs)).toEqual(
			[1, 2, 3].map((page) => ({ q: 'x', page, per_page: 15 })),
		);
	});

	it('Limit asks for a smaller page and stops as soon as it has enough', async () => {
		const { api, asked } = list(1000, 15);
		const items = await collectPages(api, byPage(15), { q: 'x' }, { returnAll: false, limit: 20 });
		expect(numbers(items)).toEqual(Array.from({ length: 20 }, (_, i) => i));
		expect(asked.map((r) => r.qs?.page)).toEqual([1, 2]);
		const small = list(1000, 15);
		await collectPages(small.api, byPage(15), { q: 'x' }, { returnAll: false, limit: 5 });
		expect(small.asked.map((r) => r.qs?.per_page)).toEqual([5]);
	});

	it('without a known page size, an empty page ends the list', async () => {
		const { api, asked } = list(30, 15);
		expect(await collectPages(api, byPage(), { q: 'x' }, all)).toHaveLength(30);
		expect(asked).toHaveLength(3);
	});

	it.each(['hasMore', 'totalPages', 'total'] as const)(
		'stops where the API says (%s), without an extra request',
		async (says) => {
			const { api, asked } = list(30, 15, says);
			expect(await collectPages(api, byPage(), { q: 'x' }, all)).toHaveLength(30);
			expect(asked).toHaveLength(2);
		},
	);

	it('a cursor list follows `next` until there is none', async () => {
		const cursors: Array<string | undefined> = [];
		const paging: Paging<object> = {
			by: 'cursor',
			what: 'things',
			request: (_input, at) => {
				cursors.push(at.cursor);
				return { method: 'GET', path: '/things', qs: at.cursor ? { after: at.cursor } : {} };
			},
			read: (body) => body as { items: IDataObject[]; next?: string },
		};
		const answers = [
			{ items: [{ n: 1 }], next: 'c2' },
			{ items: [{ n: 2 }], next: 'c3' },
			{ items: [{ n: 3 }] },
		];
		const api = { request: async <T>(): Promise<T> => answers.shift() as T };
		expect(numbers(await collectPages(api, paging, {}, all))).toEqual([1, 2, 3]);
		expect(cursors).toEqual([undefined, 'c2', 'c3']);
	});

	it('a single-answer list gets filters and Limit applied in the node', async () => {
		const paging: Paging<{ even: boolean }> = {
			by: 'single',
			what: 'things',
			request: () => ({ method: 'GET', path: '/things' }),
			read: (body) => ({ items: body as IDataObject[] }),
			keep: (item, { even }) => !even || Number(item.n) % 2 === 0,
		};
		let calls = 0;
		const api = {
			request: async <T>(): Promise<T> => (
				calls++,
				Array.from({ length: 10 }, (_, n) => ({ n })) as T
			),
		};
		expect(
			numbers(await collectPages(api, paging, { even: true }, { returnAll: false, limit: 3 })),
		).toEqual([0, 2, 4]);
		expect(calls).toBe(1);
	});

	it('the Dry Run plan is the first page; Return All and Limit go before the first collection', () => {
		expect(firstPage(byPage(100), { q: 'x' }, { returnAll: false, limit: 20 })).toEqual({
			page: 1,
			offset: 0,
			size: 20,
		});
		const props = withPagingProperties(
			[
				{ displayName: 'Query', name: 'q', type: 'string', default: '' },
				{ displayName: 'Filters', name: 'filters', type: 'collection', default: {}, options: [] },
			],
			'things',
		);
		expect(props.map((p) => p.name)).toEqual(['q', 'returnAll', 'limit', 'filters']);
		expect(props[2].hint).toBe('Stops after this many things');
	});
});
