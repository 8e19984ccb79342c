import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { optionalString } from '../../../shared/zod-fields';
import { unwrap } from '../../transport';
import {
	fieldsBody,
	RESOURCE,
	resourceId,
	resourceIdProperty,
	type TargetUser,
	userFieldOptions,
	userFieldsShape,
	userPath,
} from './fields';

/** What UpdateTargetUserRequest takes besides email and phone; all of it is sent on every PUT. */
const KEPT = [
	'firstName', 'lastName', 'department', 'priority', 'isActive', 'timeZoneId', 'preferredLanguageId',
	'managerFirstName', 'managerLastName', 'managerEmail',
] as const;

const changes = z
	.object({
		email: optionalString.refine((v) => v === undefined || z.string().email().safeParse(v).success, {
			message: 'is not a valid email address',
		}),
		phoneNumber: optionalString,
		...userFieldsShape,
	})
	.refine((f) => Object.entries(f).some(([k, v]) => (k === 'customFields' ? (v as unknown[]).length > 0 : v !== undefined)), {
		message: 'set at least one field to change',
	});

export type UpdateChanges = z.output<typeof changes>;

/** Custom fields of the current user, with the given ones replaced or added by name. */
function mergeCustomFields(current: IDataObject[], changed: UpdateChanges['customFields']): IDataObject[] {
	const out = current.map((c) => ({ ...c }));
	for (const { name, value } of changed) {
		const existing = out.find((c) => String(c.name ?? '').toLowerCase() === name.toLowerCase());
		if (existing) existing.value = value;
		else out.push({ name, value });
	}
	return out;
}

/**
 * The complete PUT body: Keepnet's PUT replaces the record, so every field the user has now is
 * sent back, with the changed ones laid over it. Empty (null) fields are left out.
 */
export function fullUpdateBody(current: TargetUser, changed: UpdateChanges): IDataObject {
	const body: IDataObject = { email: current.email, phoneNumber: current.phoneNumber ?? undefined };
	for (const key of KEPT) {
		const value = current[key];
		if (value !== null && value !== undefined) body[key] = value;
	}
	const currentCustom = Array.isArray(current.customFieldValues) ? current.customFieldValues : [];
	const custom = mergeCustomFields(currentCustom, changed.customFields);
	Object.assign(body, fieldsBody({ ...changed, customFields: [] }));
	if (custom.length) body.customFields = custom;
	if (changed.email) body.email = changed.email;
	if (changed.phoneNumber) body.phoneNumber = changed.phoneNumber;
	if (body.phoneNumber === undefined) delete body.phoneNumber;
	return body;
}

/** Keepnet's PUT insists on a phone number; users imported without one cannot be saved. */
export const noPhone = (field: string) =>
	`${field}: Keepnet requires a phone number on every update and this user has none; set one`;

const updateOptions: INodeProperties[] = [
	...userFieldOptions(false),
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' } as INodeProperties,
	{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '' } as INodeProperties,
].sort((a, b) => a.displayName.localeCompare(b.displayName));

export const update = defineOperation({
	resource: RESOURCE,
	operation: 'update',
	name: 'Update',
	action: 'Update a target user',
	description: 'Change fields of a target user; fields you leave out keep their values',
	properties: [
		resourceIdProperty,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: updateOptions,
		},
	],
	input: z.object({ resourceId, updateFields: changes }),
	run: async ({ resourceId: id, updateFields }, { api, fail }) => {
		const current = unwrap<TargetUser>(await api.request({ method: 'GET', path: userPath(id) }));
		const body = fullUpdateBody(current, updateFields);
		if (!body.phoneNumber) throw fail(noPhone('Update Fields > Phone Number (updateFields.phoneNumber)'), 'Nothing was changed.');
		const result = unwrap<IDataObject | null>(await api.request({ method: 'PUT', path: userPath(id), body }));
		// Keepnet answers with the resourceId only; the record as saved is what was sent.
		return { json: { resourceId: id, ...body, ...(result ?? {}) }, outcome: 'updated' };
	},
});
