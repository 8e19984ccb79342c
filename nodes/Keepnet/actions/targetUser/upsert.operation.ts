import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, type OperationResult } from '../../../shared/operation';
import { optionalString } from '../../../shared/zod-fields';
import { unwrap } from '../../transport';
import { createBody, emailProperty } from './create';
import { emailInput, RESOURCE, type TargetUser, userFieldOptions, userFields, userPath } from './fields';
import { addToGroupsRequest } from './groups';
import { exactMatch, findByEmail } from './searchByEmail';
import { fullUpdateBody, noPhone, type UpdateChanges } from './update';

const input = z.object({
	email: emailInput,
	phoneNumber: optionalString,
	additionalFields: userFields,
});

type Input = z.output<typeof input>;

/** The given fields that differ from the existing user (empty: nothing to send). */
export function upsertChanges(existing: TargetUser, { phoneNumber, additionalFields }: Input): UpdateChanges {
	const { customFields } = additionalFields;
	const changed: IDataObject = {};
	for (const [key, value] of Object.entries(additionalFields)) {
		if (key === 'customFields' || key === 'targetGroupResourceIds') continue;
		if (value !== undefined && existing[key] !== value) changed[key] = value as IDataObject[string];
	}
	if (phoneNumber && existing.phoneNumber !== phoneNumber) changed.phoneNumber = phoneNumber;
	const current = Array.isArray(existing.customFieldValues) ? existing.customFieldValues : [];
	const differing = customFields.filter(
		(c) => !current.some((x) => String(x.name ?? '').toLowerCase() === c.name.toLowerCase() && String(x.value ?? '') === c.value),
	);
	return { ...(changed as Partial<UpdateChanges>), customFields: differing } as UpdateChanges;
}

const hasChanges = (c: UpdateChanges) =>
	c.customFields.length > 0 || Object.entries(c).some(([k, v]) => k !== 'customFields' && v !== undefined);

export const upsert = defineOperation({
	resource: RESOURCE,
	operation: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a target user',
	description: 'Create a target user, or update the one with this email if there is one',
	properties: [
		{ ...emailProperty, description: 'Used to find the user (case-insensitive)' },
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			placeholder: 'e.g. +447700900123',
			description: 'Needed to create a user; for an existing user, a number here replaces the current one',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Target groups are added to an existing user; other memberships stay',
			options: userFieldOptions(true),
		},
	],
	input,
	run: async (value, { api, fail }): Promise<OperationResult> => {
		const existing = exactMatch(await findByEmail(api, value.email), value.email);
		if (!existing) {
			if (!value.phoneNumber) {
				throw fail(`Phone Number (phoneNumber): is required to create the new target user "${value.email}"`, 'Nothing was created.');
			}
			const created = unwrap<IDataObject>(
				await api.request({ method: 'POST', path: '/api/target-users', body: createBody({ ...value, phoneNumber: value.phoneNumber }) }),
			);
			return { json: { ...created, email: value.email }, outcome: 'created' };
		}
		const changes = upsertChanges(existing, value);
		const groups = value.additionalFields.targetGroupResourceIds;
		let json: IDataObject = existing;
		if (hasChanges(changes)) {
			const body = fullUpdateBody(existing, changes);
			if (!body.phoneNumber) throw fail(noPhone('Phone Number (phoneNumber)'), 'Nothing was changed.');
			await api.request({ method: 'PUT', path: userPath(existing.resourceId), body });
			json = { resourceId: existing.resourceId, ...body };
		}
		if (groups.length) await api.request(addToGroupsRequest([existing.resourceId], groups));
		const outcome = hasChanges(changes) || groups.length ? 'updated' : 'unchanged';
		return { json, outcome };
	},
});
