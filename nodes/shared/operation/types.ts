import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	NodeOperationError,
} from 'n8n-workflow';
import type { z } from 'zod';

import type { ApiClient } from '../client/api-client';
import type { ParameterReader } from '../parameters';
import type { ChunkPosition } from '../patterns/bulk';
import type { SyncRunner } from '../runner/sync';
import type { Outcome, RequestSpec } from '../types';

/** What an operation hands back for one input item (or one bulk chunk). */
export interface OperationResult {
	json: IDataObject;
	/** For writes that may create, change or leave a record; counted in the summary. */
	outcome?: Outcome;
	/** Further counts for the summary (e.g. an import's created / updated / blocked). */
	counts?: Record<string, number>;
	binary?: IBinaryKeyData;
	/**
	 * Fields put into the output as they are, past the masking of secret-looking keys: only for a
	 * secret the user explicitly asked to see (e.g. a token the operation exists to fetch).
	 */
	revealed?: IDataObject;
}

export type ResultLike = OperationResult | OperationResult[] | IDataObject | IDataObject[];

export interface OperationContext {
	api: ApiClient;
	itemIndex: number;
	/** n8n's execute functions, for binary data and the like. */
	n8n: IExecuteFunctions;
	/** An input error found mid-way; nothing more is sent. */
	fail: (message: string, description?: string) => NodeOperationError;
}

/**
 * A problem with the user's input found while the operation runs (e.g. a create needs a field
 * an update did not). The runner turns it into an error naming the item.
 */
export class OperationFailure extends Error {
	constructor(
		message: string,
		readonly description?: string,
	) {
		super(message);
		this.name = 'OperationFailure';
	}
}

export type ParseOutcome = { ok: true; input: unknown } | { ok: false; issues: z.ZodIssue[] };

/** How an operation is carried out, for the runner and the descriptor tests. */
export type OperationKind =
	'request' | 'requests' | 'paging' | 'upsert' | 'readThenWrite' | 'bulk' | 'sync' | 'run';

/** One chunk of a bulk operation: the input items it covers and the value checked for each. */
export interface BulkChunk {
	itemIndexes: number[];
	values: unknown[];
}

/** The runner's side of a bulk operation (type-erased). */
export interface BulkRunner {
	chunkSize: (settings: unknown) => number;
	refuse: (
		settings: unknown,
		itemCount: number,
		dryRun: boolean,
	) => { message: string; description?: string } | undefined;
	/** Checks one input item: the value to send or the problems (paths name the item's fields). */
	check: (
		itemIndex: number,
		settings: unknown,
		n8n: IExecuteFunctions,
	) => Promise<{ ok: true; value: unknown } | { ok: false; issues: z.ZodIssue[] }>;
	/** Labels for the fields of an input item, for error texts. */
	itemProperties: INodeProperties[];
	execute: (chunk: BulkChunk, settings: unknown, ctx: BulkContext) => Promise<OperationResult>;
	plan: (chunk: BulkChunk, settings: unknown) => RequestSpec;
	describe: (
		chunk: BulkChunk,
		place: ChunkPosition,
		settings: unknown,
		request: RequestSpec,
	) => IDataObject;
	/** Each chunk is one input item (its output is paired with that item alone). */
	perItem: (settings: unknown) => boolean;
	/** Folds a chunk's values as they are checked, when the operation does so (see Bulk.pack). */
	pack?: (settings: unknown) => BulkPacker | undefined;
	preview?: (
		chunk: BulkChunk,
		settings: unknown,
		n8n: IExecuteFunctions,
	) => Promise<Pick<OperationResult, 'json' | 'binary'>>;
	/** Where a failed chunk sits, for its error description. */
	place: (index: number, count: number, chunk: BulkChunk) => string;
}

export interface BulkPacker {
	add: (value: unknown) => void;
	done: () => unknown[];
}

export interface BulkContext {
	api: ApiClient;
	n8n: IExecuteFunctions;
	position: ChunkPosition;
	/** Counts of the chunks done so far, this one included (e.g. running import totals). */
	addCounts: (counts: Record<string, number>) => Record<string, number>;
}

/** The type-erased form the runner works with; the typed definition stays inside the closures. */
export interface Operation {
	resource: string;
	operation: string;
	name: string;
	action: string;
	description: string;
	properties: INodeProperties[];
	kind: OperationKind;
	/** The item's raw parameters; `n8n` lets an operation read e.g. the item's binary data. */
	readParams: (
		read: ParameterReader,
		itemIndex: number,
		n8n?: IExecuteFunctions,
	) => Promise<IDataObject>;
	parse: (raw: IDataObject) => ParseOutcome;
	execute: (input: unknown, ctx: OperationContext) => Promise<OperationResult[]>;
	/** For Dry Run: the requests the operation starts with (never empty for a per-item operation). */
	plan: (input: unknown) => RequestSpec[];
	/** For Dry Run of operations whose later requests depend on the answers. */
	planNote?: string;
	/** Set for operations that send many input items per request. */
	bulk?: BulkRunner;
	/** Set for sync operations (all input items are the desired set). */
	sync?: SyncRunner;
}
