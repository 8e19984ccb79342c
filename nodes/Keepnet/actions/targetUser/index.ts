import type { Operation } from '../../../shared/operation';
import { addToGroups } from './addToGroups.operation';
import { create } from './create.operation';
import { deleteUser } from './delete.operation';
import { get } from './get.operation';
import { removeFromGroups } from './removeFromGroups.operation';
import { search } from './search.operation';
import { searchByEmail } from './searchByEmail.operation';
import { update } from './update.operation';
import { sync } from './sync.operation';
import { upsert } from './upsert.operation';

export const targetUserOperations: Operation[] = [
	create,
	upsert,
	deleteUser,
	get,
	search,
	searchByEmail,
	update,
	addToGroups,
	removeFromGroups,
	sync,
];
