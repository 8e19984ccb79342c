import { z } from 'zod';

import { positiveId } from '../../../shared/checks';
import { asObject, defineOperation } from '../../../shared/operation';
import type { RequestSpec } from '../../../shared/types';
import { listPage } from '../../helpers/list-page';
import { ACCESSES_PATH, userAccountsPath } from '../../helpers/paths';
import { accountIdProperty, userIdProperty } from '../../helpers/user-fields';

const ROLES = ['user', 'admin', 'owner'] as const;

/** After a lost answer: is the user on the account (with this role) now? Then the attach happened. */
export function verifyAttached(
	userId: number,
	accountId: number,
	role: string,
): RequestSpec['verify'] {
	return {
		request: { method: 'GET', path: userAccountsPath(userId) },
		find: (body) =>
			listPage(body).items.some(
				(a) => Number(a.id) === accountId && (a.role === undefined || a.role === role),
			)
				? {}
				: undefined,
	};
}

export const attachToAccount = defineOperation({
	resource: 'user',
	operation: 'attachToAccount',
	name: 'Attach to Account',
	action: 'Attach a user to an account',
	description: 'Give a user access to an account, with a role',
	properties: [
		userIdProperty,
		accountIdProperty,
		{
			displayName: 'Role',
			name: 'role',
			type: 'options',
			options: [
				{ name: 'Admin', value: 'admin' },
				{ name: 'Owner', value: 'owner', description: 'An account has one owner' },
				{ name: 'User', value: 'user' },
			],
			default: 'user',
		},
	],
	input: z.object({
		userId: positiveId,
		accountId: positiveId,
		role: z
			.enum(ROLES, { errorMap: () => ({ message: 'must be user, admin or owner' }) })
			.default('user'),
	}),
	// Everything goes in the query string, as the API documents it; the answer is 201 with no body of note.
	request: ({ userId, accountId, role }) => ({
		method: 'POST',
		path: `${ACCESSES_PATH}.json`,
		qs: { account_id: accountId, user_id: userId, role },
		verify: verifyAttached(userId, accountId, role),
	}),
	output: (response, { userId, accountId, role }) => {
		const body =
			response && typeof response === 'object' && !Array.isArray(response)
				? asObject(response)
				: {};
		return { json: { user_id: userId, account_id: accountId, role, attached: true, ...body } };
	},
});
