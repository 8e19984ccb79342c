import { AutoLimit } from '../../../../nodes/shared/pace/concurrency';
import type { RunOptions } from '../../../../nodes/shared/options';
import { runUnits, type Unit } from '../../../../nodes/shared/runner/schedule';

const options = { batchSize: 0, batchInterval: 0 } as RunOptions;

describe('runUnits: where a unit stands when the run stops', () => {
	it('a failed unit with no item of its own (a Sync removal) stops only what stands after it', async () => {
		const gate = new AutoLimit({ ceiling: 32 });
		const sent: string[] = [];
		// A removal is paired with item 0 but stands after every item (order 10).
		const units: Array<Unit & { name: string }> = [
			{ items: [0], order: 10, name: 'removal' },
			{ items: [5], name: 'item 5' },
		];
		const run = runUnits(units, options, gate, true, async (unit) => {
			// Item 5 is prepared while the removal is on the wire, and waits for room.
			const ticket = await gate.sending(unit.order ?? unit.items[0], true);
			sent.push(unit.name);
			const failed = unit.name === 'removal';
			gate.onAnswer('ok', ticket, !failed);
			if (failed) throw new Error('the removal failed');
			return [];
		});
		await expect(run).rejects.toThrow('the removal failed');
		// Item 5 stands before the removal, so it still goes (stopping at item 0 would refuse it).
		expect(sent).toEqual(['removal', 'item 5']);
	});
});
