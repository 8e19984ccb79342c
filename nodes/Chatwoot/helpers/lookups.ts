import type { IDataObject } from 'n8n-workflow';

import type { RequestSpec } from '../../shared/types';
import { listAt, type ListPath } from './responses';

/**
 * For a create: where to look after a lost answer before sending it again. Chatwoot keeps the
 * key unique in the account (a label's title, a team's name, a webhook's URL…), so a match is
 * the record the lost request made.
 */
export function lookIn(
	request: RequestSpec,
	path: ListPath,
	match: (record: IDataObject) => boolean,
): RequestSpec['verify'] {
	return { request, find: (body) => listAt(body, path).find(match) };
}

/** Text compared the way Chatwoot's unique indexes do (case-insensitive). */
export const sameText = (a: unknown, b: unknown): boolean =>
	typeof a === 'string' &&
	typeof b === 'string' &&
	a.trim().toLowerCase() === b.trim().toLowerCase();
