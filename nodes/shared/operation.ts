import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeOperationError,
} from 'n8n-workflow';
import type { z } from 'zod';

import type { ApiClient } from './client';
import type { RequestOptions } from './options';
import type { ParameterReader } from './parameters';
import type { Outcome, RequestSpec } from './types';

/** What an operation hands back for one input item: one or many results. */
export interface OperationResult {
	json: IDataObject;
	/** For upserts and creates that may find an existing record; counted in bulk summaries. */
	outcome?: Outcome;
}

export interface OperationContext {
	api: ApiClient;
	itemIndex: number;
	/** n8n's execute functions, for binary data and the like. */
	n8n: IExecuteFunctions;
	/** An input error found mid-way (e.g. upsert must create but has no password); nothing more is sent. */
	fail: (message: string, description?: string) => NodeOperationError;
}

/**
 * One operation as data. Simple operations give `request` (+ `output`); multi-step ones
 * (upsert, read-modify-write, paging) give `run`, which uses the shared client for every call.
 */
export interface OperationDefinition<S extends z.ZodTypeAny> {
	resource: string;
	operation: string;
	/** Shown in the Operation dropdown. */
	name: string;
	action: string;
	description: string;
	/** This operation's parameters; display options for resource + operation are added for you. */
	properties: INodeProperties[];
	/** Validates and normalises the assembled parameters. */
	input: S;
	/** Reads the parameters for an item; by default each top-level property by name. */
	params?: (read: ParameterReader, itemIndex: number) => IDataObject | Promise<IDataObject>;
	request?: (input: z.output<S>) => RequestSpec;
	output?: (response: unknown, input: z.output<S>) => OperationResult | OperationResult[] | IDataObject | IDataObject[];
	run?: (input: z.output<S>, ctx: OperationContext) => Promise<OperationResult | OperationResult[]>;
	/** For Dry Run of a multi-step operation: the requests it would start with. */
	plan?: (input: z.output<S>) => RequestSpec[];
}

export type ParseOutcome =
	| { ok: true; input: unknown }
	| { ok: false; issues: z.ZodIssue[] };

/** The type-erased form the router works with; the typed definition stays inside the closures. */
export interface Operation {
	resource: string;
	operation: string;
	name: string;
	action: string;
	description: string;
	properties: INodeProperties[];
	readParams: (read: ParameterReader, itemIndex: number) => Promise<IDataObject>;
	parse: (raw: IDataObject) => ParseOutcome;
	execute: (input: unknown, ctx: OperationContext) => Promise<OperationResult[]>;
	plan: (input: unknown) => RequestSpec[] | undefined;
	/**
	 * Whole-run operations (e.g. an import that sends many input items in one request):
	 * when the first item picks such an operation, the runner hands it every item at once.
	 */
	runAll?: (ctx: BatchRunContext) => Promise<INodeExecutionData[]>;
}

/** What a whole-run operation gets from the runner. */
export interface BatchRunContext {
	n8n: IExecuteFunctions;
	/** A client for the run (options and credentials of item 0). */
	api: ApiClient;
	options: RequestOptions;
	continueOnFail: boolean;
	/** Reads and validates one item with this operation's schema; invalid -> an error naming item and field. */
	parseItem: (itemIndex: number) => Promise<{ ok: true; input: unknown } | { ok: false; error: NodeOperationError }>;
	/** An error output item (error + details) paired with the given items, secrets masked. */
	errorItem: (error: unknown, itemIndexes: number[]) => INodeExecutionData;
}

function toResults(value: OperationResult | OperationResult[] | IDataObject | IDataObject[]): OperationResult[] {
	const list = Array.isArray(value) ? value : [value];
	return list.map((entry) =>
		isResult(entry) ? entry : { json: entry as IDataObject },
	);
}

function isResult(value: unknown): value is OperationResult {
	if (!value || typeof value !== 'object') return false;
	const keys = Object.keys(value);
	return 'json' in value && keys.every((k) => k === 'json' || k === 'outcome');
}

/** Wraps a non-object answer (a list, a string, nothing) so every output item is an object. */
export function asObject(value: unknown): IDataObject {
	if (value && typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	if (value === null || value === undefined || value === '') return { success: true };
	return { data: value as IDataObject[] | string | number | boolean };
}

export function defineOperation<S extends z.ZodTypeAny>(def: OperationDefinition<S>): Operation {
	if (!def.request && !def.run) {
		throw new Error(`Operation ${def.resource}.${def.operation} needs request or run`);
	}
	const topLevel = def.properties.map((p) => ({ name: p.name, fallback: p.default }));
	return {
		resource: def.resource,
		operation: def.operation,
		name: def.name,
		action: def.action,
		description: def.description,
		properties: def.properties,
		async readParams(read, itemIndex) {
			if (def.params) return await def.params(read, itemIndex);
			const raw: IDataObject = {};
			for (const { name, fallback } of topLevel) {
				// Hidden parameters (e.g. Limit when Return All is on) answer with their default.
				const value = read(name, itemIndex, fallback);
				if (value !== undefined) raw[name] = value as IDataObject[keyof IDataObject];
			}
			return raw;
		},
		parse(raw) {
			const result = def.input.safeParse(raw);
			return result.success ? { ok: true, input: result.data } : { ok: false, issues: result.error.issues };
		},
		async execute(input, ctx) {
			const typed = input as z.output<S>;
			if (def.run) return toResults(await def.run(typed, ctx));
			const spec = (def.request as NonNullable<typeof def.request>)(typed);
			const response = await ctx.api.request(spec);
			return toResults(def.output ? def.output(response, typed) : asObject(response));
		},
		plan(input) {
			const typed = input as z.output<S>;
			if (def.request) return [def.request(typed)];
			return def.plan?.(typed);
		},
	};
}
