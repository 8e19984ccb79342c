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
	/** The base URL the request went to: its path is part of the path the vendor documents. */
	base?: string;
	/** The credential type the request went with. */
	credentialType?: string;
}

const triesText = (tries: number) => (tries > 1 ? ` (after ${tries} tries)` : '');

/** The request as the vendor's documentation writes it: method and the full path, without host or query. */
export function requestLine(spec: RequestSpec, base = ''): string {
	const basePath = base.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/\/+$/, '');
	return `${spec.method} ${basePath}${spec.path}`;
}

const REASON: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
};

/** The service's own words without a status code it repeats ("401 Unauthorized" answering a 401). */
function ownWords(text: string | undefined, statusCode: number): string | undefined {
	const words = text
		?.replace(new RegExp(`^\\s*(HTTP(/[\\d.]+)?\\s+)?${statusCode}\\b[\\s:.-]*`, 'i'), '')
		.trim();
	return words || undefined;
}

/** What an error answer means: the headline, guidance, and whether the service explained itself. */
export interface AnswerText {
	message: string;
	hint?: string;
	/** The service's own words, when it gave any. */
	detail?: string;
}

/**
 * The headline of an error answer. A refused credential says what was refused and which field
 * to check; anything else reads "<Platform> <status>: <the service's words>".
 */
export function answerText(
	platform: Platform,
	resource: string,
	statusCode: number,
	body: unknown,
	tries = 1,
	credentialType?: string,
): AnswerText {
	const detail = ownWords(
		platform.errorMessage(statusCode, body, resource, credentialType),
		statusCode,
	);
	const hint = platform.errorHint?.(statusCode, body, resource, credentialType);
	const refusal = platform.refusal?.(statusCode, body, resource, credentialType);
	if (refusal) {
		// A bare reason phrase ("Unauthorized") adds nothing to "refused".
		const said =
			detail && detail.toLowerCase() !== REASON[statusCode]?.toLowerCase()
				? `"${detail}"`
				: undefined;
		const how = [`HTTP ${statusCode}`, said, tries > 1 ? `after ${tries} tries` : undefined]
			.filter((x) => !!x)
			.join(', ');
		return {
			message: `${platform.displayName} refused ${refusal.refused} (${how}). ${refusal.fix}`,
			hint,
			detail,
		};
	}
	return {
		message: `${platform.displayName} ${statusCode}: ${detail ?? statusText(statusCode)}${triesText(tries)}`,
		hint,
		detail,
	};
}

/** An answer with an error status, in the platform's own words plus a hint. */
export function httpError(place: ErrorPlace, spec: RequestSpec, response: ApiResponse): Error {
	const { statusCode, body } = response;
	const { message, hint, detail } = answerText(
		place.platform,
		place.resource,
		statusCode,
		body,
		place.tries,
		place.credentialType,
	);
	const excerpt =
		detail || body === null || body === undefined || body === '' ? undefined : bodyExcerpt(body);
	const description = [hint, requestLine(spec, place.base), excerpt]
		.filter((x): x is string => !!x)
		.join(' — ');
	return apiError(place.node, {
		statusCode,
		message,
		description,
		itemIndex: place.itemIndex,
		secretValues: place.secrets,
	});
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
export function networkError(
	place: ErrorPlace,
	spec: RequestSpec,
	failure: WireFailure,
	idempotent: boolean,
	timeoutMs: number,
): Error {
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
		message: `${place.platform.displayName}: ${requestLine(spec, place.base)} ${what}${triesText(place.tries)}.${notRetried}`,
		description: `${code ? `${code}: ` : ''}${text}`,
		itemIndex: place.itemIndex,
		secretValues: place.secrets,
	});
}

/** A 2xx whose body is not JSON, when the call cannot simply be repeated. */
export function unreadableError(
	place: ErrorPlace,
	spec: RequestSpec,
	status: number,
	body: unknown,
): Error {
	return apiError(place.node, {
		statusCode: status,
		message: `${place.platform.displayName} answered ${requestLine(spec, place.base)} with a body that is not valid JSON`,
		description: `Body starts with: ${bodyExcerpt(body, 200)}`,
		itemIndex: place.itemIndex,
		secretValues: place.secrets,
	});
}
