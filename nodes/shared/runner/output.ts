import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ApiClient } from '../client/api-client';
import { echoRequest } from '../client/echo';
import { maskDeep, maskString } from '../mask';
import { type Operation, OperationFailure, type OperationResult } from '../operation/types';

/** The json of one result, secrets masked, wrapped with the requests when Include Request Details is on. */
export function shape(result: OperationResult, operation: Operation, api: ApiClient, includeRequest: boolean): IDataObject {
	const json = maskDeep(result.outcome ? { ...result.json, outcome: result.outcome } : result.json, api.secrets);
	if (result.revealed) Object.assign(json, result.revealed);
	if (!includeRequest) return json;
	const last = api.log.lastRequest();
	const wrapped: IDataObject = {
		request: last ? echoRequest(last.spec, last.to, api.secrets) : null,
		resource: operation.resource,
		operation: operation.operation,
		success: true,
		data: json,
	};
	// Every request the item sent, retries and lookups included, labelled.
	if (api.log.size > 1) wrapped.requests = api.log.echoes(api.secrets);
	return wrapped;
}

/** Any failure as an n8n error naming the item, secrets masked. */
export function toNodeError(
	n8n: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	secrets: readonly string[],
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		error.message = maskString(error.message, secrets);
		if (error.description) error.description = maskString(error.description, secrets);
		return error;
	}
	if (error instanceof OperationFailure) {
		return new NodeOperationError(n8n.getNode(), `Item ${itemIndex}: ${maskString(error.message, secrets)}`, {
			itemIndex,
			description: error.description ? maskString(error.description, secrets) : undefined,
		});
	}
	const message = maskString(error instanceof Error ? error.message : String(error), secrets);
	return new NodeOperationError(n8n.getNode(), `Item ${itemIndex}: ${message}`, { itemIndex });
}

/** An error item n8n routes to the error output: only `error` and `details` in json. */
export function errorItem(
	error: NodeApiError | NodeOperationError,
	items: number[],
	secrets: readonly string[],
): INodeExecutionData {
	const details: IDataObject = { itemIndex: items[0] };
	if (error.description) details.description = maskString(error.description, secrets);
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	return { json: { error: maskString(error.message, secrets), details }, pairedItem: paired(items) };
}

export function paired(items: number[]): IPairedItemData | IPairedItemData[] {
	return items.length === 1 ? { item: items[0] } : items.map((item) => ({ item }));
}
