import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	optionalEmail,
	optionalString,
	requiredString,
	stringList,
	textId,
} from '../../shared/checks';
import { idLocator } from '../../shared/locator';

export const RESOURCE = 'targetUser';

/** TargetUserDto, as GET and search-email return it (fields beyond the spec are kept). */
export interface TargetUser extends IDataObject {
	resourceId: string;
	email: string;
	phoneNumber?: string | null;
	customFieldValues?: IDataObject[] | null;
}

export interface PagedResults<T> extends IDataObject {
	pageNumber?: number;
	pageSize?: number;
	totalNumberOfPages?: number;
	totalNumberOfRecords?: number;
	results?: T[];
}

export const userPath = (resourceId: string) =>
	`/api/target-users/${encodeURIComponent(resourceId)}`;

export const resourceIdProperty: INodeProperties = idLocator({
	displayName: 'Target User ID',
	name: 'resourceId',
	searchMethod: 'searchTargetUsers',
	what: 'target user',
	placeholder: 'e.g. abC123xyz',
	description:
		'The target user: pick one (type to search by email or name), or give its resourceId',
});

export const resourceId = textId('the target user resourceId');

export const emailProperty: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	required: true,
	default: '',
};

export const phoneProperty: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. +447700900123',
	description: "Required by Keepnet's API on create and on every update",
};

const maxText = (max: number) =>
	optionalString.refine((v) => v === undefined || v.length <= max, {
		message: `must be ${max} characters or fewer`,
	});

export const PRIORITIES = ['Low', 'Medium', 'High'] as const;

const customFieldsInput = z
	.object({
		field: z
			.array(
				z.object({
					name: requiredString('the custom field name'),
					value: z.union([z.string(), z.number(), z.boolean()]).default('').transform(String),
				}),
			)
			.optional(),
	})
	.optional()
	.transform((v) => v?.field ?? []);

/**
 * The optional fields of a target user. Limits are the update limits (tighter than create's),
 * so a user that can be created can also be saved again later.
 */
export const userFieldsShape = {
	firstName: maxText(40),
	lastName: maxText(40),
	department: maxText(64),
	priority: z
		.enum(PRIORITIES, { errorMap: () => ({ message: 'must be Low, Medium or High' }) })
		.optional(),
	isActive: z.boolean().optional(),
	timeZoneId: optionalString,
	preferredLanguageId: optionalString,
	managerFirstName: maxText(40),
	managerLastName: maxText(40),
	managerEmail: optionalEmail,
	customFields: customFieldsInput,
};

export const userFields = z
	.object({ ...userFieldsShape, targetGroupResourceIds: stringList })
	.default({});
export type UserFields = z.output<typeof userFields>;

/** The plain fields of a target user besides email and phone, as create and update take them. */
export const PLAIN_FIELDS = [
	'firstName',
	'lastName',
	'department',
	'priority',
	'isActive',
	'timeZoneId',
	'preferredLanguageId',
	'managerFirstName',
	'managerLastName',
	'managerEmail',
] as const;

/** Fields of the create/update body set from the user's input; empty ones are left out. */
export function fieldsBody(fields: Omit<UserFields, 'targetGroupResourceIds'>): IDataObject {
	const body: IDataObject = {};
	for (const key of PLAIN_FIELDS) {
		if (fields[key] !== undefined) body[key] = fields[key];
	}
	if (fields.customFields.length)
		body.customFields = fields.customFields.map((c) => ({ name: c.name, value: c.value }));
	return body;
}

const textOption = (
	displayName: string,
	name: string,
	description?: string,
	placeholder?: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(description ? { description } : {}),
	...(placeholder ? { placeholder } : {}),
});

/** The options of the "Additional Fields" / "Update Fields" collections, alphabetical. */
export function userFieldOptions(withGroups: boolean): INodeProperties[] {
	const options: INodeProperties[] = [
		{
			displayName: 'Active',
			name: 'isActive',
			type: 'boolean',
			default: true,
			description:
				'Whether the user is active; inactive users get no simulation or training emails',
		},
		{
			displayName: 'Custom Fields',
			name: 'customFields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Custom Field',
			default: {},
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						textOption('Name', 'name', 'Name of the custom field as defined in Keepnet'),
						textOption('Value', 'value'),
					],
				},
			],
		},
		textOption('Department', 'department'),
		textOption('First Name', 'firstName'),
		textOption('Last Name', 'lastName'),
		textOption('Manager Email', 'managerEmail', undefined, 'name@email.com'),
		textOption('Manager First Name', 'managerFirstName'),
		textOption('Manager Last Name', 'managerLastName'),
		textOption(
			'Preferred Language ID',
			'preferredLanguageId',
			'Keepnet language ID for emails and training',
		),
		{
			displayName: 'Priority',
			name: 'priority',
			type: 'options',
			options: PRIORITIES.map((p) => ({ name: p, value: p })),
			default: 'Medium',
		},
		textOption(
			'Time Zone ID',
			'timeZoneId',
			'Keepnet time zone ID, e.g. as shown in the user edit form',
		),
	];
	if (withGroups) {
		options.push(
			textOption(
				'Target Group IDs',
				'targetGroupResourceIds',
				'Comma-separated resourceIds of target groups to put the user in',
				'e.g. grpA1b2c3, grpD4e5f6',
			),
		);
	}
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
}
