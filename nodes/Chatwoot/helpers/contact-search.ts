import type { IDataObject } from 'n8n-workflow';

import type { RequestSpec } from '../../shared/types';
import type { ChatwootContact } from './contact-fields';
import { payloadList } from './payload';

/** One page of Chatwoot's contact search (a part of name, email, phone number or identifier). */
export function contactSearchRequest(query: string, page: number, sort = ''): RequestSpec {
	return {
		method: 'GET',
		path: '/contacts/search',
		qs: sort ? { q: query, page, sort } : { q: query, page },
	};
}

/** The fields a contact can be matched by, with their labels for messages. */
export const MATCH_FIELDS = {
	email: 'Email',
	phone_number: 'Phone Number',
	identifier: 'Identifier',
} as const;
export type MatchBy = keyof typeof MATCH_FIELDS;

/** Chatwoot's search matches parts of several fields; only an exact match on the chosen one counts. */
export function exactMatches(
	contacts: ChatwootContact[],
	matchBy: MatchBy,
	wanted: string,
): ChatwootContact[] {
	const norm = (s: unknown) => {
		const text = typeof s === 'string' ? s.trim() : '';
		if (matchBy === 'email') return text.toLowerCase();
		if (matchBy === 'phone_number') return text.replace(/[\s()-]/g, '');
		return text;
	};
	const target = norm(wanted);
	return contacts.filter((c) => norm(c[matchBy]) === target);
}

/**
 * For Create: after a lost answer, search for the contact by email (or identifier) before
 * sending again. Without either, nothing identifies the contact, and the create is not re-sent.
 */
export function contactLookup(fields: {
	email?: string;
	identifier?: string;
}): RequestSpec['verify'] {
	const key = fields.email ? 'email' : fields.identifier ? 'identifier' : undefined;
	if (!key) return undefined;
	const wanted = String(fields[key]).toLowerCase();
	return {
		request: contactSearchRequest(String(fields[key]), 1),
		find: (body) =>
			payloadList(body).find((c: IDataObject) => String(c[key] ?? '').toLowerCase() === wanted),
	};
}
