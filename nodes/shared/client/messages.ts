import type { INode } from 'n8n-workflow';

import { apiError, bodyExcerpt, statusText } from '../errors';
import type { ApiResponse, Platform, RequestSpec } from '../types';
import type { WireFailure } from './wire';

/** What an error text needs to know about where it happened. */
export interface ErrorPlace {
	node: INode;
	platform: Platform;
	resource: string;
	itemIndex: number;
	secrets: readonly string[];
	/** Tries the request took, including the last. */
	tries: number;
	/** The credential type the request went with. */
	credentialType?: string;
}

const triesText = (tries: number) => (tries > 1 ? ` (after ${tries} tries)` : '');

/** An answer with an error status, in the platform's own words plus a hint. */
export function httpError(place: ErrorPlace, spec: RequestSpec, response: ApiResponse): Error {
	const { platform, resource } = place;
	const { statusCode, body } = response;
	const detail = platform.errorMessage(statusCode, body, resource, place.credentialType);
	const hint = platform.errorHint?.(statusCode, body, resource, place.credentialType);
	const message = `${platform.displayName} ${statusCode}: ${detail ?? statusText(statusCode)}${triesText(place.tries)}`;
	const description = [hint, `${spec.method} ${spec.path}`, detail ? undefined : bodyExcerpt(body)]
		.filter((x): x is string => !!x)
		.join(' — ');
	return apiError(place.node, { statusCode, message, description, itemIndex: place.itemIndex, secretValues: place.secrets });
}

const NETWORK_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was dropped',
	EPIPE: 'the connection was dropped',
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be looked up',
	EHOSTUNREACH: 'the host is unreachable',
	ERR_BAD_RESPONSE: 'the answer broke off',
};

/** No answer could be had. n8n replaces messages that name a socket code, so the code goes in the description. */
export function networkError(place: ErrorPlace, spec: RequestSpec, failure: WireFailure, idempotent: boolean, timeoutMs: number): Error {
	const text = failure.error instanceof Error ? failure.error.message : String(failure.error);
	const { code } = failure;
	const what =
		failure.timedOut || code === 'ECONNABORTED' || /timeout/i.test(text)
			? `timed out after ${timeoutMs} ms`
			: `failed: ${NETWORK_WORDS[code ?? ''] ?? 'no answer came back'}`;
	const notRetried =
		!idempotent && failure.failure === 'maybe-sent'
			? ' It was not re-sent, because the service may already have acted on it: check before running again.'
			: '';
	return apiError(place.node, {
		message: `${place.platform.displayName}: ${spec.method} ${spec.path} ${what}${triesText(place.tries)}.${notRetried}`,
		description: `${code ? `${code}: ` : ''}${text}`,
		itemIndex: place.itemIndex,
		secretValues: place.secrets,
	});
}

/** A 2xx whose body is not JSON, when the call cannot simply be repeated. */
export function unreadableError(place: ErrorPlace, spec: RequestSpec, status: number, body: unknown): Error {
	return apiError(place.node, {
		statusCode: status,
		message: `${place.platform.displayName} answered ${spec.method} ${spec.path} with a body that is not valid JSON`,
		description: `Body starts with: ${bodyExcerpt(body, 200)}`,
		itemIndex: place.itemIndex,
		secretValues: place.secrets,
	});
}
