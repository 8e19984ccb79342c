import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import type { RequestSpec } from '../../../shared/types';
import { contactBody, contactFieldOptions, contactFieldsInput, unwrapContact } from './fields';

/**
 * After a lost answer, search for the contact by email (or identifier) before sending again.
 * Without either, nothing identifies the contact, and the create is not re-sent.
 */
export function contactLookup(fields: { email?: string; identifier?: string }): RequestSpec['verify'] {
	const key = fields.email ? 'email' : fields.identifier ? 'identifier' : undefined;
	if (!key) return undefined;
	const wanted = String(fields[key]).toLowerCase();
	return {
		request: { method: 'GET', path: '/contacts/search', qs: { q: String(fields[key]), page: 1 } },
		find: (body) => {
			const payload = (body as { payload?: unknown } | null)?.payload;
			const list = Array.isArray(payload) ? (payload as Array<Record<string, unknown>>) : [];
			return list.find((c) => String(c[key] ?? '').toLowerCase() === wanted);
		},
	};
}

const input = z.object({
	fields: contactFieldsInput.refine((f) => !!(f.name || f.email || f.phoneNumber || f.identifier), {
		message: 'give at least a name, email, phone number or identifier',
	}),
});

export const create = defineOperation({
	resource: 'contact',
	operation: 'create',
	name: 'Create',
	action: 'Create a contact',
	description: 'Create a contact in the account',
	properties: [
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: contactFieldOptions({ identity: true, withInbox: true }),
		},
	],
	input,
	request: ({ fields }) => ({ method: 'POST', path: '/contacts', body: contactBody(fields), verify: contactLookup(fields) }),
	output: (response) => ({ json: unwrapContact(response), outcome: 'created' }),
});
