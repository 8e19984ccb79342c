import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { z } from 'zod';

import type {
	BulkChunk,
	BulkContext,
	BulkPacker,
	BulkRunner,
	OperationResult,
} from '../operation/types';
import type { RequestSpec } from '../types';

/**
 * Bulk operations send many input items in one request (an import). The runner owns them:
 * every item is checked before anything is sent, then chunks go through the same pool,
 * pacing, Batching, Dry Run, continueOnFail and Summary as any other operation.
 */
export interface Bulk<S, V> {
	/** Input items per request; Infinity sends them all in one. */
	chunkSize: (settings: S) => number;
	/** Refuses the whole run before anything is read or sent (e.g. an unconfirmed full sync). */
	refuse?: (
		settings: S,
		itemCount: number,
		dryRun: boolean,
	) => { message: string; description?: string } | undefined;
	/**
	 * Checks one input item: the value to send, or problems whose paths name the item's fields.
	 * May throw (e.g. OperationFailure) for a problem that is not about one field.
	 */
	item: (
		itemIndex: number,
		settings: S,
		n8n: IExecuteFunctions,
	) => BulkItem<V> | Promise<BulkItem<V>>;
	/** Labels of an item's fields, for error texts. */
	itemProperties: INodeProperties[];
	/** The request for one chunk. */
	request: (values: V[], settings: S) => RequestSpec;
	/** Counts of one chunk's answer, named as in the summary (created, updated…). */
	counts?: (response: unknown, values: V[]) => Record<string, number>;
	/** What a chunk is, for its output and Dry Run: e.g. {chunk, chunks, users} or {file, fileName, bytes}. */
	describe: (values: V[], place: ChunkPosition, settings: S, request: RequestSpec) => IDataObject;
	/** The output item of one chunk; `place.total` holds the counts of the chunks done so far. */
	output: (response: unknown, place: ChunkPlace, settings: S) => IDataObject;
	/** Dry Run extras, e.g. the file that would be sent, as binary data. */
	preview?: (
		values: V[],
		settings: S,
		n8n: IExecuteFunctions,
		itemIndexes: number[],
	) => Promise<Pick<OperationResult, 'json' | 'binary'>>;
	/** What one chunk is called in messages: "chunk", "file". */
	unit: string;
	/**
	 * Folds a chunk's values as they are checked (e.g. CSV lines straight into the file), so that a
	 * large chunk is never held as values and as a request at once. `done` gives the chunk's values.
	 */
	pack?: (settings: S) => { add: (value: V) => void; done: () => V[] } | undefined;
}

export interface ChunkPosition {
	/** 0-based index of the chunk among all chunks, and their number. */
	index: number;
	count: number;
	/** The input items of this chunk, and how many input items the run has. */
	itemIndexes: number[];
	itemCount: number;
}

export type BulkItem<V> = { ok: true; value: V } | { ok: false; issues: z.ZodIssue[] };

export interface ChunkPlace {
	/** What `describe` said about the chunk. */
	described: IDataObject;
	counts: Record<string, number>;
	total: Record<string, number>;
}

export function bulkRunner<S, V>(bulk: Bulk<S, V>): BulkRunner {
	return {
		chunkSize: (settings) => bulk.chunkSize(settings as S),
		refuse: (settings, count, dryRun) => bulk.refuse?.(settings as S, count, dryRun),
		check: async (itemIndex, settings, n8n) => await bulk.item(itemIndex, settings as S, n8n),
		itemProperties: bulk.itemProperties,
		plan: (chunk, settings) => bulk.request(chunk.values as V[], settings as S),
		describe: (chunk, place, settings, request) =>
			bulk.describe(chunk.values as V[], place, settings as S, request),
		perItem: (settings) => bulk.chunkSize(settings as S) === 1,
		pack: bulk.pack
			? (settings) =>
					(bulk.pack as NonNullable<typeof bulk.pack>)(settings as S) as BulkPacker | undefined
			: undefined,
		preview: bulk.preview
			? async (chunk, settings, n8n) =>
					await (bulk.preview as NonNullable<typeof bulk.preview>)(
						chunk.values as V[],
						settings as S,
						n8n,
						chunk.itemIndexes,
					)
			: undefined,
		execute: async (
			chunk: BulkChunk,
			settings: unknown,
			ctx: BulkContext,
		): Promise<OperationResult> => {
			const request = bulk.request(chunk.values as V[], settings as S);
			const response = await ctx.api.request(request);
			const counts = bulk.counts?.(response, chunk.values as V[]) ?? {};
			const total = ctx.addCounts(counts);
			const described = bulk.describe(chunk.values as V[], ctx.position, settings as S, request);
			return { json: bulk.output(response, { described, counts, total }, settings as S), counts };
		},
		place: (index, count, chunk) => {
			const first = chunk.itemIndexes[0];
			const last = chunk.itemIndexes[chunk.itemIndexes.length - 1];
			const items = first === last ? `item ${first}` : `items ${first}–${last}`;
			const before = index > 0 ? `; the ${bulk.unit}s before it were imported` : '';
			return `${capitalise(bulk.unit)} ${index + 1} of ${count} (${items})${before}`;
		},
	};
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
