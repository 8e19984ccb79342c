import type { Operation } from '../../../shared/operation';
import { create } from './create.operation';
import { deleteAgent } from './delete.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';
import { sync } from './sync.operation';

export const agentOperations: Operation[] = [create, getAll, update, deleteAgent, sync];
