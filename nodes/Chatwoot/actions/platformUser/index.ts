import type { Operation } from '../../../shared/operation';
import { addToAccount } from './addToAccount.operation';
import { create } from './create.operation';
import { deleteUser } from './delete.operation';
import { get } from './get.operation';
import { getAccessToken } from './getAccessToken.operation';
import { getLoginLink } from './getLoginLink.operation';
import { removeFromAccount } from './removeFromAccount.operation';
import { update } from './update.operation';

export const platformUserOperations: Operation[] = [
	create,
	get,
	update,
	deleteUser,
	getLoginLink,
	getAccessToken,
	addToAccount,
	removeFromAccount,
];
