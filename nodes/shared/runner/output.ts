import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IPairedItemData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ApiClient } from '../client/api-client';
import { echoRequest } from '../client/echo';
import { plainText } from '../html';
import { maskDeep, maskString } from '../mask';
import { type Operation, OperationFailure, type OperationResult } from '../operation/types';

/** The json of one result, secrets masked, wrapped with the requests when Include Request Details is on. */
export function shape(
	result: OperationResult,
	operation: Operation,
	api: ApiClient,
	includeRequest: boolean,
): IDataObject {
	const json = maskDeep(
		result.outcome ? { ...result.json, outcome: result.outcome } : result.json,
		api.secrets,
	);
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
		return new NodeOperationError(
			n8n.getNode(),
			`Item ${itemIndex}: ${maskString(error.message, secrets)}`,
			{
				itemIndex,
				description: error.description ? maskString(error.description, secrets) : undefined,
			},
		);
	}
	const message = maskString(error instanceof Error ? error.message : String(error), secrets);
	return new NodeOperationError(n8n.getNode(), `Item ${itemIndex}: ${message}`, { itemIndex });
}

/**
 * An error item. With "Continue (using error output)" its json is `error` + `message` (the
 * description and the HTTP code in words): the one shape n8n 1.x and 2.x both route to the error
 * output (1.x refuses any other key). Otherwise `error` + `details` (item, code, description).
 */
export function errorItem(
	error: NodeApiError | NodeOperationError,
	items: number[],
	secrets: readonly string[],
): INodeExecutionData {
	const message = maskString(error.message, secrets);
	const description = error.description
		? plainText(maskString(error.description, secrets))
		: undefined;
	const httpCode = error instanceof NodeApiError && error.httpCode ? error.httpCode : undefined;
	if (error.node?.onError === 'continueErrorOutput') {
		const words = [description, httpCode ? `HTTP ${httpCode}` : undefined]
			.filter(Boolean)
			.join(' — ');
		return {
			json: words ? { error: message, message: words } : { error: message },
			pairedItem: paired(items),
		};
	}
	const details: IDataObject = { itemIndex: items[0] };
	if (description) details.description = description;
	if (httpCode) details.httpCode = httpCode;
	return { json: { error: message, details }, pairedItem: paired(items) };
}

export function paired(items: number[]): IPairedItemData | IPairedItemData[] {
	return items.length === 1 ? { item: items[0] } : items.map((item) => ({ item }));
}
