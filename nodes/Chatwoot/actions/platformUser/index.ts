import type { Operation } from '../../../shared/operation';
import { addToAccount } from './addToAccount';
import { create } from './create';
import { deleteUser } from './delete';
import { get } from './get';
import { getLoginLink } from './getLoginLink';
import { removeFromAccount } from './removeFromAccount';
import { update } from './update';

export const platformUserOperations: Operation[] = [
	create,
	get,
	update,
	deleteUser,
	getLoginLink,
	addToAccount,
	removeFromAccount,
];
