import type { ICredentialsDecrypted, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { encodeBody } from '../body';
import type { RequestOptions } from '../options';
import type { RequestSpec } from '../types';
import { classifyNetworkCode, type NetworkFailure } from './retry-policy';

/** An HTTP answer with any status. */
export interface WireAnswer {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
	/** n8n threw it (after its own OAuth2 refresh, where it does one), rather than returning it. */
	thrown?: boolean;
}

/** No answer: the reason, in the transport's words and as a class. */
export interface WireFailure {
	error: unknown;
	code?: string;
	failure: NetworkFailure;
	timedOut: boolean;
}

/** The n8n request for a spec: every status comes back as an answer (see `ignoreHttpStatusErrors`). */
export function buildRequest(
	spec: RequestSpec,
	base: string,
	credentialHeaders: Record<string, string>,
	options: RequestOptions,
	oauth2: boolean,
): IHttpRequestOptions {
	const boundary = `----n8nUserProvisioning${Math.random().toString(16).slice(2)}`;
	const encoded = encodeBody(spec, boundary);
	const request: IHttpRequestOptions = {
		method: spec.method,
		url: `${base}${spec.path}`,
		qs: spec.qs,
		headers: {
			Accept: 'application/json',
			...credentialHeaders,
			...(encoded.contentType ? { 'Content-Type': encoded.contentType } : {}),
			...(spec.headers ?? {}),
		},
		body: encoded.body as IHttpRequestOptions['body'],
		json: false,
		encoding: 'text',
		returnFullResponse: true,
		// Every status is an answer, except a 401 behind OAuth2: n8n must see that one thrown to
		// refresh the token and repeat the call. (The object form is n8n 2.x's; 1.x reads it as
		// `true`, and the send loop then repeats a 401 once with errors thrown.)
		ignoreHttpStatusErrors: (oauth2
			? { ignore: true, except: [401] }
			: true) as unknown as IHttpRequestOptions['ignoreHttpStatusErrors'],
		timeout: options.timeout,
		skipSslCertificateValidation: options.allowUnauthorizedCerts,
		arrayFormat: 'brackets',
	};
	if (options.proxy) request.proxy = parseProxy(options.proxy);
	return request;
}

/**
 * One try on the wire, through n8n's authenticated request helper. `credentials` (read once per
 * run) spares n8n reading them again per request; OAuth2 credentials are always left to n8n.
 */
export async function sendOnce(
	n8n: IExecuteFunctions,
	credentialType: string,
	request: IHttpRequestOptions,
	credentials?: ICredentialsDecrypted,
): Promise<WireAnswer | WireFailure> {
	const startedAt = Date.now();
	try {
		const raw = (await n8n.helpers.httpRequestWithAuthentication.call(
			n8n,
			credentialType,
			{ ...request, headers: { ...request.headers } },
			credentials ? { credentialsDecrypted: credentials } : undefined,
		)) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
		return { statusCode: raw.statusCode, headers: lowerKeys(raw.headers), body: raw.body };
	} catch (error) {
		const answer = answerFromError(error);
		if (answer) return { ...answer, thrown: true };
		const code = networkCode(error);
		const timeout = Number(request.timeout ?? 0);
		return {
			error,
			code,
			failure: classifyNetworkCode(code),
			timedOut: timeout > 0 && Date.now() - startedAt >= timeout * 0.95,
		};
	}
}

function lowerKeys(headers: Record<string, unknown> | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = String(v);
	return out;
}

/**
 * An HTTP answer that n8n delivered as a thrown error: a 401 still refused after n8n's OAuth2
 * refresh (axios response in the cause chain), or a refused token request (OAuth error body).
 */
export function answerFromError(error: unknown): WireAnswer | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
		const { response, body, cause } = current as {
			response?: unknown;
			body?: unknown;
			cause?: unknown;
		};
		if (response && typeof response === 'object') {
			const r = response as { status?: unknown; headers?: Record<string, unknown>; data?: unknown };
			// A thrown 2xx is a body that broke off (e.g. the timeout), not an answer.
			if (typeof r.status === 'number' && r.status >= 400) {
				return { statusCode: r.status, headers: lowerKeys(r.headers), body: r.data };
			}
		}
		if (
			body &&
			typeof body === 'object' &&
			typeof (body as { error?: unknown }).error === 'string'
		) {
			const { status, statusCode } = current as { status?: unknown; statusCode?: unknown };
			const code =
				typeof statusCode === 'number' ? statusCode : typeof status === 'number' ? status : 400;
			return { statusCode: code, headers: {}, body };
		}
		current = cause;
	}
	return answerFromErrorFields(error);
}

/**
 * n8n 1.120+ (n8n 1.123.x) wipes `cause` from the errors its request helpers throw; what is left
 * are `httpCode` and `messages`. A numeric code of 400 or more was an answer; EAUTH is the OAuth
 * library refusing the token request (its text for invalid_client is kept).
 */
function answerFromErrorFields(error: unknown): WireAnswer | undefined {
	if (!error || typeof error !== 'object') return undefined;
	const { httpCode, messages, description } = error as {
		httpCode?: unknown;
		messages?: unknown;
		description?: unknown;
	};
	const text =
		Array.isArray(messages) && typeof messages[0] === 'string'
			? messages[0]
			: typeof description === 'string'
				? description
				: '';
	if (httpCode === 'EAUTH') {
		const body = /^Client authentication failed/i.test(text)
			? { error: 'invalid_client' }
			: { error: 'invalid_request', error_description: text };
		return { statusCode: 400, headers: {}, body };
	}
	const status =
		typeof httpCode === 'string' && /^\d{3}$/.test(httpCode) ? Number(httpCode) : undefined;
	if (status !== undefined && status >= 400)
		return { statusCode: status, headers: {}, body: text || null };
	return undefined;
}

/** The transport's error code (ECONNRESET, ECONNABORTED…), wherever n8n wrapped it. */
export function networkCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const { code, httpCode, message, messages } = current as {
			code?: unknown;
			httpCode?: unknown;
			message?: unknown;
			messages?: unknown;
		};
		// n8n 1.123.x keeps the transport's code only in httpCode and its text only in messages.
		for (const c of [code, httpCode])
			if (typeof c === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(c) && c !== 'EAUTH') return c;
		for (const text of [message, ...(Array.isArray(messages) ? messages : [])]) {
			if (typeof text !== 'string') continue;
			if (/socket hang up/i.test(text)) return 'ECONNRESET';
			if (/timeout of \d+ms exceeded/i.test(text)) return 'ECONNABORTED';
			if (/stream has been aborted/i.test(text)) return 'ERR_BAD_RESPONSE';
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function parseProxy(value: string): NonNullable<IHttpRequestOptions['proxy']> {
	const url = new URL(value.includes('://') ? value : `http://${value}`);
	const proxy: NonNullable<IHttpRequestOptions['proxy']> = {
		protocol: url.protocol.replace(':', ''),
		host: url.hostname,
		port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
	};
	if (url.username) {
		proxy.auth = {
			username: decodeURIComponent(url.username),
			password: decodeURIComponent(url.password),
		};
	}
	return proxy;
}
