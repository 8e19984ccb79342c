import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, type OperationResult } from '../../../shared/operation';
import type { ApiClient } from '../../../shared/client';
import {
	type ChatwootContact,
	contactBody,
	contactEmail,
	contactFieldOptions,
	contactFieldsInput,
	contactPath,
	contactPhone,
	unwrapContact,
} from './fields';
import { contactPage, CONTACTS_PAGE_SIZE } from './paging';

const MATCH_FIELDS = { email: 'Email', phone_number: 'Phone Number', identifier: 'Identifier' } as const;
type MatchBy = keyof typeof MATCH_FIELDS;

const input = z
	.object({
		matchBy: z.enum(['email', 'phone_number', 'identifier']),
		email: contactEmail,
		phoneNumber: contactPhone,
		identifier: z.preprocess((v) => (typeof v === 'string' ? v.trim() || undefined : v), z.string().optional()),
		additionalFields: contactFieldsInput,
	})
	.superRefine((v, ctx) => {
		const key = v.matchBy === 'phone_number' ? 'phoneNumber' : v.matchBy;
		if (!v[key]) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: `is required to match by ${MATCH_FIELDS[v.matchBy]}` });
	});

type Input = z.output<typeof input>;

/** The wanted contact: the identity fields on top, the rest from Additional Fields. */
export function wantedBody(value: Input): IDataObject {
	return contactBody({
		...value.additionalFields,
		email: value.email,
		phoneNumber: value.phoneNumber,
		identifier: value.identifier,
	});
}

export function matchValue(value: Input): string {
	const v = value.matchBy === 'email' ? value.email : value.matchBy === 'phone_number' ? value.phoneNumber : value.identifier;
	return String(v);
}

/** Chatwoot's search matches parts of several fields; only an exact match on the chosen one counts. */
export function exactMatches(contacts: ChatwootContact[], matchBy: MatchBy, wanted: string): ChatwootContact[] {
	const norm = (s: unknown) => {
		const text = typeof s === 'string' ? s.trim() : '';
		if (matchBy === 'email') return text.toLowerCase();
		if (matchBy === 'phone_number') return text.replace(/[\s()-]/g, '');
		return text;
	};
	const target = norm(wanted);
	return contacts.filter((c) => norm(c[matchBy]) === target);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What differs on the existing contact; attribute objects compare key by key, as Chatwoot merges them. */
export function contactChanges(existing: ChatwootContact, wanted: IDataObject): IDataObject {
	const changes: IDataObject = {};
	for (const [key, value] of Object.entries(wanted)) {
		if (key === 'inbox_id') continue; // only used when creating
		if (key === 'custom_attributes' || key === 'additional_attributes') {
			const current = (existing[key] ?? {}) as IDataObject;
			const differs = Object.entries(value as IDataObject).some(([k, v]) => !same(current[k], v));
			if (differs) changes[key] = value;
			continue;
		}
		const current = existing[key];
		const equal = key === 'email' ? String(current ?? '').toLowerCase() === String(value).toLowerCase() : same(current, value);
		if (!equal) changes[key] = value;
	}
	return changes;
}

/** Search pages are read to the end of the list Chatwoot gives, but never more than this many. */
const MAX_SEARCH_PAGES = 100;

/**
 * Page through the search: an exact match can sit behind many partial ones. Email and identifier
 * are unique in an account, so the first hit ends the search; phone numbers are read to the end
 * to catch duplicates.
 */
async function findExact(api: ApiClient, matchBy: MatchBy, needle: string): Promise<ChatwootContact[]> {
	const found: ChatwootContact[] = [];
	for (let page = 1; page <= MAX_SEARCH_PAGES; page++) {
		const response = await api.request({ method: 'GET', path: '/contacts/search', qs: { q: needle, page } });
		const { items, hasMore } = contactPage(response, page);
		found.push(...exactMatches(items as ChatwootContact[], matchBy, needle));
		if (found.length > 0 && matchBy !== 'phone_number') break;
		if (items.length === 0 || hasMore === false) break;
		if (hasMore === undefined && items.length < CONTACTS_PAGE_SIZE) break;
	}
	return found;
}

export const upsert = defineOperation({
	resource: 'contact',
	operation: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a contact',
	description: 'Update the contact with this email, phone number or identifier, or create it if there is none',
	properties: [
		{
			displayName: 'Match By',
			name: 'matchBy',
			type: 'options',
			options: [
				{ name: 'Email', value: 'email' },
				{ name: 'Identifier', value: 'identifier' },
				{ name: 'Phone Number', value: 'phone_number' },
			],
			default: 'email',
			description: 'Which field finds the existing contact (exact match; email ignores case)',
		},
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			placeholder: '+15551234567',
			default: '',
			description: 'In E.164 format: + and the country code',
		},
		{
			displayName: 'Identifier',
			name: 'identifier',
			type: 'string',
			default: '',
			description: 'Your own unique ID for the contact, e.g. the ID in your CRM',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: contactFieldOptions({ identity: false, withInbox: true }),
		},
	],
	input,
	run: async (value, { api, fail }): Promise<OperationResult> => {
		const wanted = wantedBody(value);
		const needle = matchValue(value);
		const found = await findExact(api, value.matchBy, needle);
		if (found.length > 1) {
			const ids = found.map((c) => c.id).join(', ');
			throw fail(
				`${found.length} contacts have ${MATCH_FIELDS[value.matchBy]} "${needle}" (IDs ${ids}); nothing was changed`,
				'Merge the duplicates in Chatwoot, or match by a field that is unique.',
			);
		}
		const existing = found[0];
		if (existing) {
			const changes = contactChanges(existing, wanted);
			if (Object.keys(changes).length === 0) return { json: existing, outcome: 'unchanged' };
			const updated = await api.request({ method: 'PUT', path: contactPath(existing.id), body: changes });
			return { json: unwrapContact(updated), outcome: 'updated' };
		}
		const created = await api.request({ method: 'POST', path: '/contacts', body: wanted });
		return { json: unwrapContact(created), outcome: 'created' };
	},
});
