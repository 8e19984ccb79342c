import type { IDataObject } from 'n8n-workflow';

import type { RequestSpec } from '../types';
import { type Destination, echoRequest, type RequestEcho } from './echo';

/**
 * What a request was in the story of one item:
 * - `request`: sent for the first time;
 * - `retry`: the same request sent again (after a 429, a 5xx or a lost answer);
 * - `lookup`: asking whether a create whose answer was lost went through.
 */
export type AttemptKind = 'request' | 'retry' | 'lookup';

export interface Attempt {
	kind: AttemptKind;
	/** 1 for the first try of this request. */
	try: number;
	spec: RequestSpec;
	to: Destination;
	/** The status that came back, or why none did. */
	status?: number;
	failure?: string;
}

/** Kept per item; a whole import sends large bodies, so only the most recent are kept. */
const MAX_KEPT = 20;

/**
 * Every request one item sent, retries and lookups included, in order. Echoes are built only
 * when asked for: in bulk runs they would cost CPU for nothing.
 */
export class AttemptLog {
	private readonly attempts: Attempt[] = [];
	private dropped = 0;

	add(attempt: Attempt): Attempt {
		this.attempts.push(attempt);
		if (this.attempts.length > MAX_KEPT) {
			this.attempts.shift();
			this.dropped++;
		}
		return attempt;
	}

	get size(): number {
		return this.attempts.length + this.dropped;
	}

	/** The last request of the operation itself (not a lookup). */
	lastRequest(): Attempt | undefined {
		for (let i = this.attempts.length - 1; i >= 0; i--)
			if (this.attempts[i].kind !== 'lookup') return this.attempts[i];
		return undefined;
	}

	/** Masked echoes of every attempt, labelled, with what came back. */
	echoes(secrets: readonly string[]): IDataObject[] {
		return this.attempts.map((a) => labelled(a, secrets));
	}
}

export function labelled(attempt: Attempt, secrets: readonly string[]): RequestEcho {
	const echo = echoRequest(attempt.spec, attempt.to, secrets);
	const again = attempt.try > 1 ? `, try ${attempt.try}` : '';
	const label =
		attempt.kind === 'retry'
			? `retry (try ${attempt.try})`
			: attempt.kind === 'lookup'
				? `lookup (was the lost create made?${again})`
				: 'request';
	const out: RequestEcho = { label, ...echo };
	if (attempt.status !== undefined) out.status = attempt.status;
	if (attempt.failure) out.failure = attempt.failure;
	return out;
}
