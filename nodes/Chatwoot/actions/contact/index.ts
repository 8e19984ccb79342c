import type { Operation } from '../../../shared/operation';
import { create } from './create.operation';
import { deleteContact } from './delete.operation';
import { filter } from './filter.operation';
import { get } from './get.operation';
import { search } from './search.operation';
import { update } from './update.operation';
import { sync } from './sync.operation';
import { upsert } from './upsert.operation';

export const contactOperations: Operation[] = [create, upsert, get, search, filter, update, deleteContact, sync];
