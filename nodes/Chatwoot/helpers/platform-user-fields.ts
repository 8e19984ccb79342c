import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

/** Chatwoot's user as the Platform API returns it (extra fields are kept as they come). */
export interface ChatwootUser extends IDataObject {
	id: number;
	name?: string;
	display_name?: string | null;
	email?: string;
	custom_attributes?: IDataObject;
	accounts?: IDataObject[];
}

export const PASSWORD_SPECIALS = "!@#$%^&*()_+-=[]{}|'";

/**
 * Chatwoot's password rule (config/initializers/secure_password.rb, devise.rb): 6-128 characters
 * with an uppercase and a lowercase letter, a digit and a special character. Checked here so
 * the user gets one clear sentence and nothing is sent.
 */
export const password = z.string().superRefine((value, ctx) => {
	const missing: string[] = [];
	if (!/[A-Z]/.test(value)) missing.push('an uppercase letter');
	if (!/[a-z]/.test(value)) missing.push('a lowercase letter');
	if (!/[0-9]/.test(value)) missing.push('a digit');
	if (![...value].some((c) => PASSWORD_SPECIALS.includes(c))) missing.push(`a special character (${PASSWORD_SPECIALS})`);
	const problems: string[] = [];
	if (value.length < 6 || value.length > 128) problems.push(`must be 6 to 128 characters long (it has ${value.length})`);
	if (missing.length) problems.push(`needs ${missing.join(', ')}`);
	if (problems.length) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problems.join('; ') });
});

export const userIdProperty: INodeProperties = {
	displayName: 'User ID',
	name: 'userId',
	type: 'number',
	required: true,
	default: 0,
	description: 'The numeric ID of the Chatwoot user',
};

export const passwordHint =
	"6 to 128 characters with an uppercase and a lowercase letter, a digit and a special character (!@#$%^&*()_+-=[]{}|')";

export const customAttributesProperty: INodeProperties = {
	displayName: 'Custom Attributes',
	name: 'customAttributes',
	type: 'json',
	default: '{}',
	description: 'A JSON object stored on the user; on update, Chatwoot merges it into the attributes the user has',
};

export function userPath(id: number): string {
	return `/users/${id}`;
}
