import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { jsonObject, optionalEmail, optionalId, optionalString } from '../../shared/checks';
import { idProperty } from './locators';
import { unwrapPayload } from './payload';

/** A contact as Chatwoot returns it (extra fields kept as they come). */
export interface ChatwootContact extends IDataObject {
	id: number;
	name?: string | null;
	email?: string | null;
	phone_number?: string | null;
	identifier?: string | null;
	blocked?: boolean;
	custom_attributes?: IDataObject;
	additional_attributes?: IDataObject;
}

/** A locator over the account's contacts; older workflows hold a plain number here. */
export const contactIdProperty: INodeProperties = idProperty('contact');

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Chatwoot keeps phone numbers in E.164 (+ and up to 15 digits); it refuses anything else. */
export const contactPhone = z.preprocess(
	(v) =>
		typeof v === 'string' ? emptyToUndefined(v.replace(/[\s()-]/g, '')) : emptyToUndefined(v),
	z
		.string()
		.regex(/^\+[1-9]\d{1,14}$/, 'must be in E.164 format, e.g. +15551234567')
		.optional(),
);

/** The fields a contact can be created or updated with, as the node collects them. */
export const contactFieldsInput = z
	.object({
		name: optionalString,
		email: optionalEmail,
		phoneNumber: contactPhone,
		identifier: optionalString,
		blocked: z.boolean().optional(),
		additionalAttributes: jsonObject.optional(),
		customAttributes: jsonObject.optional(),
		inboxId: optionalId,
	})
	.default({});

export type ContactFields = z.output<typeof contactFieldsInput>;

/** Chatwoot's field names; only what was given, so an update leaves the rest alone. */
export function contactBody(fields: ContactFields): IDataObject {
	const body: IDataObject = {};
	if (fields.name) body.name = fields.name;
	if (fields.email) body.email = fields.email;
	if (fields.phoneNumber) body.phone_number = fields.phoneNumber;
	if (fields.identifier) body.identifier = fields.identifier;
	if (fields.blocked !== undefined) body.blocked = fields.blocked;
	if (fields.additionalAttributes && Object.keys(fields.additionalAttributes).length) {
		body.additional_attributes = fields.additionalAttributes as IDataObject;
	}
	if (fields.customAttributes && Object.keys(fields.customAttributes).length) {
		body.custom_attributes = fields.customAttributes as IDataObject;
	}
	if (fields.inboxId) body.inbox_id = fields.inboxId;
	return body;
}

const nameOption: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
};
const emailOption: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	default: '',
};
const phoneOption: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	placeholder: '+15551234567',
	default: '',
	description: 'In E.164 format: + and the country code',
};
const identifierOption: INodeProperties = {
	displayName: 'Identifier',
	name: 'identifier',
	type: 'string',
	default: '',
	description: 'Your own unique ID for the contact, e.g. the ID in your CRM',
};

/** Options for the contact field collections; `withInbox` adds the inbox a new contact joins. */
export function contactFieldOptions(what: {
	identity: boolean;
	withInbox: boolean;
}): INodeProperties[] {
	const options: INodeProperties[] = [
		{
			displayName: 'Additional Attributes',
			name: 'additionalAttributes',
			type: 'json',
			default: '{}',
			description:
				'Chatwoot\'s standard extras as JSON, e.g. {"company_name": "Acme", "city": "Kyiv"}',
		},
		{
			displayName: 'Blocked',
			name: 'blocked',
			type: 'boolean',
			default: false,
			description: 'Whether messages from this contact are blocked',
		},
		{
			displayName: 'Custom Attributes',
			name: 'customAttributes',
			type: 'json',
			default: '{}',
			description: "A JSON object; on update Chatwoot merges it into the contact's attributes",
		},
	];
	if (what.identity) options.push(emailOption, identifierOption);
	if (what.withInbox) {
		options.push({
			displayName: 'Inbox ID',
			name: 'inboxId',
			type: 'number',
			default: 0,
			description:
				'Also make the contact reachable in this inbox (Chatwoot creates a contact inbox)',
		});
	}
	options.push(nameOption);
	if (what.identity) options.push(phoneOption);
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Chatwoot wraps single contacts as {payload: contact} (show, update) or {payload: {contact, contact_inbox}} (create). */
export function unwrapContact(response: unknown): IDataObject {
	const record = unwrapPayload(response);
	if (!record.contact || typeof record.contact !== 'object') return record;
	const out: IDataObject = { ...(record.contact as IDataObject) };
	// Without an inbox Chatwoot still sends {inbox: null, source_id: null}: leave that out.
	const inbox = record.contact_inbox as IDataObject | null | undefined;
	if (inbox && (inbox.source_id || inbox.inbox)) out.contact_inbox = inbox;
	return out;
}

export function contactPath(id: number): string {
	return `/contacts/${id}`;
}
