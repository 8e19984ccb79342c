import type { ICredentialsDecrypted, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { parseJsonText } from '../body';
import type { ConcurrencyLimit } from '../pace/concurrency';
import type { Pacer } from '../pace/rate';
import type { ApiResponse, RequestSpec } from '../types';
import type { Attempt, AttemptKind, AttemptLog } from './attempt-log';
import type { Destination } from './echo';
import {
	decide,
	isIdempotent,
	parseRetryAfter,
	RETRY_STATUSES,
	type TryResult,
} from './retry-policy';
import { sendOnce, type WireFailure } from './wire';

/** Everything one send needs, handed in: the loop keeps no state between sends. */
export interface SendInput {
	n8n: IExecuteFunctions;
	credentialType: string;
	/** The run's decrypted credential, handed to n8n's helper (not for OAuth2). */
	credentials?: ICredentialsDecrypted;
	request: IHttpRequestOptions;
	spec: RequestSpec;
	to: Destination;
	kind: Exclude<AttemptKind, 'retry'>;
	maxTries: number;
	/** The unit's index: its requests go before those of later units when the wire is full. */
	order: number;
	/** The unit has sent nothing before this request (it is not sent once the run stops). */
	fresh: boolean;
	backoffBaseMs: number;
	pacer: Pacer;
	concurrency: ConcurrencyLimit;
	log: AttemptLog;
	/** The credential is OAuth2: n8n refreshes the token when it sees a 401 thrown. */
	oauth2: boolean;
	/** Asks whether a create whose answer was lost went through (a separate, logged send). */
	lookUp?: () => Promise<ApiResponse | undefined>;
}

export type SendOutcome =
	| { ok: true; response: ApiResponse; tries: number }
	| { ok: false; failure: WireFailure; tries: number; idempotent: boolean }
	| { ok: false; unreadable: { status: number; body: unknown }; tries: number };

/**
 * Sends until the retry policy says the answer stands. Every try, and every lookup made on the
 * way, goes into the attempt log.
 */
export async function sendWithRetries(input: SendInput): Promise<SendOutcome> {
	const { spec, log, pacer } = input;
	const idempotent = isIdempotent(spec);
	let request = input.request;
	// n8n 1.x: 0 = as usual; 1 = resent so that n8n sees the 401 and refreshes; 2 = back to usual.
	let refreshStep = 0;
	let fresh = input.fresh;
	for (let attempt = 1; ; attempt++) {
		await pacer.acquire();
		const ticket = await input.concurrency.sending(input.order, fresh);
		fresh = false;
		// A lookup's own retries stay lookups in the log.
		const kind = attempt === 1 || input.kind === 'lookup' ? input.kind : 'retry';
		const entry: Attempt = log.add({ kind, try: attempt, spec, to: input.to });
		const wire = await sendOnce(input.n8n, input.credentialType, request, input.credentials);
		let result: TryResult;
		let response: ApiResponse | undefined;
		if ('failure' in wire) {
			entry.failure = wire.code ?? 'no answer';
			input.concurrency.onAnswer('overloaded', ticket, false);
			result = { kind: 'network', failure: wire.failure };
		} else {
			entry.status = wire.statusCode;
			if (wire.statusCode === 429) pacer.onThrottled();
			else pacer.onAnswer();
			input.concurrency.onAnswer(
				wire.statusCode === 429
					? 'throttled'
					: RETRY_STATUSES.has(wire.statusCode)
						? 'overloaded'
						: 'ok',
				ticket,
				wire.statusCode >= 200 && wire.statusCode < 300,
			);
			response = readAnswer(wire.statusCode, wire.headers, wire.body);
			result = {
				kind: 'answer',
				status: wire.statusCode,
				retryAfterMs: parseRetryAfter(wire.headers['retry-after']),
				unreadable2xx: response === undefined,
			};
		}
		if (input.oauth2 && !('failure' in wire) && refreshStep < 2) {
			if (refreshStep === 0 && wire.statusCode === 401 && !wire.thrown) {
				// n8n 1.x has no `except: [401]` and returned the 401 without refreshing the token:
				// once more with every error thrown, so n8n refreshes and repeats the call itself.
				refreshStep = 1;
				request = { ...input.request, ignoreHttpStatusErrors: false };
				attempt--;
				continue;
			}
			if (refreshStep === 1 && wire.thrown && wire.statusCode !== 401) {
				// The token is fresh now, but n8n 1.123 dropped the error's body: ask as usual again.
				refreshStep = 2;
				request = input.request;
				attempt--;
				continue;
			}
		}
		const decision = decide(result, {
			attempt,
			maxTries: input.maxTries,
			idempotent,
			canLookUp: !!input.lookUp,
			backoffBaseMs: input.backoffBaseMs,
		});
		switch (decision.action) {
			case 'retry':
				await rest(
					input.concurrency,
					decision.waitMs,
					result.kind === 'answer' && result.status === 429,
				);
				continue;
			case 'lookUp': {
				// Give a create still in progress on the server time to land before looking.
				await sleep(decision.waitMs);
				const found = await (input.lookUp as NonNullable<SendInput['lookUp']>)();
				if (found) return { ok: true, response: found, tries: attempt };
				continue;
			}
			case 'fail':
				if ('failure' in wire) return { ok: false, failure: wire, tries: attempt, idempotent };
				return {
					ok: false,
					unreadable: { status: wire.statusCode, body: wire.body },
					tries: attempt,
				};
			case 'done':
				if ('failure' in wire) return { ok: false, failure: wire, tries: attempt, idempotent };
				return {
					ok: true,
					response: response ?? {
						statusCode: wire.statusCode,
						headers: wire.headers,
						body: wire.body,
					},
					tries: attempt,
				};
		}
	}
}

/** Waits before a retry; an item waiting out a 429 does not hold back the others meanwhile. */
async function rest(concurrency: ConcurrencyLimit, ms: number, throttled: boolean): Promise<void> {
	if (!throttled) return await sleep(ms);
	concurrency.restStarted();
	try {
		await sleep(ms);
	} finally {
		concurrency.restEnded();
	}
}

/** The answer with its JSON parsed; undefined for a 2xx that is not JSON (an error status keeps its text). */
function readAnswer(
	status: number,
	headers: Record<string, string>,
	raw: unknown,
): ApiResponse | undefined {
	try {
		return { statusCode: status, headers, body: parseJsonText(raw) };
	} catch {
		if (status >= 200 && status < 300) return undefined;
		return { statusCode: status, headers, body: typeof raw === 'string' ? raw : String(raw) };
	}
}
