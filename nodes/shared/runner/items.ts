import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ApiClient } from '../client/api-client';
import type { RunContext } from '../client/context';
import { findOperation } from '../description';
import type { Operation } from '../operation/types';
import { readRequestOptions } from '../options';
import { invalidInputError } from '../validate';
import { errorItem, paired, shape, toNodeError } from './output';
import type { Tally } from './schedule';
import { RunStopped } from '../pace/send-queue';

/**
 * One input item: pick the operation, validate (bad input: an error naming item and field,
 * nothing sent), then carry it out or, for Dry Run, show what would be sent.
 */
export async function runItem(
	run: RunContext,
	operations: Operation[],
	itemIndex: number,
	tally: Tally,
	continueOnFail: boolean,
): Promise<INodeExecutionData[]> {
	try {
		const output = await carryOut(run, operations, itemIndex, tally);
		tally.add('succeeded');
		return output;
	} catch (error) {
		// Not sent because an item before it failed: the run ends with that failure, not this.
		if (error instanceof RunStopped) return [];
		tally.add('failed');
		const nodeError = toNodeError(run.n8n, error, itemIndex, run.credentials.secrets);
		if (!continueOnFail) throw nodeError;
		return [errorItem(nodeError, [itemIndex], run.credentials.secrets)];
	}
}

async function carryOut(
	run: RunContext,
	operations: Operation[],
	itemIndex: number,
	tally: Tally,
): Promise<INodeExecutionData[]> {
	const { n8n } = run;
	const resource = run.read('resource', itemIndex) as string;
	const operationName = run.read('operation', itemIndex) as string;
	const operation = findOperation(operations, resource, operationName);
	if (!operation) {
		throw new NodeOperationError(
			n8n.getNode(),
			`The operation "${operationName}" is not known for "${resource}"`,
			{ itemIndex },
		);
	}
	const options = readRequestOptions(run.read, itemIndex);
	const parsed = operation.parse(await operation.readParams(run.read, itemIndex, n8n));
	if (!parsed.ok)
		throw invalidInputError(n8n.getNode(), itemIndex, operation.properties, parsed.issues);

	const api = new ApiClient(run, itemIndex, resource, options);
	const pairedItem = paired([itemIndex]);
	if (options.dryRun) return [{ json: await dryRun(api, operation, parsed.input), pairedItem }];
	const fail = (message: string, description?: string) =>
		new NodeOperationError(n8n.getNode(), `Item ${itemIndex}: ${message}`, {
			itemIndex,
			description,
		});
	const results = await operation.execute(parsed.input, { api, itemIndex, n8n, fail });
	return results.map((result) => {
		if (result.outcome) tally.add(result.outcome);
		for (const [key, n] of Object.entries(result.counts ?? {})) tally.add(key, n);
		const item: INodeExecutionData = {
			json: shape(result, operation, api, options.includeRequestDetails),
			pairedItem,
		};
		if (result.binary) item.binary = result.binary;
		return item;
	});
}

async function dryRun(api: ApiClient, operation: Operation, input: unknown): Promise<IDataObject> {
	const requests = await Promise.all(operation.plan(input).map((spec) => api.echo(spec)));
	const out: IDataObject = {
		dryRun: true,
		resource: operation.resource,
		operation: operation.operation,
		requests,
	};
	if (operation.planNote) out.note = operation.planNote;
	return out;
}
