import { applyLimit, collectPages, type Page } from '../../nodes/shared/paging';
import { mapPool } from '../../nodes/shared/pool';

const pages = (total: number, size: number) => {
	const asked: number[] = [];
	const fetch = async (page: number): Promise<Page<number>> => {
		asked.push(page);
		const start = (page - 1) * size;
		return { items: Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i) };
	};
	return { fetch, asked };
};

describe('paging', () => {
	it('returns all items across pages and stops at the short page', async () => {
		const { fetch, asked } = pages(37, 15);
		const items = await collectPages(fetch, { returnAll: true, limit: 50 }, { pageSize: 15 });
		expect(items).toHaveLength(37);
		expect(asked).toEqual([1, 2, 3]);
	});

	it('stops at the limit without fetching further pages', async () => {
		const { fetch, asked } = pages(1000, 15);
		const items = await collectPages(fetch, { returnAll: false, limit: 20 }, { pageSize: 15 });
		expect(items).toEqual(Array.from({ length: 20 }, (_, i) => i));
		expect(asked).toEqual([1, 2]);
	});

	it('stops on an empty page when the page size is unknown, and on hasMore=false', async () => {
		const { fetch, asked } = pages(30, 15);
		expect(await collectPages(fetch, { returnAll: true, limit: 1 })).toHaveLength(30);
		expect(asked).toEqual([1, 2, 3]);
		const once = jest.fn(async () => ({ items: [1, 2], hasMore: false }));
		expect(await collectPages(once, { returnAll: true, limit: 1 })).toEqual([1, 2]);
		expect(once).toHaveBeenCalledTimes(1);
	});

	it('applies Return All / Limit to whole lists', () => {
		expect(applyLimit([1, 2, 3], { returnAll: false, limit: 2 })).toEqual([1, 2]);
		expect(applyLimit([1, 2, 3], { returnAll: true, limit: 2 })).toEqual([1, 2, 3]);
	});
});

describe('mapPool', () => {
	it('keeps input order with several in flight and never exceeds the limit', async () => {
		let active = 0;
		let peak = 0;
		const out = await mapPool(
			[30, 5, 20, 1, 10, 2],
			3,
			async (ms, i) => {
				active++;
				peak = Math.max(peak, active);
				await new Promise((r) => setTimeout(r, ms));
				active--;
				return i * 10;
			},
			false,
		);
		expect(out).toEqual([0, 10, 20, 30, 40, 50]);
		expect(peak).toBe(3);
	});

	it('stops starting new work after a failure and rethrows the earliest one', async () => {
		const started: number[] = [];
		await expect(
			mapPool(
				[0, 1, 2, 3, 4, 5],
				2,
				async (n) => {
					started.push(n);
					await new Promise((r) => setTimeout(r, 5));
					if (n === 1) throw new Error('one failed');
					return n;
				},
				true,
			),
		).rejects.toThrow('one failed');
		expect(started.length).toBeLessThan(6);
	});
});
