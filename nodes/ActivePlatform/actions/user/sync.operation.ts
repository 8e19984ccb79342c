import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { email, optionalPassword, optionalString, positiveId } from '../../../shared/checks';
import { defineOperation, OperationFailure } from '../../../shared/operation';
import type { FieldChange } from '../../../shared/patterns/sync';
import { lookupFor } from '../../../shared/patterns/upsert';
import type { RequestSpec } from '../../../shared/types';
import { listPage } from '../../helpers/list-page';
import { ACCESSES_PATH, accountUsersPath, USERS_LIST_PATH, userPath } from '../../helpers/paths';
import {
	accountIdProperty,
	type ActivePlatformUser,
	createForm,
	customAttributesInput,
	customAttributesProperty,
	hasAttributes,
	type UserFields,
	userForm,
} from '../../helpers/user-fields';
import { userByEmail } from '../../helpers/user-lookup';
import { verifyAttached } from './attachToAccount.operation';

/** Users asked for per page of the users list (the most the API is known to return). */
const PAGE_SIZE = 100;

const input = z.object({
	accountId: positiveId,
	email,
	firstName: optionalString,
	lastName: optionalString,
	password: optionalPassword,
	fields: z
		.object({
			middleName: optionalString,
			role: z
				.enum(['user', 'admin'], { errorMap: () => ({ message: 'must be user or admin' }) })
				.default('user'),
		})
		.default({}),
	customAttributes: customAttributesInput,
});

type Input = z.output<typeof input>;

/** What differs from the listed user; names left empty in the input are not compared. */
function changesOf(
	user: ActivePlatformUser,
	w: Input,
): { changes: FieldChange[]; fields: UserFields; attributes: Input['customAttributes'] } {
	const changes: FieldChange[] = [];
	const fields: UserFields = {};
	const compare = (field: string, key: keyof UserFields, wanted: string | undefined) => {
		if (wanted === undefined || wanted === String(user[field] ?? '')) return;
		changes.push({ field, before: user[field] ?? undefined, after: wanted });
		fields[key] = wanted;
	};
	compare('first_name', 'firstName', w.firstName);
	compare('middle_name', 'middleName', w.fields.middleName);
	compare('last_name', 'lastName', w.lastName);
	const attributes = w.customAttributes.filter((a) => !hasAttributes(user, [a]));
	for (const a of attributes) changes.push({ field: a.key, before: undefined, after: a.value });
	return { changes, fields, attributes };
}

/** Attach the user to the account, looking before sending again after a lost answer. */
function attach(userId: number, { accountId, fields }: Input): RequestSpec {
	return {
		method: 'POST',
		path: `${ACCESSES_PATH}.json`,
		qs: { account_id: accountId, user_id: userId, role: fields.role },
		verify: verifyAttached(userId, accountId, fields.role),
	};
}

export const sync = defineOperation({
	resource: 'user',
	operation: 'sync',
	name: 'Sync',
	action: "Sync an account's users with a list",
	description:
		"Make an account's users match the input items: plan first, then create, attach, update and (if asked) detach",
	properties: [
		{
			...accountIdProperty,
			description:
				'The account (customer) whose users the input lists: its users are the scope of this sync',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. {{ $json.email }}',
			required: true,
			default: '',
			description: 'The email (login) of the wanted user, matched case-insensitively',
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			description: 'Needed to create a user',
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
			description: 'Needed to create a user',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Needed to create a user; existing users keep theirs (a password cannot be read back to compare)',
		},
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Middle Name', name: 'middleName', type: 'string', default: '' },
				{
					displayName: 'Role on Attach',
					name: 'role',
					type: 'options',
					options: [
						{ name: 'Admin', value: 'admin' },
						{ name: 'User', value: 'user' },
					],
					default: 'user',
					description:
						'The role a user gets when attached to the account (the list does not show roles, so they are not compared)',
				},
			],
		},
		customAttributesProperty,
	],
	input,
	sync: {
		what: 'user',
		defaultKey: 'email',
		keys: {
			email: {
				label: 'Email',
				desired: (w) => w.email,
				existing: (u) => String(u.email ?? ''),
				normalise: (v) => v.toLowerCase(),
			},
		},
		// Everyone, so a wanted user who exists but is not on the account is attached, not created twice.
		list: {
			by: 'page',
			what: 'users',
			pageSize: PAGE_SIZE,
			request: (_w, at) => ({
				method: 'GET',
				path: USERS_LIST_PATH,
				qs: { page: at.page, per_page: at.size ?? PAGE_SIZE },
			}),
			read: (body, at) => listPage(body, at.page, at.size),
		},
		// The account's users come whole in one answer.
		members: ({ accountId }) => ({
			by: 'single',
			what: 'users',
			request: () => ({ method: 'GET', path: accountUsersPath(accountId) }),
			read: (body) => listPage(body),
		}),
		adopt: (user, w) => ({
			changes: [{ field: 'account', before: undefined, after: w.accountId }],
			steps: [attach(Number(user.id), w)],
		}),
		changes: (user, w) => changesOf(user as ActivePlatformUser, w).changes,
		update: (user, w) => {
			const { fields, attributes } = changesOf(user as ActivePlatformUser, w);
			return [
				{ method: 'PUT', path: userPath(Number(user.id)), form: userForm(fields, attributes) },
			];
		},
		requiredToCreate: (w) => [
			['First Name (firstName)', w.firstName],
			['Last Name (lastName)', w.lastName],
			['Password (password)', w.password],
		],
		create: (w) => ({
			method: 'POST',
			path: USERS_LIST_PATH,
			form: createForm({ ...w, additionalFields: { middleName: w.fields.middleName } }),
			verify: lookupFor(userByEmail, { email: w.email }),
		}),
		// A new user belongs to no account yet: attach it, with the ID from the answer (or the lookup).
		afterCreate: (created, w) => {
			const id = Number((created as IDataObject | null)?.id);
			if (!Number.isInteger(id) || id <= 0) {
				throw new OperationFailure(
					`ActivePlatform created ${w.email} but did not answer with its ID, so it could not be attached to account ${w.accountId}`,
					'Run the sync again: the user now exists and will be attached.',
				);
			}
			return [attach(id, w)];
		},
		removals: {
			detach: {
				name: 'Detach From Account',
				description:
					"Take users that are not in the input off the account (their services and credentials on it are deleted; the API cannot block or delete users, and an account's owner cannot be detached)",
				requests: (user, { accountId }) => [
					{
						method: 'DELETE',
						path: `${ACCESSES_PATH}/detach.json`,
						qs: { account_id: accountId, user_id: Number(user.id) },
					},
				],
			},
		},
		id: (user) => Number(user.id),
		name: (user: IDataObject) =>
			[user.first_name, user.last_name].filter(Boolean).join(' ') || String(user.email ?? ''),
	},
});
