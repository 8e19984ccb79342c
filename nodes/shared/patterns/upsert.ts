import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../client/api-client';
import { asObject } from '../operation/results';
import { OperationFailure, type OperationResult } from '../operation/types';
import type { RequestSpec } from '../types';

/**
 * Declarative upsert: find → compare → create / update / unchanged. The create always carries
 * the lookup-before-resend built from `find`, so a create whose answer was lost is looked up
 * instead of failing or being sent twice; the outcome is counted in the summary.
 */
export interface Upsert<I, R extends IDataObject> {
	/** What the record is called in messages: "user", "target user", "contact". */
	what: string;
	/** How the record is named in messages, e.g. `"anna"` or `email "a@b.c"`. */
	key: (input: I) => string;
	find: Find<I, R>;
	/** Requests that bring an existing record in line; empty when it already matches. May throw OperationFailure. */
	update: (existing: R, input: I) => RequestSpec[];
	/** The create request (its lookup is added here). */
	create: (input: I) => RequestSpec;
	/** Fields only a create needs, as [label, value]; missing ones are reported and nothing is sent. */
	requiredToCreate?: (input: I) => Array<[label: string, value: unknown]>;
	/** The output item; default: the answer (created, updated) or the record as found (unchanged). */
	output?: (result: UpsertResult<R>, input: I) => IDataObject;
	/** Text when several records match, e.g. how to merge them. */
	duplicatesHint?: string;
}

export interface Find<I, R> {
	/** The lookup request; `page` counts from 1 for finds that page. */
	request: (input: I, page: number) => RequestSpec;
	/** The records in one answer that match exactly (search endpoints often match partly). */
	match: (body: unknown, input: I) => R[];
	/** Whether another page may hold more matches; default: one request is enough. */
	more?: (body: unknown, page: number) => boolean;
	/**
	 * A key the platform keeps unique: the first match ends the search (default true). A function
	 * when it depends on the input (e.g. match by email, unique, or by phone, not unique).
	 */
	unique?: boolean | ((input: I) => boolean);
	maxPages?: number;
}

export interface UpsertResult<R> {
	outcome: 'created' | 'updated' | 'unchanged';
	/** The record as found (updated, unchanged). */
	existing?: R;
	/** What was sent and the answers, in order. */
	sent: RequestSpec[];
	bodies: unknown[];
}

/** The lookup the create carries: the first page of the find, first exact match. */
export function lookupFor<I, R extends IDataObject>(
	find: Find<I, R>,
	input: I,
): NonNullable<RequestSpec['verify']> {
	return { request: find.request(input, 1), find: (body) => find.match(body, input)[0] };
}

async function findAll<I, R extends IDataObject>(
	api: ApiClient,
	find: Find<I, R>,
	input: I,
): Promise<R[]> {
	const found: R[] = [];
	const unique = typeof find.unique === 'function' ? find.unique(input) : (find.unique ?? true);
	for (let page = 1; page <= (find.maxPages ?? 100); page++) {
		const body = await api.request(find.request(input, page));
		found.push(...find.match(body, input));
		if (unique && found.length > 0) break;
		if (!find.more?.(body, page)) break;
	}
	return found;
}

export async function runUpsert<I, R extends IDataObject>(
	spec: Upsert<I, R>,
	input: I,
	api: ApiClient,
): Promise<OperationResult> {
	const found = await findAll(api, spec.find, input);
	if (found.length > 1) {
		const ids = found.map((r) => String(r.id ?? r.resourceId ?? r.uid ?? '?')).join(', ');
		throw new OperationFailure(
			`${found.length} ${spec.what}s have ${spec.key(input)} (IDs ${ids}); nothing was changed`,
			spec.duplicatesHint ??
				'Make the key unique on the platform, or match by a key that is unique.',
		);
	}
	const sent: RequestSpec[] = [];
	const bodies: unknown[] = [];
	const send = async (request: RequestSpec) => {
		sent.push(request);
		bodies.push(await api.request(request));
	};
	let result: UpsertResult<R>;
	const [existing] = found;
	if (existing) {
		const requests = spec.update(existing, input);
		for (const request of requests) await send(request);
		result = { outcome: requests.length ? 'updated' : 'unchanged', existing, sent, bodies };
	} else {
		const missing = (spec.requiredToCreate?.(input) ?? [])
			.filter(([, v]) => v === undefined || v === '')
			.map(([label]) => label);
		if (missing.length) {
			throw new OperationFailure(
				`${missing.join(', ')}: ${missing.length > 1 ? 'are' : 'is'} required to create the new ${spec.what} ${spec.key(input)}`,
				`No ${spec.what} has ${spec.key(input)}, so it would be created. Nothing was created.`,
			);
		}
		await send({ ...spec.create(input), verify: lookupFor(spec.find, input) });
		result = { outcome: 'created', sent, bodies };
	}
	const json = spec.output ? spec.output(result, input) : defaultOutput(result);
	return { json, outcome: result.outcome };
}

function defaultOutput<R extends IDataObject>(result: UpsertResult<R>): IDataObject {
	if (result.outcome === 'unchanged') return result.existing as IDataObject;
	return asObject(result.bodies[0]);
}
