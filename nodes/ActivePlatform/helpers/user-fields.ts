import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { optionalString, requiredString } from '../../shared/checks';
import { idLocator } from '../../shared/locator';

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

export const userIdProperty: INodeProperties = idLocator({
	displayName: 'User ID',
	name: 'userId',
	searchMethod: 'searchUsers',
	numeric: true,
	description:
		'The ActivePlatform user: pick one (type to filter by email), or give the numeric ID',
});

/** The vendor API lists no accounts, so an account is given by its ID. */
export const accountIdProperty: INodeProperties = idLocator({
	displayName: 'Account ID',
	name: 'accountId',
	numeric: true,
	description: 'The numeric ID of the ActivePlatform account (customer)',
});

/** An account the user is on: the list holds the accounts of the user chosen above. */
export const userAccountIdProperty: INodeProperties = idLocator({
	displayName: 'Account ID',
	name: 'accountId',
	searchMethod: 'searchUserAccounts',
	numeric: true,
	what: 'account of this user',
	description:
		'The account to detach the user from: pick one of the accounts of the user above, or give the numeric ID',
});

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
export function userForm(
	fields: UserFields,
	attributes: CustomAttribute[],
): Array<[string, string]> {
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

/** What a create sends, from Create's or Create or Update's parameters. */
export interface NewUser {
	firstName?: string;
	lastName?: string;
	email: string;
	password?: string;
	additionalFields: { middleName?: string };
	customAttributes: CustomAttribute[];
}

export function createForm(value: NewUser): Array<[string, string]> {
	const { firstName, lastName, email, password } = value;
	return userForm(
		{ firstName, middleName: value.additionalFields.middleName, lastName, email, password },
		value.customAttributes,
	);
}

/** Attribute names are read back as display names ("CRM ID" for key crm_id): compare loosely. */
const looseKey = (s: unknown) =>
	String(s ?? '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');

/** Whether the user already has every given attribute with the same value. */
export function hasAttributes(user: ActivePlatformUser, attributes: CustomAttribute[]): boolean {
	const current = Array.isArray(user.custom_attributes) ? user.custom_attributes : [];
	return attributes.every(({ key, value }) =>
		current.some(
			(c) => looseKey(c.key ?? c.name) === looseKey(key) && String(c.value ?? '') === value,
		),
	);
}

/** The middle name is optional on create and upsert alike. */
export const additionalFieldsProperty: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [{ displayName: 'Middle Name', name: 'middleName', type: 'string', default: '' }],
};

export const additionalFieldsInput = z.object({ middleName: optionalString }).default({});
