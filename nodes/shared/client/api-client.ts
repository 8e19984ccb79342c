import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { RequestOptions } from '../options';
import type { ApiResponse, RequestSpec } from '../types';
import { AttemptLog, type AttemptKind } from './attempt-log';
import type { RunContext } from './context';
import { type Destination, echoRequest, type RequestEcho } from './echo';
import { type ErrorPlace, httpError, networkError, unreadableError } from './messages';
import { sendWithRetries } from './send-loop';
import { buildRequest } from './wire';

/**
 * The client one item (or one bulk chunk) talks to its platform through: auth via n8n's
 * credential helper, retries by the one policy, lookups before re-sending creates, and an
 * attempt log that Include Request Details and error texts read.
 */
export class ApiClient {
	readonly log = new AttemptLog();
	/** The base URL of the last request, for the full path in error texts. */
	private base?: string;
	/** The credential type of the last request, for error texts. */
	private credentialType?: string;

	/**
	 * `order`: where this unit's requests stand in line for the wire and when the run stops
	 * (its item index unless the unit has no item of its own, e.g. a Sync removal).
	 */
	constructor(
		private readonly run: RunContext,
		readonly itemIndex: number,
		readonly resource: string,
		readonly options: RequestOptions,
		private readonly order = itemIndex,
	) {}

	get secrets(): readonly string[] {
		return this.run.credentials.secrets;
	}

	private async credential(): Promise<{ type: string; data: ICredentialDataDecryptedObject }> {
		const type = this.run.platform.credentialType(this.resource, (name) =>
			this.run.read(name, this.itemIndex, undefined),
		);
		this.credentialType = type;
		return { type, data: await this.run.credentials.get(type, this.itemIndex) };
	}

	/** Where requests go: the base URL and the headers the credential adds. */
	async destination(): Promise<Destination> {
		const { platform } = this.run;
		const { data } = await this.credential();
		return {
			base: platform.baseUrl(data, this.resource),
			headers: platform.headers?.(data, this.resource) ?? {},
			auth: platform.authEcho(this.resource),
		};
	}

	/** The masked echo of a request, as it would go out. */
	async echo(spec: RequestSpec): Promise<RequestEcho> {
		return echoRequest(spec, await this.destination(), this.secrets);
	}

	/** Send with retries; answers any HTTP status. Throws only when no (readable) answer could be had. */
	async send(spec: RequestSpec): Promise<ApiResponse> {
		return (await this.sendLogged(spec, 'request')).response;
	}

	/** Send and return the parsed body of a 2xx answer; anything else becomes a NodeApiError. */
	async request<T = unknown>(spec: RequestSpec): Promise<T> {
		const { response, tries } = await this.sendLogged(spec, 'request');
		if (response.statusCode >= 200 && response.statusCode < 300) return response.body as T;
		throw httpError(this.place(tries), spec, response);
	}

	/** An error for an answer the caller judged a failure. */
	httpError(spec: RequestSpec, response: ApiResponse, tries = 1): Error {
		return httpError(this.place(tries), spec, response);
	}

	private place(tries: number): ErrorPlace {
		return {
			node: this.run.n8n.getNode(),
			platform: this.run.platform,
			resource: this.resource,
			itemIndex: this.itemIndex,
			secrets: this.secrets,
			tries,
			base: this.base,
			credentialType: this.credentialType,
		};
	}

	private async sendLogged(
		spec: RequestSpec,
		kind: Exclude<AttemptKind, 'retry'>,
	): Promise<{ response: ApiResponse; tries: number }> {
		const { type } = await this.credential();
		const credentials = await this.run.credentials.decrypted(type, this.itemIndex);
		const to = await this.destination();
		this.base = to.base;
		const request = buildRequest(
			spec,
			to.base,
			to.headers,
			this.options,
			!!this.run.platform.oauth2,
		);
		const verify = spec.verify;
		const outcome = await sendWithRetries({
			n8n: this.run.n8n,
			credentialType: type,
			// OAuth2 tokens are n8n's to read, refresh and store.
			credentials: this.run.platform.oauth2 ? undefined : credentials,
			request,
			spec,
			to,
			kind,
			maxTries: this.options.maxTries,
			order: this.order,
			fresh: this.log.size === 0,
			backoffBaseMs: this.run.backoffBaseMs,
			pacer: this.run.pacer,
			concurrency: this.run.concurrency,
			oauth2: !!this.run.platform.oauth2,
			log: this.log,
			lookUp: verify ? () => this.lookFor(verify) : undefined,
		});
		if (outcome.ok) return outcome;
		if ('failure' in outcome) {
			throw networkError(
				this.place(outcome.tries),
				spec,
				outcome.failure,
				outcome.idempotent,
				this.options.timeout,
			);
		}
		throw unreadableError(
			this.place(outcome.tries),
			spec,
			outcome.unreadable.status,
			outcome.unreadable.body,
		);
	}

	/**
	 * After a create's answer was lost, ask the service whether the record now exists.
	 * Found: that is the answer (no duplicate). Not found: the create did not happen.
	 */
	private async lookFor(
		verify: NonNullable<RequestSpec['verify']>,
	): Promise<ApiResponse | undefined> {
		const { response, tries } = await this.sendLogged(verify.request, 'lookup');
		if (response.statusCode < 200 || response.statusCode >= 300)
			throw httpError(this.place(tries), verify.request, response);
		const found = verify.find(response.body);
		if (found === undefined || found === null) return undefined;
		return { statusCode: 200, headers: {}, body: found };
	}
}
