import type { Operation } from '../../../shared/operation';
import { attachToAccount } from './attachToAccount.operation';
import { create } from './create.operation';
import { detachFromAccount } from './detachFromAccount.operation';
import { get } from './get.operation';
import { getAccounts } from './getAccounts.operation';
import { getAccountUsers } from './getAccountUsers.operation';
import { getAll } from './getAll.operation';
import { sync } from './sync.operation';
import { update } from './update.operation';
import { upsert } from './upsert.operation';

export const userOperations: Operation[] = [
	create,
	upsert,
	get,
	getAll,
	update,
	attachToAccount,
	detachFromAccount,
	getAccounts,
	getAccountUsers,
	sync,
];
