import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { email, isGiven, optionalString } from '../../../shared/checks';
import { defineOperation, OperationFailure } from '../../../shared/operation';
import type { RequestSpec } from '../../../shared/types';
import { unwrap } from '../../transport';
import { createBody, fullUpdateBody, noPhone, type UpdateChanges } from '../../helpers/bodies';
import {
	emailProperty,
	RESOURCE,
	type TargetUser,
	userFieldOptions,
	userFields,
	userPath,
} from '../../helpers/fields';
import { addToGroupsRequest } from '../../helpers/groups';
import { findByEmail } from '../../helpers/lookup';

const input = z.object({
	email,
	phoneNumber: optionalString,
	additionalFields: userFields,
});

type Input = z.output<typeof input>;

/** The given fields that differ from the existing user (empty: nothing to send). */
export function upsertChanges(
	existing: TargetUser,
	{ phoneNumber, additionalFields }: Input,
): UpdateChanges {
	const { customFields } = additionalFields;
	const changed: IDataObject = {};
	for (const [key, value] of Object.entries(additionalFields)) {
		if (key === 'customFields' || key === 'targetGroupResourceIds') continue;
		if (value !== undefined && existing[key] !== value) changed[key] = value as IDataObject[string];
	}
	if (phoneNumber && existing.phoneNumber !== phoneNumber) changed.phoneNumber = phoneNumber;
	const current = Array.isArray(existing.customFieldValues) ? existing.customFieldValues : [];
	const differing = customFields.filter(
		(c) =>
			!current.some(
				(x) =>
					String(x.name ?? '').toLowerCase() === c.name.toLowerCase() &&
					String(x.value ?? '') === c.value,
			),
	);
	return { ...(changed as Partial<UpdateChanges>), customFields: differing } as UpdateChanges;
}

/** The requests that bring an existing user in line: the complete-record PUT if a field differs, then the groups. */
export function upsertUpdates(existing: TargetUser, value: Input): RequestSpec[] {
	const requests: RequestSpec[] = [];
	const changes = upsertChanges(existing, value);
	if (Object.values(changes).some(isGiven)) {
		const body = fullUpdateBody(existing, changes);
		if (!body.phoneNumber)
			throw new OperationFailure(noPhone('Phone Number (phoneNumber)'), 'Nothing was changed.');
		requests.push({ method: 'PUT', path: userPath(existing.resourceId), body });
	}
	// Groups are added (other memberships stay), so giving them always counts as an update.
	const groups = value.additionalFields.targetGroupResourceIds;
	if (groups.length) requests.push(addToGroupsRequest([existing.resourceId], groups));
	return requests;
}

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
			description:
				'Needed to create a user; for an existing user, a number here replaces the current one',
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
	upsert: {
		what: 'target user',
		key: ({ email: address }) => `"${address}"`,
		find: findByEmail,
		update: (existing, value) => upsertUpdates(existing as TargetUser, value),
		requiredToCreate: ({ phoneNumber }) => [['Phone Number (phoneNumber)', phoneNumber]],
		// On create the groups go in the body.
		create: (value) => ({
			method: 'POST',
			path: '/api/target-users',
			body: createBody({ ...value, phoneNumber: value.phoneNumber ?? '' }),
		}),
		output: ({ outcome, existing, sent, bodies }, { email: address }) => {
			// Keepnet answers a create with the new resourceId only; the email makes the item easy to match up.
			if (outcome === 'created') return { ...unwrap<IDataObject>(bodies[0]), email: address };
			const user = existing as TargetUser;
			// After a PUT the record is what was sent; otherwise (unchanged, groups only) as found.
			const put = sent.find((r) => r.method === 'PUT' && r.path === userPath(user.resourceId));
			return put ? { resourceId: user.resourceId, ...(put.body as IDataObject) } : user;
		},
	},
});
