import type { Operation } from '../../../shared/operation';
import { create } from './create.operation';
import { deleteMessage } from './delete.operation';
import { getAll } from './getAll.operation';

export const messageOperations: Operation[] = [create, getAll, deleteMessage];
