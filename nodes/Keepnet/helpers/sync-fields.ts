import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { email, optionalString } from '../../shared/checks';
import type { Paging } from '../../shared/patterns/paging';
import type { FieldChange } from '../../shared/patterns/sync';
import type { RequestSpec } from '../../shared/types';
import { unwrap } from '../transport';
import type { UpdateChanges } from './bodies';
import { type PagedResults, PRIORITIES, userFieldsShape } from './fields';

/** A target user as the search list shows it (TargetUserSearchView): `status` instead of isActive, no manager fields. */
export interface ListedTargetUser extends IDataObject {
	resourceId: string;
	email: string;
	status?: string | null;
	phoneNumber?: string | null;
	customFieldValues?: IDataObject[] | null;
}

/** The fields a sync compares: the ones the list shows, so a plan needs list calls only. */
export const syncFieldsInput = z
	.object({
		firstName: userFieldsShape.firstName,
		lastName: userFieldsShape.lastName,
		department: userFieldsShape.department,
		priority: z
			.enum(PRIORITIES, { errorMap: () => ({ message: 'must be Low, Medium or High' }) })
			.optional(),
		customFields: userFieldsShape.customFields,
	})
	.default({});

export const syncInput = z
	.object({
		email,
		phoneNumber: optionalString,
		active: z.boolean({ invalid_type_error: 'must be true or false' }).default(true),
		fields: syncFieldsInput,
		scope: z.object({ targetGroupId: optionalString, department: optionalString }).default({}),
	})
	.superRefine((v, ctx) => {
		const { department } = v.fields;
		if (
			v.scope.department &&
			department &&
			department.toLowerCase() !== v.scope.department.toLowerCase()
		) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['fields', 'department'],
				message: `must be empty or the scope's department (${v.scope.department}): a user in another department is outside this sync`,
			});
		}
	});

export type SyncInput = z.output<typeof syncInput>;

/** Search views say "Active"/"Inactive" (filters use 1/0); read either. */
export function isActiveUser(user: IDataObject): boolean {
	if (typeof user.isActive === 'boolean') return user.isActive;
	const status = String(user.status ?? '').toLowerCase();
	return status === 'active' || status === '1' || status === 'true';
}

/** The department a wanted user should have: its own, or the scope's. */
export const wantedDepartment = (w: SyncInput) => w.fields.department ?? w.scope.department;

/** The wanted values, as an update lays them over the current record. */
export function wantedChanges(w: SyncInput): UpdateChanges {
	return {
		phoneNumber: w.phoneNumber,
		firstName: w.fields.firstName,
		lastName: w.fields.lastName,
		department: wantedDepartment(w),
		priority: w.fields.priority,
		isActive: w.active,
		customFields: w.fields.customFields,
	} as UpdateChanges;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** What differs between a listed user and the wanted one; fields left empty in the input are not compared. */
export function syncChanges(existing: ListedTargetUser, w: SyncInput): FieldChange[] {
	const changes: FieldChange[] = [];
	const compare = (
		field: string,
		wanted: string | undefined,
		same = (a: string, b: string) => a === b,
	) => {
		if (wanted !== undefined && !same(text(existing[field]), wanted))
			changes.push({ field, before: existing[field] ?? undefined, after: wanted });
	};
	compare('phoneNumber', w.phoneNumber);
	compare('firstName', w.fields.firstName);
	compare('lastName', w.fields.lastName);
	// A department taken from the scope is matched as the scope is: ignoring case.
	compare(
		'department',
		wantedDepartment(w),
		w.fields.department ? undefined : (a, b) => a.toLowerCase() === b.toLowerCase(),
	);
	compare('priority', w.fields.priority);
	const active = isActiveUser(existing);
	if (active !== w.active) changes.push({ field: 'isActive', before: active, after: w.active });
	const current = Array.isArray(existing.customFieldValues) ? existing.customFieldValues : [];
	for (const { name, value } of w.fields.customFields) {
		const found = current.find((c) => text(c.name).toLowerCase() === name.toLowerCase());
		if (text(found?.value) !== value)
			changes.push({ field: name, before: found?.value ?? undefined, after: value });
	}
	return changes;
}

/** Everyone in the company, oldest first (a stable order while paging), 100 to a page. */
const listBody = (
	path: string,
	pageNumber: number,
	pageSize: number,
	extra: IDataObject = {},
): RequestSpec => ({
	method: 'POST',
	path,
	body: {
		pageNumber,
		pageSize,
		orderBy: 'CreateTime',
		ascending: true,
		filter: { Condition: 'AND', SearchInputTextValue: '', FilterGroups: [] },
		...extra,
	},
	idempotent: true,
});

const readPage = (body: unknown) => {
	const page = unwrap<PagedResults<IDataObject> | null>(body);
	const pages = Number(page?.totalNumberOfPages);
	return {
		items: Array.isArray(page?.results) ? page.results : [],
		totalPages: Number.isFinite(pages) ? pages : undefined,
	};
};

export const KEEPNET_LIST_PAGE = 100;

export const everyoneList: Paging<SyncInput> = {
	by: 'page',
	what: 'target users',
	pageSize: KEEPNET_LIST_PAGE,
	request: (_w, at) => listBody('/api/target-users/search', at.page, at.size ?? KEEPNET_LIST_PAGE),
	read: readPage,
};

/** The members of the scope's target group (POST /api/target-groups/{id}/users), paged like search. */
export function groupMembersList(groupId: string): Paging<SyncInput> {
	return {
		by: 'page',
		what: 'target users',
		pageSize: KEEPNET_LIST_PAGE,
		request: (_w, at) =>
			listBody(
				`/api/target-groups/${encodeURIComponent(groupId)}/users`,
				at.page,
				at.size ?? KEEPNET_LIST_PAGE,
				{ excludeGroupUsers: false },
			),
		read: readPage,
	};
}
