import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { maskString } from './mask';

const STATUS_TEXT: Record<number, string> = {
	400: 'Bad request',
	401: 'Authorization failed: check the credential',
	403: 'Forbidden: the credential may not do this',
	404: 'Not found',
	405: 'Method not allowed',
	406: 'Validation failed',
	409: 'Conflict',
	422: 'Validation failed',
	429: 'Too many requests: the service is rate-limiting',
	500: 'The service had an internal error',
	502: 'Bad gateway',
	503: 'The service is unavailable',
	504: 'Gateway timeout',
};

export function statusText(statusCode: number): string {
	return STATUS_TEXT[statusCode] ?? `HTTP ${statusCode}`;
}

export interface ApiErrorParts {
	statusCode?: number;
	message: string;
	description?: string;
	itemIndex: number;
	secretValues: readonly string[];
}

/**
 * A NodeApiError built only from masked text: never from the transport's error object,
 * which carries the request config with auth headers.
 */
export function apiError(node: INode, parts: ApiErrorParts): NodeApiError {
	const message = maskString(parts.message, parts.secretValues);
	const description = parts.description
		? maskString(parts.description, parts.secretValues)
		: undefined;
	const httpCode = parts.statusCode ? String(parts.statusCode) : undefined;
	const response: JsonObject = { message };
	if (description) response.description = description;
	if (httpCode) response.httpCode = httpCode;
	return new NodeApiError(node, response, {
		message,
		description,
		httpCode,
		itemIndex: parts.itemIndex,
	});
}

export function operationError(
	node: INode,
	itemIndex: number,
	message: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(node, message, { itemIndex, description });
}

/** Compact text of an error body for a description, never huge. */
export function bodyExcerpt(body: unknown, max = 500): string {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	if (text === undefined) return '';
	return text.length > max ? `${text.slice(0, max)}…` : text;
}
