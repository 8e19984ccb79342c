import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { optionalEmail, optionalPassword } from '../../shared/checks';
import { OperationFailure } from '../../shared/operation';
import type { Paging } from '../../shared/patterns/paging';
import type { FieldChange } from '../../shared/patterns/sync';
import type { RequestSpec } from '../../shared/types';
import { compact } from './user-fields';
import { commaText, field, text } from './values';

/** The fields a sync keeps in line: the ones /users/list shows, by API name. */
export const SYNC_FIELDS = [
	'patronymic',
	'department',
	'position',
	'city',
	'phone',
	'tags',
] as const;

/** Text that may be missing, numbers read as text (UIDs often are numbers): the import's own rule. */
const optionalText = field(text) as z.ZodType<string | undefined, z.ZodTypeDef, unknown>;

export const syncInput = z
	.object({
		uid: optionalText,
		login: optionalText,
		email: optionalEmail,
		secondname: optionalText,
		firstname: optionalText,
		password: optionalPassword,
		active: z.boolean({ invalid_type_error: 'must be true or false' }).default(true),
		fields: z
			.object({
				patronymic: optionalText,
				department: optionalText,
				position: optionalText,
				city: optionalText,
				phone: optionalText,
				tags: field(commaText) as z.ZodType<string | undefined, z.ZodTypeDef, unknown>,
			})
			.default({}),
		scope: z.object({ department: optionalText, tag: optionalText }).default({}),
	})
	.superRefine((v, ctx) => {
		const department = v.fields.department;
		const scoped = v.scope.department;
		if (scoped && department && department.toLowerCase() !== scoped.toLowerCase()) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['fields', 'department'],
				message: `must be empty or the scope's department (${scoped}): a user in another department is outside this sync`,
			});
		}
	});

export type SyncInput = z.output<typeof syncInput>;

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
const tagList = (v: unknown) =>
	str(v)
		.split(',')
		.map((t) => t.trim())
		.filter(Boolean);
const lower = (s: string) => s.toLowerCase();

/** Tags a wanted user should have: its own (or, without any given, the current ones) and the scope's tag. */
function wantedTags(current: unknown, w: SyncInput): string | undefined {
	const own = w.fields.tags === undefined ? undefined : tagList(w.fields.tags);
	const tag = w.scope.tag;
	if (!tag) return own?.join(',');
	const base = own ?? tagList(current);
	return base.some((t) => lower(t) === lower(tag)) ? base.join(',') : [...base, tag].join(',');
}

/** The wanted value of each compared field (undefined: not compared). */
function wantedValues(user: IDataObject, w: SyncInput): Record<string, string | undefined> {
	const f = w.fields;
	return {
		secondname: w.secondname,
		firstname: w.firstname,
		login: w.login,
		email: w.email,
		patronymic: f.patronymic,
		department: f.department ?? w.scope.department,
		position: f.position,
		city: f.city,
		phone: f.phone,
		tags: wantedTags(user.tags, w),
	};
}

/** Tags compare as sets; logins, emails and a department taken from the scope ignore case. */
function same(fieldName: string, before: unknown, after: string, w: SyncInput): boolean {
	if (fieldName === 'tags') {
		const [a, b] = [tagList(before).map(lower).sort(), tagList(after).map(lower).sort()];
		return a.join(',') === b.join(',');
	}
	const caseless =
		fieldName === 'login' ||
		fieldName === 'email' ||
		(fieldName === 'department' && w.fields.department === undefined);
	return caseless ? lower(str(before)) === lower(after) : str(before) === after;
}

export const isActive = (user: IDataObject) => Number(user.is_active ?? 1) !== 0;

export function syncChanges(user: IDataObject, w: SyncInput): FieldChange[] {
	const changes: FieldChange[] = [];
	for (const [name, after] of Object.entries(wantedValues(user, w))) {
		if (after !== undefined && !same(name, user[name], after, w))
			changes.push({ field: name, before: user[name] ?? undefined, after });
	}
	if (isActive(user) !== w.active)
		changes.push({ field: 'is_active', before: isActive(user) ? 1 : 0, after: w.active ? 1 : 0 });
	return changes;
}

/**
 * A re-import of an existing user: the import matches by UID, and the fields it requires are
 * sent as the list shows them, with the changes laid over them.
 */
export function reimport(user: IDataObject, changes: IDataObject): RequestSpec {
	const uid = str(user.uid);
	if (!uid)
		throw new OperationFailure(
			'This user has no UID, and Davintoo imports (the only way to change users) match by UID',
			'Nothing was changed.',
		);
	const required = {
		secondname: user.secondname,
		firstname: user.firstname,
		login: user.login,
		email: user.email,
	};
	return {
		method: 'POST',
		path: '/users-import/single',
		body: compact({ ...required, ...changes, uid }),
		idempotent: true,
	};
}

export function updateRequest(user: IDataObject, w: SyncInput): RequestSpec {
	const body: IDataObject = {};
	for (const change of syncChanges(user, w))
		body[change.field] = change.after as IDataObject[string];
	return reimport(user, body);
}

export function createRequest(
	w: SyncInput,
): RequestSpec & { verify: NonNullable<RequestSpec['verify']> } {
	const values = wantedValues({}, w);
	const body = compact({
		uid: w.uid,
		...values,
		password: w.password,
		is_active: w.active ? 1 : 0,
	});
	return {
		method: 'POST',
		path: '/users-import/single',
		body,
		// An import is an upsert by UID: sending it again cannot make a second user.
		idempotent: true,
		verify: {
			request: {
				method: 'GET',
				path: '/users/list',
				qs: { 'filter[fullname]': str(w.login), page: 1 },
			},
			find: (answer) => listItems(answer).find((u) => str(u.uid) === str(w.uid)),
		},
	};
}

interface ListAnswer {
	data?: IDataObject[];
	pager?: { current?: number; count?: number };
}

const listItems = (answer: unknown): IDataObject[] => {
	const data = (answer as ListAnswer | null)?.data;
	return Array.isArray(data) ? data : [];
};

/** Everyone, page by page (the pager gives the page count, so pages after the first are fetched several at a time). */
export const everyoneList: Paging<SyncInput> = {
	by: 'page',
	what: 'users',
	request: (_w, at) => ({ method: 'GET', path: '/users/list', qs: { page: at.page } }),
	read: (body, at) => {
		const answer = (body ?? {}) as ListAnswer;
		const items = listItems(answer);
		if (
			answer.pager?.current !== undefined &&
			Number(answer.pager.current) !== at.page &&
			items.length
		) {
			throw new OperationFailure(
				`Davintoo answered page ${answer.pager.current} when asked for page ${at.page}: this portal does not page /users/list with ?page=, so not every user can be listed for a sync`,
				'Nothing was changed.',
			);
		}
		return {
			items,
			totalPages: answer.pager?.count !== undefined ? Number(answer.pager.count) : undefined,
		};
	},
};

/** In scope: has a UID (imports need one), and the scope's department and tag. */
export function inScope(user: IDataObject, { scope }: SyncInput): boolean {
	const { department, tag } = scope;
	return (
		!!str(user.uid) &&
		(!department || lower(str(user.department)) === lower(department)) &&
		(!tag || tagList(user.tags).some((t) => lower(t) === lower(tag)))
	);
}
