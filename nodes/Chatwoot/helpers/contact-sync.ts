import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { jsonObject, optionalEmail, optionalString } from '../../shared/checks';
import type { Paging } from '../../shared/patterns/paging';
import type { FieldChange, SyncStep } from '../../shared/patterns/sync';
import type { RequestSpec } from '../../shared/types';
import { contactPath, contactPhone } from './contact-fields';
import { contactSearchRequest } from './contact-search';
import { CHATWOOT_PAGE_SIZE, readListPage } from './lists';
import { payloadList, unwrapPayload } from './payload';

export const contactSyncInput = z.object({
	email: optionalEmail,
	phoneNumber: contactPhone,
	identifier: z.preprocess(
		(v) => (typeof v === 'string' ? v.trim() || undefined : v),
		z.string().optional(),
	),
	name: optionalString,
	fields: z
		.object({
			additionalAttributes: jsonObject.optional(),
			customAttributes: jsonObject.optional(),
		})
		.default({}),
	scope: z
		.object({ label: optionalString, attributeKey: optionalString, attributeValue: optionalString })
		.default({}),
});

export type ContactSyncInput = z.output<typeof contactSyncInput>;

/** How Chatwoot compares each key: emails are stored lowercased, phone numbers in E.164, identifiers as given. */
export const CONTACT_KEYS = {
	email: { label: 'Email', field: 'email', normalise: (v: string) => v.toLowerCase() },
	phone_number: {
		label: 'Phone Number',
		field: 'phone_number',
		normalise: (v: string) => v.replace(/[\s()-]/g, ''),
	},
	identifier: { label: 'Identifier', field: 'identifier', normalise: (v: string) => v },
} as const;

export type ContactKey = keyof typeof CONTACT_KEYS;

export const keyValue = (w: ContactSyncInput, key: ContactKey) =>
	key === 'email' ? w.email : key === 'phone_number' ? w.phoneNumber : w.identifier;

/** The custom attributes a wanted contact should have: its own, and the scope's attribute. */
export function wantedCustomAttributes(w: ContactSyncInput): IDataObject {
	const own = (w.fields.customAttributes ?? {}) as IDataObject;
	const { attributeKey, attributeValue } = w.scope;
	return attributeKey ? { ...own, [attributeKey]: attributeValue ?? '' } : own;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What differs on a listed contact; identity fields and attributes left out of the input are not
 * compared. Attributes compare key by key, as Chatwoot merges them on update.
 */
export function contactSyncChanges(contact: IDataObject, w: ContactSyncInput): FieldChange[] {
	const changes: FieldChange[] = [];
	const compare = (field: string, wanted: string | undefined, normalise = (v: string) => v) => {
		if (wanted === undefined) return;
		const before = contact[field];
		if (normalise(String(before ?? '')) !== normalise(wanted))
			changes.push({ field, before: before ?? undefined, after: wanted });
	};
	compare('name', w.name);
	for (const [key, k] of Object.entries(CONTACT_KEYS))
		compare(k.field, keyValue(w, key as ContactKey), k.normalise);
	const attributes = (field: string, wanted: IDataObject) => {
		const current = (contact[field] ?? {}) as IDataObject;
		for (const [key, value] of Object.entries(wanted)) {
			if (!same(current[key], value))
				changes.push({ field: `${field}.${key}`, before: current[key] ?? undefined, after: value });
		}
	};
	attributes('custom_attributes', wantedCustomAttributes(w));
	attributes('additional_attributes', (w.fields.additionalAttributes ?? {}) as IDataObject);
	return changes;
}

/** The fields of a create or an update body, in Chatwoot's names. */
export function contactSyncBody(w: ContactSyncInput): IDataObject {
	const body: IDataObject = {};
	if (w.name) body.name = w.name;
	if (w.email) body.email = w.email;
	if (w.phoneNumber) body.phone_number = w.phoneNumber;
	if (w.identifier) body.identifier = w.identifier;
	const custom = wantedCustomAttributes(w);
	if (Object.keys(custom).length) body.custom_attributes = custom;
	const additional = (w.fields.additionalAttributes ?? {}) as IDataObject;
	if (Object.keys(additional).length) body.additional_attributes = additional;
	return body;
}

/**
 * Every contact of the account: 15 to a page, sorted by email so pages hold still while
 * conversations touch other fields; the shown inboxes are left out (they are not compared).
 */
export const allContacts: Paging<ContactSyncInput> = {
	by: 'page',
	what: 'contacts',
	pageSize: CHATWOOT_PAGE_SIZE,
	request: (_w, at) => ({
		method: 'GET',
		path: '/contacts',
		qs: { page: at.page, sort: 'email', include_contact_inboxes: 'false' },
	}),
	read: (body) => readListPage(body),
};

/** The contacts with the scope's label (the list's `labels[]` filter). */
export function labelledContacts(label: string): Paging<ContactSyncInput> {
	return {
		by: 'page',
		what: 'contacts',
		pageSize: CHATWOOT_PAGE_SIZE,
		request: (_w, at) => ({
			method: 'GET',
			path: '/contacts',
			qs: { page: at.page, sort: 'email', include_contact_inboxes: 'false', 'labels[]': label },
		}),
		read: (body) => readListPage(body),
	};
}

const labelsPath = (id: number) => `${contactPath(id)}/labels`;

/**
 * Labels are set as a whole list (POST replaces them): read the contact's labels, then write
 * them back with the label added or taken out.
 */
export function changeLabel(id: number, label: string, add: boolean): SyncStep {
	return {
		send: { method: 'GET', path: labelsPath(id) },
		then: (answer) => {
			const current = payloadList(answer).map(String);
			const has = current.some((l) => l.toLowerCase() === label.toLowerCase());
			if (has === add) return [];
			const labels = add
				? [...current, label]
				: current.filter((l) => l.toLowerCase() !== label.toLowerCase());
			return [{ method: 'POST', path: labelsPath(id), body: { labels }, idempotent: true }];
		},
	};
}

/** The ID of a created contact: from the create's answer ({payload: {contact}}) or the lookup's find (the contact). */
export function createdId(answer: unknown): number {
	const record = unwrapPayload(answer);
	const contact = (
		record.contact && typeof record.contact === 'object' ? record.contact : record
	) as IDataObject;
	return Number(contact.id);
}

/**
 * After a lost create: search by the first identity value given (email, identifier, phone) and
 * take only a contact that has every identity value this create sent, so another contact that
 * merely shares one of them is not mistaken for the new one.
 */
export function contactSyncLookup(w: ContactSyncInput): NonNullable<RequestSpec['verify']> {
	const given = (['email', 'identifier', 'phone_number'] as ContactKey[])
		.map((key) => ({ key, value: keyValue(w, key) }))
		.filter((g): g is { key: ContactKey; value: string } => !!g.value);
	const matches = (c: IDataObject) =>
		given.every(
			({ key, value }) =>
				CONTACT_KEYS[key].normalise(String(c[CONTACT_KEYS[key].field] ?? '')) ===
				CONTACT_KEYS[key].normalise(value),
		);
	return {
		request: contactSearchRequest(given[0]?.value ?? '', 1),
		find: (body) => payloadList(body).find(matches),
	};
}
