import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { atLeastOneField, optionalEmail, optionalString } from '../../shared/checks';
import {
	fieldsBody,
	PLAIN_FIELDS,
	type TargetUser,
	type UserFields,
	userFieldsShape,
} from './fields';

/** What a create needs: email and phone, then the optional fields (target groups included). */
export interface CreateFields {
	email: string;
	phoneNumber: string;
	additionalFields: UserFields;
}

/** POST /api/target-users body: email and phone, then only the fields that were set. */
export function createBody({ email, phoneNumber, additionalFields }: CreateFields): IDataObject {
	const { targetGroupResourceIds, ...fields } = additionalFields;
	const body: IDataObject = { email, phoneNumber, ...fieldsBody(fields) };
	if (targetGroupResourceIds.length) body.targetGroupResourceIds = targetGroupResourceIds;
	return body;
}

/** Update's "Update Fields": email and phone may change too. */
export const updateChanges = atLeastOneField(
	z.object({
		email: optionalEmail,
		phoneNumber: optionalString,
		...userFieldsShape,
	}),
);

export type UpdateChanges = z.output<typeof updateChanges>;

/** Custom fields of the current user, with the given ones replaced or added by name. */
function mergeCustomFields(
	current: IDataObject[],
	changed: UpdateChanges['customFields'],
): IDataObject[] {
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
 * sent back, with the changed ones laid over it. Empty (null) fields are left out. Without a
 * current record (Dry Run) it holds the changes only.
 */
export function fullUpdateBody(
	current: TargetUser | undefined,
	changed: UpdateChanges,
): IDataObject {
	const body: IDataObject = {
		email: current?.email,
		phoneNumber: current?.phoneNumber ?? undefined,
	};
	// UpdateTargetUserRequest takes all of them on every PUT.
	for (const key of PLAIN_FIELDS) {
		const value = current?.[key];
		if (value !== null && value !== undefined) body[key] = value;
	}
	const currentCustom = Array.isArray(current?.customFieldValues) ? current.customFieldValues : [];
	const custom = mergeCustomFields(currentCustom, changed.customFields);
	Object.assign(body, fieldsBody({ ...changed, customFields: [] }));
	if (custom.length) body.customFields = custom;
	if (changed.email) body.email = changed.email;
	if (changed.phoneNumber) body.phoneNumber = changed.phoneNumber;
	if (body.email === undefined) delete body.email;
	if (body.phoneNumber === undefined) delete body.phoneNumber;
	return body;
}

/** Keepnet's PUT insists on a phone number; users imported without one cannot be saved. */
export const noPhone = (field: string) =>
	`${field}: Keepnet requires a phone number on every update and this user has none; set one`;
