import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { ApiClient, type RequestEcho, type RunState } from './client';
import { findOperation } from './description';
import { maskDeep, maskString } from './mask';
import type { Operation, OperationResult } from './operation';
import { readRequestOptions, readRunOptions } from './options';
import { Pacer } from './pacer';
import { type ParameterReader, parameterReader } from './parameters';
import { mapPool } from './pool';
import type { Platform } from './types';
import { invalidInputError } from './validate';

export interface RunnerSettings {
	/** Shorter backoff for tests; production uses the default. */
	backoffBaseMs?: number;
}

/**
 * The one execute() every node uses: for each input item, pick the operation, validate,
 * send through the shared client, and shape the output with pairedItem — honouring
 * continueOnFail, Dry Run, Include Request Details, concurrency, batching and rate limits.
 */
export async function executeOperations(
	ctx: IExecuteFunctions,
	platform: Platform,
	operations: Operation[],
	settings: RunnerSettings = {},
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const read = parameterReader(ctx);
	const runOptions = readRunOptions(read);
	const state: RunState = {
		read,
		ctx,
		platform,
		pacer: new Pacer(runOptions.rateLimit),
		credentials: new Map(),
		secretValues: new Set(),
		inFlight: 0,
		backoffBaseMs: settings.backoffBaseMs ?? 500,
	};
	const continueOnFail = ctx.continueOnFail();

	const whole = wholeRunOperation(read, operations, items.length);
	if (whole) return [await runWhole(state, whole, continueOnFail)];

	const tally: Record<string, number> = { items: items.length, succeeded: 0, failed: 0 };
	const processItem = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		try {
			const { output, outcomes } = await runItem(state, operations, itemIndex);
			tally.succeeded++;
			for (const outcome of outcomes) tally[outcome] = (tally[outcome] ?? 0) + 1;
			return output;
		} catch (error) {
			tally.failed++;
			const nodeError = toNodeError(ctx, error, itemIndex, [...state.secretValues]);
			if (!continueOnFail) throw nodeError;
			return [errorItem(nodeError, itemIndex, [...state.secretValues])];
		}
	};

	const indexes = items.map((_, i) => i);
	const batchSize = runOptions.batchSize > 0 ? runOptions.batchSize : indexes.length || 1;
	const out: INodeExecutionData[] = [];
	for (let start = 0; start < indexes.length; start += batchSize) {
		if (start > 0 && runOptions.batchInterval > 0) await sleep(runOptions.batchInterval);
		const batch = indexes.slice(start, start + batchSize);
		const results = await mapPool(batch, runOptions.concurrency, processItem, !continueOnFail);
		for (const r of results) out.push(...r);
	}
	if (runOptions.summary) {
		out.push({ json: { summary: tally }, pairedItem: indexes.map((item) => ({ item })) });
	}
	return [out];
}

function wholeRunOperation(read: ParameterReader, operations: Operation[], count: number): Operation | undefined {
	if (count === 0) return undefined;
	const operation = findOperation(operations, read('resource', 0) as string, read('operation', 0) as string);
	return operation?.runAll ? operation : undefined;
}

async function runWhole(state: RunState, operation: Operation, continueOnFail: boolean): Promise<INodeExecutionData[]> {
	const { ctx } = state;
	const options = readRequestOptions(state.read, 0);
	const api = new ApiClient(state, 0, operation.resource, options);
	const secrets = () => [...state.secretValues];
	const runAll = operation.runAll as NonNullable<Operation['runAll']>;
	try {
		return await runAll({
			n8n: ctx,
			api,
			options,
			continueOnFail,
			parseItem: async (itemIndex) => {
				const parsed = operation.parse(await operation.readParams(state.read, itemIndex));
				if (parsed.ok) return { ok: true, input: parsed.input };
				return { ok: false, error: invalidInputError(ctx.getNode(), itemIndex, operation.properties, parsed.issues) };
			},
			errorItem: (error, itemIndexes) => {
				const first = itemIndexes[0] ?? 0;
				const item = errorItem(toNodeError(ctx, error, first, secrets()), first, secrets());
				item.pairedItem = itemIndexes.map((item) => ({ item }));
				return item;
			},
		});
	} catch (error) {
		throw toNodeError(ctx, error, 0, secrets());
	}
}

async function runItem(
	state: RunState,
	operations: Operation[],
	itemIndex: number,
): Promise<{ output: INodeExecutionData[]; outcomes: string[] }> {
	const { ctx } = state;
	const resource = state.read('resource', itemIndex) as string;
	const operationName = state.read('operation', itemIndex) as string;
	const operation = findOperation(operations, resource, operationName);
	if (!operation) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operationName}" is not known for "${resource}"`, {
			itemIndex,
		});
	}
	const options = readRequestOptions(state.read, itemIndex);
	const raw = await operation.readParams(state.read, itemIndex);
	const parsed = operation.parse(raw);
	if (!parsed.ok) throw invalidInputError(ctx.getNode(), itemIndex, operation.properties, parsed.issues);

	const api = new ApiClient(state, itemIndex, resource, options);
	const paired = { item: itemIndex };
	if (options.dryRun) {
		return { output: [{ json: await dryRunOutput(api, operation, parsed.input), pairedItem: paired }], outcomes: [] };
	}
	const fail = (message: string, description?: string) =>
		new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: ${message}`, { itemIndex, description });
	const results = await operation.execute(parsed.input, { api, itemIndex, n8n: ctx, fail });
	return {
		output: results.map((result) => ({
			json: shape(result, operation, api, options.includeRequestDetails),
			pairedItem: paired,
		})),
		outcomes: results.flatMap((r) => (r.outcome ? [r.outcome] : [])),
	};
}

function shape(result: OperationResult, operation: Operation, api: ApiClient, includeRequest: boolean): IDataObject {
	const json = maskDeep(result.outcome ? { ...result.json, outcome: result.outcome } : result.json, api.secrets);
	if (!includeRequest) return json;
	const last: RequestEcho | undefined = api.lastSent();
	const wrapped: IDataObject = {
		request: last ?? null,
		resource: operation.resource,
		operation: operation.operation,
		success: true,
		data: json,
	};
	if (api.sent.length > 1) wrapped.requests = api.sent;
	return wrapped;
}

async function dryRunOutput(api: ApiClient, operation: Operation, input: unknown): Promise<IDataObject> {
	const planned = operation.plan(input);
	const requests = planned ? await Promise.all(planned.map((spec) => api.echo(spec))) : [];
	const out: IDataObject = {
		dryRun: true,
		resource: operation.resource,
		operation: operation.operation,
		requests,
	};
	if (!planned) {
		out.note =
			'This operation looks the record up first; which requests follow depends on the answer, so a dry run sends nothing and cannot list them.';
	}
	return out;
}

function toNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	secrets: string[],
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		error.message = maskString(error.message, secrets);
		if (error.description) error.description = maskString(error.description, secrets);
		return error;
	}
	const message = maskString(error instanceof Error ? error.message : String(error), secrets);
	return new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: ${message}`, { itemIndex });
}

/** An error item n8n routes to the error output: only `error` and `details` in json. */
function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number, secrets: string[]): INodeExecutionData {
	const details: IDataObject = { itemIndex };
	if (error.description) details.description = maskString(error.description, secrets);
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	return { json: { error: maskString(error.message, secrets), details }, pairedItem: { item: itemIndex } };
}
