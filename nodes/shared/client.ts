import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { encodeBody, parseJsonText } from './body';
import { apiError, bodyExcerpt, statusText } from './errors';
import { isSecretKey, MASK, maskDeep, maskPairs, maskString } from './mask';
import type { RequestOptions } from './options';
import type { Pacer } from './pacer';
import type { ParameterReader } from './parameters';
import {
	backoffMs,
	classifyNetworkCode,
	isIdempotent,
	MAX_RETRY_AFTER_MS,
	mayRetryNetwork,
	type NetworkFailure,
	parseRetryAfter,
	RETRY_STATUSES,
} from './retry';
import { type ApiResponse, fileSize, type Platform, type RequestSpec } from './types';

const MAX_KEPT_REQUESTS = 20;

/** What one node run shares between its items. Created per execute(): nothing survives it. */
export interface RunState {
	ctx: IExecuteFunctions;
	platform: Platform;
	pacer: Pacer;
	credentials: Map<string, ICredentialDataDecryptedObject>;
	secretValues: Set<string>;
	inFlight: number;
	/** Base for backoff delays; tests shorten it. */
	backoffBaseMs: number;
	/** Node parameters, fixed ones read once per run. */
	read: ParameterReader;
}

/** The masked picture of a request, for "Include Request Details" and "Dry Run". */
export interface RequestEcho extends IDataObject {
	url: string;
	method: string;
	headers: IDataObject;
}

export class ApiClient {
	/** What went out, kept raw: echoes are built only when asked for (they cost CPU in bulk runs). */
	private readonly sentSpecs: Array<{ spec: RequestSpec; base: string; headers: Record<string, string> }> = [];
	/** Tries used by the last call, for messages and tests. */
	lastTries = 0;
	/** Set when a lost create answer was recovered by looking the record up. */
	recovered = false;

	constructor(
		private readonly run: RunState,
		readonly itemIndex: number,
		readonly resource: string,
		readonly options: RequestOptions,
	) {}

	get secrets(): string[] {
		return [...this.run.secretValues];
	}

	private async credentials(): Promise<{ type: string; data: ICredentialDataDecryptedObject }> {
		const type = this.run.platform.credentialType(this.resource);
		const cached = this.run.credentials.get(type);
		if (cached) return { type, data: cached };
		const data = await this.run.ctx.getCredentials<ICredentialDataDecryptedObject>(type, this.itemIndex);
		this.run.credentials.set(type, data);
		collectSecrets(data, this.run.platform.secretCredentialFields, this.run.secretValues);
		return { type, data };
	}

	async baseUrl(): Promise<string> {
		const { data } = await this.credentials();
		return this.run.platform.baseUrl(data, this.resource);
	}

	/** Headers the platform derives from the credential, sent on every call. */
	private async credentialHeaders(): Promise<Record<string, string>> {
		const { data } = await this.credentials();
		return this.run.platform.headers?.(data, this.resource) ?? {};
	}

	/** Masked echoes of the requests sent so far, in order. */
	get sent(): RequestEcho[] {
		return this.sentSpecs.map(({ spec, base, headers }) => this.echoWith(spec, base, headers));
	}

	/** The masked echo of the last request sent, if any. */
	lastSent(): RequestEcho | undefined {
		const last = this.sentSpecs[this.sentSpecs.length - 1];
		return last ? this.echoWith(last.spec, last.base, last.headers) : undefined;
	}

	/** The masked echo of a request, as it would go out. */
	async echo(spec: RequestSpec): Promise<RequestEcho> {
		return this.echoWith(spec, await this.baseUrl(), await this.credentialHeaders());
	}

	private echoWith(spec: RequestSpec, base: string, fromCredential: Record<string, string>): RequestEcho {
		const auth = this.run.platform.authEcho(this.resource);
		const query = new URLSearchParams();
		for (const [k, v] of Object.entries({ ...(spec.qs ?? {}), ...(auth.qs ?? {}) })) {
			if (v === undefined || v === null) continue;
			if (Array.isArray(v)) v.forEach((x) => query.append(k, String(x)));
			else query.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
		}
		const qs = query.toString();
		const url = `${base}${spec.path}${qs ? `?${qs.replace(/%2A%2A%2A/g, MASK)}` : ''}`;
		const headers: IDataObject = { ...fromCredential, ...(spec.headers ?? {}), ...(auth.headers ?? {}) };
		const echo: RequestEcho = { url: maskString(url, this.secrets), method: spec.method, headers };
		if (spec.body !== undefined) echo.body = maskDeep(spec.body, this.secrets);
		if (spec.form) echo.form = maskPairs(spec.form, this.secrets).map(([k, v]) => ({ [k]: v }));
		if (spec.multipart) {
			echo.multipart = {
				fields: maskPairs(spec.multipart.fields ?? [], this.secrets).map(([k, v]) => ({ [k]: v })),
				files: spec.multipart.files.map((f) => ({
					field: f.field,
					filename: f.filename,
					contentType: f.contentType,
					bytes: fileSize(f),
				})),
			};
		}
		return maskDeep(echo, this.secrets);
	}

	/** Send with retries; answers any HTTP status. Throws only when no answer could be had. */
	async send(spec: RequestSpec): Promise<ApiResponse> {
		const { type, data } = await this.credentials();
		const base = this.run.platform.baseUrl(data, this.resource);
		const idempotent = isIdempotent(spec);
		const fromCredential = this.run.platform.headers?.(data, this.resource) ?? {};
		this.sentSpecs.push({ spec, base, headers: fromCredential });
		// A whole-run import sends many large bodies through one client: keep only the recent ones.
		if (this.sentSpecs.length > MAX_KEPT_REQUESTS) this.sentSpecs.shift();
		const boundary = `----n8nUserProvisioning${Math.random().toString(16).slice(2)}`;
		const encoded = encodeBody(spec, boundary);
		const request: IHttpRequestOptions = {
			method: spec.method,
			url: `${base}${spec.path}`,
			qs: spec.qs,
			headers: {
				Accept: 'application/json',
				...fromCredential,
				...(encoded.contentType ? { 'Content-Type': encoded.contentType } : {}),
				...(spec.headers ?? {}),
			},
			body: encoded.body as IHttpRequestOptions['body'],
			json: false,
			encoding: 'text',
			returnFullResponse: true,
			// Every status comes back as an answer, except a 401 behind OAuth2: n8n must see that
			// one thrown to refresh the token and repeat the call.
			ignoreHttpStatusErrors: this.run.platform.oauth2 ? { ignore: true, except: [401] } : true,
			timeout: this.options.timeout,
			skipSslCertificateValidation: this.options.allowUnauthorizedCerts,
			arrayFormat: 'brackets',
		};
		if (this.options.proxy) request.proxy = parseProxy(this.options.proxy);

		const maxTries = this.options.maxTries;
		for (let attempt = 1; ; attempt++) {
			this.lastTries = attempt;
			await this.run.pacer.acquire();
			const tried = await this.attempt(type, request);
			const canTryAgain = attempt < maxTries;
			if ('error' in tried) {
				if (canTryAgain && mayRetryNetwork(tried.failure, idempotent)) {
					await sleep(backoffMs(attempt, this.run.backoffBaseMs));
					continue;
				}
				// A create that may have gone through: look before sending it again.
				if (canTryAgain && spec.verify && tried.failure === 'maybe-sent') {
					const found = await this.lookFor(spec.verify, attempt);
					if (found) return found;
					continue;
				}
				throw this.networkError(spec, tried.error, tried.code, attempt, idempotent, tried.timedOut);
			}
			const status = tried.statusCode;
			if (status === 429) {
				this.run.pacer.onThrottled();
				const retryAfter = parseRetryAfter(tried.headers['retry-after']);
				const canWait = retryAfter === undefined || retryAfter <= MAX_RETRY_AFTER_MS;
				// Throttling is expected in bulk runs: it has a budget of its own, so a run slows
				// down instead of failing, and still ends when the service keeps refusing.
				if (maxTries > 1 && attempt < maxTries * 4 && canWait) {
					await sleep(retryAfter ?? backoffMs(attempt, this.run.backoffBaseMs));
					continue;
				}
			} else if (RETRY_STATUSES.has(status) && canTryAgain) {
				this.run.pacer.onAnswer();
				if (idempotent) {
					await sleep(backoffMs(attempt, this.run.backoffBaseMs, 30_000) + (parseRetryAfter(tried.headers['retry-after']) ?? 0));
					continue;
				}
				if (spec.verify) {
					const found = await this.lookFor(spec.verify, attempt);
					if (found) return found;
					continue;
				}
			} else {
				this.run.pacer.onAnswer();
			}
			let body: unknown;
			try {
				body = parseJsonText(tried.body);
			} catch {
				if (status >= 200 && status < 300) {
					if (canTryAgain && idempotent) {
						await sleep(backoffMs(attempt, this.run.backoffBaseMs));
						continue;
					}
					throw apiError(this.run.ctx.getNode(), {
						statusCode: status,
						message: `${this.run.platform.displayName} answered ${spec.method} ${spec.path} with a body that is not valid JSON`,
						description: `Body starts with: ${bodyExcerpt(tried.body, 200)}`,
						itemIndex: this.itemIndex,
						secretValues: this.secrets,
					});
				}
				body = typeof tried.body === 'string' ? tried.body : String(tried.body);
			}
			return { statusCode: status, headers: tried.headers, body };
		}
	}

	/** One try on the wire: an answer with any status, or the reason there was none. */
	private async attempt(
		type: string,
		request: IHttpRequestOptions,
	): Promise<
		| { statusCode: number; headers: Record<string, string>; body: unknown }
		| { error: unknown; code?: string; failure: NetworkFailure; timedOut: boolean }
	> {
		this.run.inFlight++;
		const startedAt = Date.now();
		try {
			const raw = (await this.run.ctx.helpers.httpRequestWithAuthentication.call(this.run.ctx, type, {
				...request,
				headers: { ...request.headers },
			})) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
			return { statusCode: raw.statusCode, headers: lowerKeys(raw.headers), body: raw.body };
		} catch (error) {
			const answer = answerFromError(error);
			if (answer) return answer;
			const code = networkCode(error);
			return {
				error,
				code,
				failure: classifyNetworkCode(code),
				timedOut: Date.now() - startedAt >= this.options.timeout * 0.95,
			};
		} finally {
			this.run.inFlight--;
		}
	}

	/**
	 * After a create's answer was lost, ask the service whether the record now exists.
	 * Found: that is the answer (no duplicate). Not found: the create did not happen.
	 */
	private async lookFor(verify: NonNullable<RequestSpec['verify']>, attempt: number): Promise<ApiResponse | undefined> {
		// Give a create still in progress on the server time to land before looking.
		await sleep(backoffMs(attempt, this.run.backoffBaseMs));
		const tries = this.lastTries;
		const body = await this.request(verify.request);
		this.lastTries = tries;
		const found = verify.find(body);
		if (found === undefined || found === null) return undefined;
		this.recovered = true;
		return { statusCode: 200, headers: {}, body: found };
	}

	/** Send and return the parsed body of a 2xx answer; anything else becomes a NodeApiError. */
	async request<T = unknown>(spec: RequestSpec): Promise<T> {
		const response = await this.send(spec);
		if (response.statusCode >= 200 && response.statusCode < 300) return response.body as T;
		throw this.httpError(spec, response);
	}

	httpError(spec: RequestSpec, response: ApiResponse): Error {
		const platform = this.run.platform;
		const { statusCode, body } = response;
		const detail = platform.errorMessage(statusCode, body, this.resource);
		const hint = platform.errorHint?.(statusCode, body, this.resource);
		const tries = this.lastTries > 1 ? ` (after ${this.lastTries} tries)` : '';
		const message = `${platform.displayName} ${statusCode}: ${detail ?? statusText(statusCode)}${tries}`;
		const description = [hint, `${spec.method} ${spec.path}`, detail ? undefined : bodyExcerpt(body)]
			.filter((x): x is string => !!x)
			.join(' — ');
		return apiError(this.run.ctx.getNode(), {
			statusCode,
			message,
			description,
			itemIndex: this.itemIndex,
			secretValues: this.secrets,
		});
	}

	private networkError(
		spec: RequestSpec,
		error: unknown,
		code: string | undefined,
		attempt: number,
		idempotent: boolean,
		timedOut: boolean,
	): Error {
		const text = error instanceof Error ? error.message : String(error);
		// n8n replaces messages that name a socket error code with generic text, so the code
		// goes in the description and the message says what happened in words.
		const what = timedOut || code === 'ECONNABORTED' || /timeout/i.test(text)
			? `timed out after ${this.options.timeout} ms`
			: `failed: ${NETWORK_WORDS[code ?? ''] ?? 'no answer came back'}`;
		const notRetried =
			!idempotent && classifyNetworkCode(code) === 'maybe-sent'
				? ' It was not re-sent, because the service may already have acted on it: check before running again.'
				: '';
		return apiError(this.run.ctx.getNode(), {
			message: `${this.run.platform.displayName}: ${spec.method} ${spec.path} ${what}${attempt > 1 ? ` (after ${attempt} tries)` : ''}.${notRetried}`,
			description: `${code ? `${code}: ` : ''}${text}`,
			itemIndex: this.itemIndex,
			secretValues: this.secrets,
		});
	}
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

function lowerKeys(headers: Record<string, unknown> | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = String(v);
	return out;
}

/**
 * An HTTP answer that n8n delivered as a thrown error: a 401 still refused after n8n's OAuth2
 * refresh (axios response in the cause chain), or a refused token request (OAuth error body).
 */
export function answerFromError(
	error: unknown,
): { statusCode: number; headers: Record<string, string>; body: unknown } | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
		const { response, body, cause } = current as { response?: unknown; body?: unknown; cause?: unknown };
		if (response && typeof response === 'object') {
			const r = response as { status?: unknown; headers?: Record<string, unknown>; data?: unknown };
			// A thrown 2xx is a body that broke off (e.g. the timeout), not an answer.
			if (typeof r.status === 'number' && r.status >= 400) {
				return { statusCode: r.status, headers: lowerKeys(r.headers), body: r.data };
			}
		}
		if (body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string') {
			const { status, statusCode } = current as { status?: unknown; statusCode?: unknown };
			const code = typeof statusCode === 'number' ? statusCode : typeof status === 'number' ? status : 400;
			return { statusCode: code, headers: {}, body };
		}
		current = cause;
	}
	return undefined;
}

/** The transport's error code (ECONNRESET, ECONNABORTED…), wherever n8n wrapped it. */
export function networkCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const { code, message } = current as { code?: unknown; message?: unknown };
		if (typeof code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(code)) return code;
		if (typeof message === 'string') {
			if (/socket hang up/i.test(message)) return 'ECONNRESET';
			if (/timeout of \d+ms exceeded/i.test(message)) return 'ECONNABORTED';
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
		proxy.auth = { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
	}
	return proxy;
}

/** Remember every secret the credential holds, so it can be masked anywhere it shows up. */
function collectSecrets(data: unknown, fields: string[], into: Set<string>, key = ''): void {
	if (typeof data === 'string') {
		if (fields.includes(key) || isSecretKey(key)) {
			if (data.length >= 4) into.add(data);
		}
		return;
	}
	if (data && typeof data === 'object') {
		for (const [k, v] of Object.entries(data as Record<string, unknown>)) collectSecrets(v, fields, into, k);
	}
}
