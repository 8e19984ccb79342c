import type { Operation } from '../../../shared/operation';
import { addToInbox } from './addToInbox.operation';
import { create } from './create.operation';
import { deleteContact } from './delete.operation';
import { filter } from './filter.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getContactableInboxes } from './getContactableInboxes.operation';
import { getConversations } from './getConversations.operation';
import { getLabels } from './getLabels.operation';
import { importContacts } from './import.operation';
import { merge } from './merge.operation';
import { search } from './search.operation';
import { setLabels } from './setLabels.operation';
import { sync } from './sync.operation';
import { update } from './update.operation';
import { upsert } from './upsert.operation';

export const contactOperations: Operation[] = [
	create,
	upsert,
	get,
	search,
	filter,
	update,
	deleteContact,
	sync,
	getAll,
	getConversations,
	getLabels,
	setLabels,
	addToInbox,
	getContactableInboxes,
	merge,
	importContacts,
];
