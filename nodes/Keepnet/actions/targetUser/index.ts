import type { Operation } from '../../../shared/operation';
import { create } from './create';
import { deleteUser } from './delete';
import { get } from './get';
import { addToGroups, removeFromGroups } from './groups';
import { search } from './search';
import { searchByEmail } from './searchByEmail';
import { update } from './update';
import { upsert } from './upsert';

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
];
