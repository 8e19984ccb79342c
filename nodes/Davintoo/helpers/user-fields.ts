import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	activeFlag,
	field,
	type Normaliser,
	codeOrCodes,
	commaText,
	dateText,
	emailText,
	employmentStatus,
	gender,
	jsonInfo,
	requiredText,
	roleId,
	text,
} from './values';

/** The import counters every import endpoint answers with. */
export interface ImportCounters extends IDataObject {
	created_count: number;
	updated_count: number;
	blocked_count: number;
	unblocked_count: number;
}

export const COUNTER_KEYS = [
	'created_count',
	'updated_count',
	'blocked_count',
	'unblocked_count',
] as const;

export function readCounters(body: unknown): ImportCounters {
	const record = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
	const out = {} as ImportCounters;
	for (const key of COUNTER_KEYS) out[key] = Number(record[key]) || 0;
	return out;
}

export function addCounters(into: ImportCounters, add: ImportCounters): void {
	for (const key of COUNTER_KEYS) into[key] += add[key];
}

export const emptyCounters = (): ImportCounters => ({
	created_count: 0,
	updated_count: 0,
	blocked_count: 0,
	unblocked_count: 0,
});

/** created / updated / unchanged from the counters of a one-user import. */
export function outcomeOf(c: ImportCounters): 'created' | 'updated' | 'unchanged' {
	if (c.created_count > 0) return 'created';
	if (c.updated_count > 0) return 'updated';
	return 'unchanged';
}

/** The user fields the import API requires, by API name. */
export const requiredFields = {
	uid: requiredText,
	secondname: requiredText,
	firstname: requiredText,
	login: requiredText,
	email: emailText,
} satisfies Record<string, Normaliser>;

/** Every optional user field, by API name. */
export const optionalFields = {
	patronymic: text,
	password: text,
	birth_date: dateText,
	gender,
	is_active: activeFlag,
	status: employmentStatus,
	city: text,
	department: text,
	position: text,
	tags: commaText,
	phone: text,
	date_of_employment: dateText,
	date_of_assignment_current_position: dateText,
	google_id: text,
	facebook_id: text,
	work_contact: text,
	structure_uid: codeOrCodes,
	manager_uid: codeOrCodes,
	user_field1: text,
	user_field2: text,
	user_field3: text,
	user_field4: text,
	user_field5: text,
	customInfo: jsonInfo,
	language: text,
	role_id: roleId,
} satisfies Record<string, Normaliser>;

function shape<K extends string>(
	fields: Record<K, Normaliser>,
): Record<K, ReturnType<typeof field>> {
	return Object.fromEntries(
		Object.entries<Normaliser>(fields).map(([name, normalise]) => [name, field(normalise)]),
	) as Record<K, ReturnType<typeof field>>;
}

export const requiredShape = shape(requiredFields);
export const optionalShape = shape(optionalFields);

export const USER_FIELD_NAMES = [...Object.keys(requiredShape), ...Object.keys(optionalShape)];

export const userSchema = z.object({ ...requiredShape, ...optionalShape });

/** A checked user: API field names, normalised values (dates DD.MM.YYYY, codes as numbers). */
export interface DavintooUser {
	uid: string;
	secondname: string;
	firstname: string;
	login: string;
	email: string;
	password?: string;
	birth_date?: string;
	gender?: number;
	is_active?: number;
	status?: number;
	structure_uid?: string | string[];
	manager_uid?: string | string[];
	customInfo?: unknown;
	role_id?: number | string;
	[field: string]: unknown;
}

/** The user as the API takes it: only fields that have a value. */
export function compact(user: Record<string, unknown>): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(user))
		if (value !== undefined) out[key] = value as IDataObject[string];
	return out;
}

export const requiredProperties: INodeProperties[] = [
	{
		displayName: 'UID',
		name: 'uid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. EMP-0042',
		description:
			'External unique ID of the user (e.g. the HR system ID). The portal creates the user, or updates the one with this UID.',
	},
	{ displayName: 'Last Name', name: 'secondname', type: 'string', required: true, default: '' },
	{ displayName: 'First Name', name: 'firstname', type: 'string', required: true, default: '' },
	{ displayName: 'Login', name: 'login', type: 'string', required: true, default: '' },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
	},
];

const dateHint = 'DD.MM.YYYY or YYYY-MM-DD';

/** The optional fields as collection options (sorted by label, as n8n wants). */
export const optionalProperties: INodeProperties[] = [
	{
		displayName: 'Active',
		name: 'is_active',
		type: 'boolean',
		default: true,
		description: 'Whether the account is enabled (off blocks it)',
	},
	{
		displayName: 'Birth Date',
		name: 'birth_date',
		type: 'string',
		default: '',
		placeholder: dateHint,
	},
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{
		displayName: 'Current Position Since',
		name: 'date_of_assignment_current_position',
		type: 'string',
		default: '',
		placeholder: dateHint,
	},
	{
		displayName: 'Custom Info (JSON)',
		name: 'customInfo',
		type: 'json',
		default: '{}',
		description: 'Extra data as a JSON object (the API field customInfo)',
	},
	{ displayName: 'Department', name: 'department', type: 'string', default: '' },
	{
		displayName: 'Employment Date',
		name: 'date_of_employment',
		type: 'string',
		default: '',
		placeholder: dateHint,
	},
	{
		displayName: 'Employment Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Dismissed', value: 1 },
			{ name: 'Maternity Leave', value: 2 },
			{ name: 'Sick Leave', value: 3 },
			{ name: 'Working', value: 0 },
		],
		default: 0,
		description: 'Any status other than Working blocks the account',
	},
	{ displayName: 'Facebook ID', name: 'facebook_id', type: 'string', default: '' },
	{
		displayName: 'Gender',
		name: 'gender',
		type: 'options',
		options: [
			{ name: 'Female', value: 'female' },
			{ name: 'Male', value: 'male' },
		],
		default: 'female',
	},
	{ displayName: 'Google ID', name: 'google_id', type: 'string', default: '' },
	{
		displayName: 'Interface Language',
		name: 'language',
		type: 'string',
		default: '',
		placeholder: 'e.g. en, ru, uk',
	},
	{
		displayName: 'Manager UIDs',
		name: 'manager_uid',
		type: 'string',
		default: '',
		description: 'UID of the manager, or several separated by commas',
	},
	{ displayName: 'Middle Name', name: 'patronymic', type: 'string', default: '' },
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Sets the password; leave out to keep the current one',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: 'e.g. +380971234567',
	},
	{ displayName: 'Position', name: 'position', type: 'string', default: '' },
	{ displayName: 'Role ID', name: 'role_id', type: 'string', default: '' },
	{
		displayName: 'Structure Unit Codes',
		name: 'structure_uid',
		type: 'string',
		default: '',
		description: 'Code of the org-structure unit (department code), or several separated by commas',
	},
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		description: 'Comma-separated tags',
	},
	{ displayName: 'User Field 1', name: 'user_field1', type: 'string', default: '' },
	{ displayName: 'User Field 2', name: 'user_field2', type: 'string', default: '' },
	{ displayName: 'User Field 3', name: 'user_field3', type: 'string', default: '' },
	{ displayName: 'User Field 4', name: 'user_field4', type: 'string', default: '' },
	{ displayName: 'User Field 5', name: 'user_field5', type: 'string', default: '' },
	{ displayName: 'Work Contact', name: 'work_contact', type: 'string', default: '' },
];

/** Every user field as a flat list: labels for errors about input item JSON. */
export const flatUserProperties: INodeProperties[] = [...requiredProperties, ...optionalProperties];
