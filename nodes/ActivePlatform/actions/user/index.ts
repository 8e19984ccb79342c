import type { Operation } from '../../../shared/operation';
import { attach } from './attach';
import { create } from './create';
import { detach } from './detach';
import { get } from './get';
import { getAccounts } from './getAccounts';
import { getAccountUsers } from './getAccountUsers';
import { getMany } from './getMany';
import { update } from './update';
import { upsert } from './upsert';

export const userOperations: Operation[] = [
	create,
	upsert,
	get,
	getMany,
	update,
	attach,
	detach,
	getAccounts,
	getAccountUsers,
];
