import type { Operation } from '../../../shared/operation';
import { create } from './create';
import { deleteAgent } from './delete';
import { getMany } from './getMany';
import { update } from './update';

export const agentOperations: Operation[] = [create, getMany, update, deleteAgent];
