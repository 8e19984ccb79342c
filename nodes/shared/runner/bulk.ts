import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ApiClient } from '../client/api-client';
import type { RunContext } from '../client/context';
import type { BulkChunk, BulkRunner, Operation } from '../operation/types';
import { readRequestOptions, type RunOptions } from '../options';
import type { ChunkPosition } from '../patterns/bulk';
import { invalidInputError } from '../validate';
import { errorItem, paired, shape, toNodeError } from './output';
import { runUnits, type Tally, type Unit } from './schedule';
import { RunStopped } from '../pace/send-queue';

/**
 * A bulk operation over all input items: settings from item 0, every item checked before
 * anything is sent, then chunks through the same pool, batches, Dry Run and continueOnFail.
 */
export async function runBulk(
	run: RunContext,
	operation: Operation,
	runOptions: RunOptions,
	tally: Tally,
	continueOnFail: boolean,
): Promise<INodeExecutionData[]> {
	const { n8n } = run;
	const bulk = operation.bulk as NonNullable<Operation['bulk']>;
	const node = n8n.getNode();
	const itemCount = n8n.getInputData().length;
	const all = Array.from({ length: itemCount }, (_, i) => i);
	const secrets = () => run.credentials.secrets;
	/** An error item for these items, or the error thrown when the run stops at the first failure. */
	const fail = (error: unknown, items: number[], where?: string): INodeExecutionData => {
		tally.add('failed', items.length);
		const nodeError = toNodeError(n8n, error, items[0], secrets());
		if (where) nodeError.description = [nodeError.description, where].filter(Boolean).join(' — ');
		if (!continueOnFail) throw nodeError;
		const item = errorItem(nodeError, items, secrets());
		item.pairedItem = items.map((i) => ({ item: i }));
		return item;
	};

	const options = readRequestOptions(run.read, 0);
	const parsed = operation.parse(await operation.readParams(run.read, 0));
	if (!parsed.ok) throw invalidInputError(node, 0, operation.properties, parsed.issues);
	const settings = parsed.input;
	const refusal = bulk.refuse(settings, itemCount, options.dryRun);
	if (refusal) {
		const error = new NodeOperationError(node, refusal.message, {
			itemIndex: 0,
			description: refusal.description ?? 'Nothing was sent.',
		});
		return [fail(error, all)];
	}

	// First pass: every item checked, so that without continueOnFail nothing at all is sent.
	const out: INodeExecutionData[] = [];
	const valid: number[] = [];
	for (const i of all) {
		try {
			const checked = await bulk.check(i, settings, n8n);
			if (checked.ok) valid.push(i);
			else out.push(fail(invalidInputError(node, i, bulk.itemProperties, checked.issues), [i]));
		} catch (error) {
			out.push(fail(error, [i]));
		}
	}

	const size = Math.max(1, bulk.chunkSize(settings));
	const units: Array<Unit & { index: number }> = [];
	for (let start = 0; start < valid.length; start += size) {
		units.push({ index: units.length, items: valid.slice(start, start + size) });
	}
	const count = units.length;
	const total: Record<string, number> = {};
	const addCounts = (counts: Record<string, number>) => {
		for (const [k, n] of Object.entries(counts)) total[k] = (total[k] ?? 0) + n;
		return { ...total };
	};
	const pairing = (items: number[]) =>
		bulk.perItem(settings) ? paired(items) : items.map((item) => ({ item }));

	const chunkOutputs = await runUnits(
		units,
		runOptions,
		run.concurrency,
		!continueOnFail,
		async (unit) => {
			const api = new ApiClient(run, unit.items[0], operation.resource, options);
			const position: ChunkPosition = {
				index: unit.index,
				count,
				itemIndexes: unit.items,
				itemCount,
			};
			try {
				const chunk: BulkChunk = {
					itemIndexes: unit.items,
					values: await chunkValues(bulk, unit.items, settings, n8n),
				};
				if (options.dryRun) {
					const request = bulk.plan(chunk, settings);
					const described = bulk.describe(chunk, position, settings, request);
					const extra = bulk.preview ? await bulk.preview(chunk, settings, n8n) : { json: {} };
					const json = {
						dryRun: true,
						resource: operation.resource,
						operation: operation.operation,
						...described,
						requests: [await api.echo(request)],
						...extra.json,
					};
					const item: INodeExecutionData = { json, pairedItem: pairing(unit.items) };
					if (extra.binary) item.binary = extra.binary;
					return [item];
				}
				const result = await bulk.execute(chunk, settings, { api, n8n, position, addCounts });
				tally.add('succeeded', unit.items.length);
				for (const [key, n] of Object.entries(result.counts ?? {})) tally.add(key, n);
				return [
					{
						json: shape(result, operation, api, options.includeRequestDetails),
						pairedItem: pairing(unit.items),
					},
				];
			} catch (error) {
				// Not sent because a chunk before it failed: the run ends with that failure.
				if (error instanceof RunStopped) return [];
				return [
					fail(
						error,
						unit.items,
						bulk.place(unit.index, count, { itemIndexes: unit.items, values: [] }),
					),
				];
			}
		},
	);
	out.push(...chunkOutputs);
	return out;
}

/**
 * A chunk's values, checked again rather than kept from the first pass (100,000 users held twice
 * cost memory); folded one by one as they come when the operation packs them.
 */
async function chunkValues(
	bulk: BulkRunner,
	items: number[],
	settings: unknown,
	n8n: IExecuteFunctions,
): Promise<unknown[]> {
	const valueOf = async (i: number) =>
		((await bulk.check(i, settings, n8n)) as { value: unknown }).value;
	const packer = bulk.pack?.(settings);
	if (!packer) return await Promise.all(items.map(valueOf));
	for (const i of items) packer.add(await valueOf(i));
	return packer.done();
}
