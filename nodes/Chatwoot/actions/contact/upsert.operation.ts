import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { optionalEmail } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import {
	type ChatwootContact,
	contactBody,
	contactFieldOptions,
	contactFieldsInput,
	contactPath,
	contactPhone,
	unwrapContact,
} from '../../helpers/contact-fields';
import { contactSearchRequest, exactMatches, MATCH_FIELDS } from '../../helpers/contact-search';
import { listGoesOn, readListPage } from '../../helpers/lists';

const input = z
	.object({
		matchBy: z.enum(['email', 'phone_number', 'identifier']),
		email: optionalEmail,
		phoneNumber: contactPhone,
		identifier: z.preprocess(
			(v) => (typeof v === 'string' ? v.trim() || undefined : v),
			z.string().optional(),
		),
		additionalFields: contactFieldsInput,
	})
	.superRefine((v, ctx) => {
		const key = v.matchBy === 'phone_number' ? 'phoneNumber' : v.matchBy;
		if (!v[key])
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: [key],
				message: `is required to match by ${MATCH_FIELDS[v.matchBy]}`,
			});
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
	const v =
		value.matchBy === 'email'
			? value.email
			: value.matchBy === 'phone_number'
				? value.phoneNumber
				: value.identifier;
	return String(v);
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
		const equal =
			key === 'email'
				? String(current ?? '').toLowerCase() === String(value).toLowerCase()
				: same(current, value);
		if (!equal) changes[key] = value;
	}
	return changes;
}

export const upsert = defineOperation({
	resource: 'contact',
	operation: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a contact',
	description:
		'Update the contact with this email, phone number or identifier, or create it if there is none',
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
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
		},
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
	upsert: {
		what: 'contact',
		key: (value) => `${MATCH_FIELDS[value.matchBy]} "${matchValue(value)}"`,
		// Chatwoot's search matches parts of fields and pages 15 at a time: an exact match can sit
		// behind many partial ones, so the find reads on while the list does.
		find: {
			request: (value, page) => contactSearchRequest(matchValue(value), page),
			match: (body, value) =>
				exactMatches(
					readListPage(body).items as ChatwootContact[],
					value.matchBy,
					matchValue(value),
				),
			more: (body, page) => listGoesOn(body, page),
			// Email and identifier are unique in an account; phone numbers are read to the end to catch duplicates.
			unique: (value) => value.matchBy !== 'phone_number',
			maxPages: 100,
		},
		update: (existing, value) => {
			const changes = contactChanges(existing as ChatwootContact, wantedBody(value));
			return Object.keys(changes).length
				? [{ method: 'PUT', path: contactPath(Number(existing.id)), body: changes }]
				: [];
		},
		create: (value) => ({ method: 'POST', path: '/contacts', body: wantedBody(value) }),
		output: (result) =>
			result.outcome === 'unchanged'
				? (result.existing as IDataObject)
				: unwrapContact(result.bodies[0]),
		duplicatesHint: 'Merge the duplicates in Chatwoot, or match by a field that is unique.',
	},
});
