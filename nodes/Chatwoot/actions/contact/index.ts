import type { Operation } from '../../../shared/operation';
import { create } from './create';
import { deleteContact } from './delete';
import { filter } from './filter';
import { get } from './get';
import { search } from './search';
import { update } from './update';
import { upsert } from './upsert';

export const contactOperations: Operation[] = [create, upsert, get, search, filter, update, deleteContact];
