import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { optionalString, positiveId } from '../../shared/checks';
import { idLocator } from '../../shared/locator';
import type { RequestSpec } from '../../shared/types';

/** Keitaro's user as the Admin API returns it (fields beyond the spec are kept as they come). */
export interface KeitaroUser extends IDataObject {
	id: number;
	login: string;
	type?: string;
	state?: string;
	preferences?: IDataObject;
	access_data?: IDataObject;
}

export const userIdProperty: INodeProperties = idLocator({
	displayName: 'User ID',
	name: 'userId',
	searchMethod: 'searchUsers',
	numeric: true,
	description: 'The Keitaro user: pick one by login, or give the numeric ID',
});

export const userId = positiveId;

export const typeProperty: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [
		{ name: 'Admin', value: 'ADMIN' },
		{ name: 'User', value: 'USER' },
	],
	default: 'USER',
	description: 'An admin can do everything; a user gets the access rights you set',
};

export const languageOption: INodeProperties = {
	displayName: 'Language',
	name: 'language',
	type: 'options',
	options: [
		{ name: 'English', value: 'en' },
		{ name: 'Russian', value: 'ru' },
	],
	default: 'en',
	description: 'Interface language of the user',
};

export const timezoneOption: INodeProperties = {
	displayName: 'Timezone',
	name: 'timezone',
	type: 'string',
	default: '',
	placeholder: 'e.g. Europe/Kyiv',
	description: 'IANA time zone of the user',
};

export const userType = z.enum(['USER', 'ADMIN'], {
	errorMap: () => ({ message: 'must be USER or ADMIN' }),
});

/** IANA zone names: letters, digits, `/`, `_`, `+`, `-`. */
export const timezone = optionalString.refine(
	(v) => v === undefined || /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(v),
	'must be a time zone name such as Europe/Kyiv',
);

export const preferencesInput = z
	.object({
		language: z.enum(['en', 'ru']).optional(),
		timezone,
	})
	.default({});

export type PreferencesInput = z.output<typeof preferencesInput>;

/** Only the preferences the user set. */
export function preferencesBody(p: PreferencesInput): IDataObject | undefined {
	const out: IDataObject = {};
	if (p.language) out.language = p.language;
	if (p.timezone) out.timezone = p.timezone;
	return Object.keys(out).length ? out : undefined;
}

/** Keitaro wants the password twice; the node fills the confirmation from the one value. */
export function passwordBody(password: string | undefined): IDataObject {
	return password ? { new_password: password, new_password_confirmation: password } : {};
}

export function userPath(id: number): string {
	return `/users/${id}`;
}

/** The Admin API lists every user at once. */
export const listUsersRequest: RequestSpec = { method: 'GET', path: '/users' };

/** Logins compare case-insensitively: Keitaro treats "Anna" and "anna" as the same person. */
export function findByLogin(users: unknown, login: string): KeitaroUser | undefined {
	if (!Array.isArray(users)) return undefined;
	const wanted = login.toLowerCase();
	return (users as KeitaroUser[]).find((u) => String(u.login ?? '').toLowerCase() === wanted);
}

/** How a create whose answer was lost is checked: is the login there now? */
export function verifyByLogin(login: string): NonNullable<RequestSpec['verify']> {
	return { request: listUsersRequest, find: (body) => findByLogin(body, login) };
}
