import type { IDataObject } from 'n8n-workflow';

import { FixedLimit } from '../../../../nodes/shared/pace/concurrency';
import type { Paging } from '../../../../nodes/shared/patterns/paging';
import { listEverything } from '../../../../nodes/shared/runner/sync-list';
import type { RequestSpec } from '../../../../nodes/shared/types';

/** `total` numbered items, `size` to a page; counts how many requests are in flight at once. */
function list(total: number, size: number, says: 'nothing' | 'totalPages' | 'total') {
	const asked: number[] = [];
	let inFlight = 0;
	let peak = 0;
	const api = {
		request: async <T>(spec: RequestSpec): Promise<T> => {
			const page = Number(spec.qs?.page);
			asked.push(page);
			inFlight++;
			peak = Math.max(peak, inFlight);
			await new Promise((resolve) => setImmediate(resolve));
			inFlight--;
			const start = (page - 1) * size;
			const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => ({
				n: start + i,
			}));
			const meta: IDataObject =
				says === 'totalPages'
					? { totalPages: Math.ceil(total / size) }
					: says === 'total'
						? { total }
						: {};
			return { items, ...meta } as T;
		},
	};
	return { api, asked, peak: () => peak };
}

const paging = (pageSize?: number): Paging<object> => ({
	by: 'page',
	what: 'things',
	pageSize,
	request: (_input, at) => ({ method: 'GET', path: '/things', qs: { page: at.page } }),
	read: (body) => body as { items: IDataObject[]; totalPages?: number; total?: number },
});

const numbers = (items: IDataObject[]) => items.map((i) => i.n);
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('listing everything for a sync', () => {
	it.each([
		['totalPages', undefined],
		['total', 10],
	] as const)(
		'when the first page says how many there are (%s), the rest come several at a time, in order',
		async (says, size) => {
			const { api, asked, peak } = list(95, 10, says);
			const items = await listEverything(api, paging(size), {}, new FixedLimit(4));
			expect(numbers(items)).toEqual(upTo(95));
			expect([...asked].sort((a, b) => a - b)).toEqual(upTo(10).map((i) => i + 1));
			expect(peak()).toBe(4);
		},
	);

	it('a list that does not say pages on one at a time until a short page', async () => {
		const { api, asked, peak } = list(35, 10, 'nothing');
		const items = await listEverything(api, paging(10), {}, new FixedLimit(4));
		expect(numbers(items)).toEqual(upTo(35));
		expect(asked).toEqual([1, 2, 3, 4]);
		expect(peak()).toBe(1);
	});

	it('an empty list is one request', async () => {
		const { api, asked } = list(0, 10, 'totalPages');
		expect(await listEverything(api, paging(), {}, new FixedLimit(4))).toEqual([]);
		expect(asked).toEqual([1]);
	});
});
