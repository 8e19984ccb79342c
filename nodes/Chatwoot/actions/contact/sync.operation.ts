import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import type { SyncKey } from '../../../shared/patterns/sync';
import { contactPath } from '../../helpers/contact-fields';
import {
	allContacts,
	changeLabel,
	CONTACT_KEYS,
	type ContactKey,
	contactSyncBody,
	contactSyncChanges,
	type ContactSyncInput,
	contactSyncInput,
	contactSyncLookup,
	createdId,
	keyValue,
	labelledContacts,
} from '../../helpers/contact-sync';

const input = contactSyncInput.superRefine(({ scope }, ctx) => {
	if (scope.attributeKey && scope.attributeValue === undefined) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['scope', 'attributeValue'],
			message: 'is required with Attribute Key',
		});
	}
	if (!scope.attributeKey && scope.attributeValue !== undefined) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['scope', 'attributeKey'],
			message: 'is required with Attribute Value',
		});
	}
});

const key = (name: ContactKey): SyncKey<ContactSyncInput, IDataObject> => ({
	label: CONTACT_KEYS[name].label,
	desired: (w) => keyValue(w, name),
	existing: (c) => c[CONTACT_KEYS[name].field] as string | null | undefined,
	normalise: CONTACT_KEYS[name].normalise,
});

export const sync = defineOperation({
	resource: 'contact',
	operation: 'sync',
	name: 'Sync',
	action: 'Sync contacts with a list',
	description:
		'Make the contacts match the input items: plan first, then create, update and (if asked) remove',
	properties: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. {{ $json.email }}',
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
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description:
				'Attributes to keep in line, key by key; keys left out are neither compared nor changed',
			options: [
				{
					displayName: 'Additional Attributes',
					name: 'additionalAttributes',
					type: 'json',
					default: '{}',
					description: 'Chatwoot\'s standard extras as JSON, e.g. {"company_name": "Acme"}',
				},
				{
					displayName: 'Custom Attributes',
					name: 'customAttributes',
					type: 'json',
					default: '{}',
					description: 'A JSON object of custom attributes',
				},
			],
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'collection',
			placeholder: 'Add Scope Filter',
			default: {},
			description:
				'Only contacts in scope are compared and can be removed; wanted contacts outside it are brought in',
			options: [
				{
					displayName: 'Attribute Key',
					name: 'attributeKey',
					type: 'string',
					default: '',
					placeholder: 'e.g. source',
					description:
						'Only contacts whose custom attribute with this key has the value below; wanted contacts get it',
				},
				{
					displayName: 'Attribute Value',
					name: 'attributeValue',
					type: 'string',
					default: '',
					placeholder: 'e.g. crm',
				},
				{
					displayName: 'Label',
					name: 'label',
					type: 'string',
					default: '',
					placeholder: 'e.g. customer',
					description: 'Only contacts with this label; wanted contacts get it',
				},
			],
		},
	],
	input,
	sync: {
		what: 'contact',
		defaultKey: 'email',
		keys: { email: key('email'), phone_number: key('phone_number'), identifier: key('identifier') },
		list: allContacts,
		members: ({ scope }) => (scope.label ? labelledContacts(scope.label) : undefined),
		inScope: (contact, { scope }) =>
			!scope.attributeKey ||
			String(((contact.custom_attributes ?? {}) as IDataObject)[scope.attributeKey] ?? '') ===
				scope.attributeValue,
		adopt: (contact, { scope }, member) =>
			member || !scope.label
				? { changes: [], steps: [] }
				: {
						changes: [{ field: 'labels', before: undefined, after: `+${scope.label}` }],
						steps: [changeLabel(Number(contact.id), scope.label, true)],
					},
		changes: contactSyncChanges,
		update: (contact, w) => {
			const body: IDataObject = {};
			for (const change of contactSyncChanges(contact, w)) {
				const [field, attribute] = change.field.split('.');
				if (attribute === undefined) body[field] = change.after as string;
				else
					body[field] = {
						...((body[field] ?? {}) as IDataObject),
						[attribute]: change.after as IDataObject[string],
					};
			}
			// Chatwoot merges the attribute objects: only the keys that differ are sent.
			return [{ method: 'PUT', path: contactPath(Number(contact.id)), body }];
		},
		create: (w) => ({
			method: 'POST',
			path: '/contacts',
			body: contactSyncBody(w),
			verify: contactSyncLookup(w),
		}),
		afterCreate: (answer, { scope }) =>
			scope.label ? [changeLabel(createdId(answer), scope.label, true)] : [],
		removals: {
			delete: {
				name: 'Delete',
				description:
					'Delete contacts that are not in the input, with their conversations (cannot be undone)',
				requests: (contact) => [{ method: 'DELETE', path: contactPath(Number(contact.id)) }],
			},
			removeLabel: {
				name: 'Remove Label',
				description:
					"Take the scope's label off contacts that are not in the input (they stay in Chatwoot)",
				requests: (contact, { scope }) => [
					changeLabel(Number(contact.id), scope.label ?? '', false),
				],
				unusable: ({ scope }) =>
					scope.label ? undefined : 'set Scope > Label (scope.label) to say which label',
			},
		},
		id: (contact) => Number(contact.id),
		name: (contact) =>
			String(contact.name ?? contact.email ?? contact.phone_number ?? contact.identifier ?? ''),
	},
});
