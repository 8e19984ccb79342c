import type { INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ApiClient } from '../client/api-client';
import type { RunContext } from '../client/context';
import type { BulkChunk, Operation } from '../operation/types';
import { readRequestOptions, type RunOptions } from '../options';
import { invalidInputError } from '../validate';
import { errorItem, paired, shape, toNodeError } from './output';
import { runUnits, type Tally, type Unit } from './schedule';

interface ChunkUnit extends Unit, BulkChunk {
	index: number;
}

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
	const fail = (error: unknown, items: number[]): INodeExecutionData => {
		tally.add('failed', items.length);
		const nodeError = toNodeError(n8n, error, items[0], run.credentials.secrets);
		if (!continueOnFail) throw nodeError;
		return errorItem(nodeError, items, run.credentials.secrets);
	};

	const parsed = operation.parse(await operation.readParams(run.read, 0));
	if (!parsed.ok) throw invalidInputError(node, 0, operation.properties, parsed.issues);
	const settings = parsed.input;
	const refusal = bulk.refuse(settings, itemCount);
	if (refusal) {
		return [fail(new NodeOperationError(node, refusal.message, { itemIndex: 0, description: refusal.description ?? 'Nothing was sent.' }), all)];
	}

	// First pass: every item checked, so that without continueOnFail nothing at all is sent.
	const out: INodeExecutionData[] = [];
	const valid: number[] = [];
	for (const i of all) {
		const checked = await bulk.check(i, settings, n8n);
		if (checked.ok) valid.push(i);
		else out.push(fail(invalidInputError(node, i, bulk.itemProperties, checked.issues), [i]));
	}

	const options = readRequestOptions(run.read, 0);
	const size = Math.max(1, bulk.chunkSize(settings));
	const count = Math.ceil(valid.length / size);
	const units: ChunkUnit[] = Array.from({ length: count }, (_, index) => ({
		index,
		items: valid.slice(index * size, (index + 1) * size),
		itemIndexes: valid.slice(index * size, (index + 1) * size),
		values: [],
	}));
	const total: Record<string, number> = {};
	const addCounts = (counts: Record<string, number>) => {
		for (const [k, n] of Object.entries(counts)) total[k] = (total[k] ?? 0) + n;
		return { ...total };
	};

	out.push(
		...(await runUnits(units, runOptions, !continueOnFail, async (unit) => {
			const api = new ApiClient(run, unit.items[0], operation.resource, options);
			try {
				// Values are checked again here rather than kept from the first pass: 100,000 users held twice cost memory.
				const values = await Promise.all(unit.items.map(async (i) => ((await bulk.check(i, settings, n8n)) as { value: unknown }).value));
				const chunk: BulkChunk = { itemIndexes: unit.items, values };
				if (options.dryRun) {
					const requests = [await api.echo(bulk.plan(chunk, settings))];
					const described = bulk.describe(chunk, { index: unit.index, count }, settings);
					const extra = bulk.preview ? await bulk.preview(chunk, settings, n8n) : { json: {} };
					const json = { dryRun: true, resource: operation.resource, operation: operation.operation, ...described, requests, ...extra.json };
					const item: INodeExecutionData = { json, pairedItem: paired(unit.items) };
					if (extra.binary) item.binary = extra.binary;
					return [item];
				}
				const result = await bulk.execute(chunk, settings, { api, n8n, chunk: unit.index + 1, chunks: count, addCounts });
				tally.add('succeeded', unit.items.length);
				for (const [key, n] of Object.entries(result.counts ?? {})) tally.add(key, n);
				return [{ json: shape(result, operation, api, options.includeRequestDetails), pairedItem: paired(unit.items) }];
			} catch (error) {
				const nodeError = toNodeError(n8n, error, unit.items[0], run.credentials.secrets);
				const where = bulk.place(unit.index, count, unit);
				nodeError.description = [nodeError.description, where].filter(Boolean).join(' — ');
				return [fail(nodeError, unit.items)];
			}
		})),
	);
	return out;
}
