import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import type { RequestSpec } from '../../../shared/types';
import { requiredString } from '../../../shared/zod-fields';
import { USERS_PATH } from '../../transport';
import { listPage } from './list';

/** A user as ActivePlatform returns it. Custom attributes are written as key/value, read back as name/value. */
export interface ActivePlatformUser extends IDataObject {
	id: number;
	first_name?: string;
	middle_name?: string;
	last_name?: string;
	email?: string;
	status?: string;
	custom_attributes?: Array<{ name?: string; key?: string; value?: string }>;
}

export const userIdProperty: INodeProperties = {
	displayName: 'User ID',
	name: 'userId',
	type: 'number',
	required: true,
	default: 0,
	description: 'The numeric ID of the ActivePlatform user',
};

export const accountIdProperty: INodeProperties = {
	displayName: 'Account ID',
	name: 'accountId',
	type: 'number',
	required: true,
	default: 0,
	description: 'The numeric ID of the ActivePlatform account (customer)',
};

export const customAttributesProperty: INodeProperties = {
	displayName: 'Custom Attributes',
	name: 'customAttributes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Attribute',
	default: {},
	description:
		'Additional attributes set up in the Operator Control Panel; which are required depends on the account type',
	options: [
		{
			displayName: 'Attribute',
			name: 'attribute',
			values: [
				{
					displayName: 'Key',
					name: 'key',
					type: 'string',
					default: '',
					description: 'The attribute key used in the API (not its display name)',
				},
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

export const customAttributesInput = z
	.object({
		attribute: z
			.array(
				z.object({
					key: requiredString('the attribute key'),
					value: z
						.union([z.string(), z.number(), z.boolean()])
						.default('')
						.transform((v) => String(v)),
				}),
			)
			.default([]),
	})
	.default({})
	.transform((v) => v.attribute);

export type CustomAttribute = z.output<typeof customAttributesInput>[number];

export interface UserFields {
	firstName?: string;
	middleName?: string;
	lastName?: string;
	email?: string;
	password?: string;
}

/** Form pairs in the documented shape, bracketed keys repeated per attribute. */
export function userForm(fields: UserFields, attributes: CustomAttribute[]): Array<[string, string]> {
	const pairs: Array<[string, string]> = [];
	const add = (key: string, value: string | undefined) => {
		if (value !== undefined) pairs.push([key, value]);
	};
	add('first_name', fields.firstName);
	add('middle_name', fields.middleName);
	add('last_name', fields.lastName);
	add('email', fields.email);
	add('password', fields.password);
	for (const { key, value } of attributes) {
		pairs.push(['custom_attributes[][key]', key], ['custom_attributes[][value]', value]);
	}
	return pairs;
}

/** An email: empty reads "is required" alone, not also "not a valid email address". */
export const emailField = requiredString('the email').pipe(z.string().email('is not a valid email address'));

/** A password is taken as typed: spaces may be part of it. Empty means "not given". */
export const optionalPassword = z
	.string()
	.optional()
	.transform((v) => (v === '' ? undefined : v));

export function userPath(id: number): string {
	return `${USERS_PATH}/${id}.json`;
}

/** Emails compare case-insensitively, as logins do. */
export const sameEmail = (a: unknown, b: unknown) =>
	String(a ?? '').trim().toLowerCase() === String(b ?? '').trim().toLowerCase();

/** Attribute names are read back as display names ("CRM ID" for key crm_id): compare loosely. */
const looseKey = (s: unknown) => String(s ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** Whether the user already has every given attribute with the same value. */
export function hasAttributes(user: ActivePlatformUser, attributes: CustomAttribute[]): boolean {
	const current = Array.isArray(user.custom_attributes) ? user.custom_attributes : [];
	return attributes.every(({ key, value }) =>
		current.some((c) => looseKey(c.key ?? c.name) === looseKey(key) && String(c.value ?? '') === value),
	);
}

/** The exact email among search results: the email filter may also match partly. */
export function findByEmail(users: IDataObject[], wanted: string): ActivePlatformUser | undefined {
	return users.find((u) => sameEmail(u.email, wanted)) as ActivePlatformUser | undefined;
}

/** How a create whose answer was lost is checked before sending it again: is the email there now? */
export function verifyByEmail(email: string): RequestSpec['verify'] {
	return {
		request: { method: 'GET', path: `${USERS_PATH}.json`, qs: { 'filters[email]': email, page: 1, per_page: 100 } },
		find: (body) => findByEmail(listPage(body).items, email),
	};
}
