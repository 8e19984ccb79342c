import type { Operation } from '../../../shared/operation';
import { create } from './create.operation';
import { deleteUser } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';
import { updateAccess } from './updateAccess.operation';
import { sync } from './sync.operation';
import { upsert } from './upsert.operation';

export const userOperations: Operation[] = [
	create,
	upsert,
	deleteUser,
	get,
	getAll,
	sync,
	update,
	updateAccess,
];
