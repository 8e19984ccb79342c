import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../client/api-client';
import { asObject, toResults } from '../operation/results';
import type { OperationResult, ResultLike } from '../operation/types';
import type { RequestSpec } from '../types';

/**
 * Read the current record, then write: for APIs whose update replaces a whole object (or a
 * nested part of it), so what the user did not touch must be sent back as it was.
 */
export interface ReadThenWrite<I, R extends IDataObject> {
	/** The read, or undefined when this input needs nothing from the current record. */
	read: (input: I) => RequestSpec | undefined;
	/** The writes; empty means the record already is as asked (outcome unchanged). May throw OperationFailure. */
	write: (current: R | undefined, input: I) => RequestSpec[];
	/** The output; default: the last write's answer, or the record as read when nothing was written. */
	output?: (result: WriteResult<R>, input: I) => ResultLike;
}

export interface WriteResult<R> {
	current?: R;
	sent: RequestSpec[];
	bodies: unknown[];
}

export async function runReadThenWrite<I, R extends IDataObject>(
	spec: ReadThenWrite<I, R>,
	input: I,
	api: ApiClient,
): Promise<OperationResult[]> {
	const read = spec.read(input);
	const current = read ? await api.request<R>(read) : undefined;
	const sent = spec.write(current, input);
	const bodies: unknown[] = [];
	for (const request of sent) bodies.push(await api.request(request));
	const result: WriteResult<R> = { current, sent, bodies };
	if (spec.output) return toResults(spec.output(result, input));
	if (sent.length === 0) return [{ json: asObject(current), outcome: 'unchanged' }];
	return [{ json: asObject(bodies[bodies.length - 1]) }];
}

/** The plan for Dry Run: the read (if any) and the writes as they would be without the current record. */
export function planReadThenWrite<I, R extends IDataObject>(
	spec: ReadThenWrite<I, R>,
	input: I,
): RequestSpec[] {
	const read = spec.read(input);
	return [...(read ? [read] : []), ...spec.write(undefined, input)];
}
