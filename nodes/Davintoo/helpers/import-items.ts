import type { IDataObject } from 'n8n-workflow';
import type { z } from 'zod';

import type { RequestSpec } from '../../shared/types';
import { type DavintooUser, optionalFields, requiredFields } from './user-fields';
import type { Normaliser } from './values';

export type CheckedUser = { ok: true; user: DavintooUser } | { ok: false; issues: z.ZodIssue[] };

const FIELDS: Record<string, Normaliser> = { ...requiredFields, ...optionalFields };
const REQUIRED = Object.keys(requiredFields);

/**
 * One input item's JSON as a user, fields named as the API names them. Plain functions, not
 * zod, check the fields the item has: with 100,000 items a zod parse per item costs minutes.
 */
export function checkUserItem(json: IDataObject, ignoreUnknown: boolean): CheckedUser {
	const user: Record<string, unknown> = {};
	const issues: z.ZodIssue[] = [];
	const take = (key: string, normalise: Normaliser) => {
		const r = normalise(json[key]);
		if ('error' in r) issues.push({ code: 'custom', path: [key], message: r.error });
		else if (r.value !== undefined) user[key] = r.value;
	};
	for (const key of REQUIRED) take(key, FIELDS[key]);
	for (const key of Object.keys(json)) {
		if (REQUIRED.includes(key)) continue;
		const normalise = FIELDS[key];
		if (normalise) take(key, normalise);
		else if (!ignoreUnknown) {
			issues.push({
				code: 'custom',
				path: [key],
				message: `is not a Davintoo user field (use the API names: ${REQUIRED.join(', ')}, …), or turn on Ignore Unknown Fields`,
			});
		}
	}
	return issues.length ? { ok: false, issues } : { ok: true, user: user as DavintooUser };
}

/** A full CSV file for /users-import/csv. */
export const csvSpec = (data: Buffer | Buffer[], filename: string): RequestSpec => ({
	method: 'POST',
	path: '/users-import/csv',
	multipart: { files: [{ field: 'file', filename, contentType: 'text/csv', data }] },
	// The same full file twice leaves the portal in the same state: safe to send again.
	idempotent: true,
});
