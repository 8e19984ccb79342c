import type { Operation } from '../../../shared/operation';
import { create } from './create';
import { deleteUser } from './delete';
import { get } from './get';
import { getMany } from './getMany';
import { update } from './update';
import { updateAccess } from './updateAccess';
import { upsert } from './upsert';

export const userOperations: Operation[] = [create, upsert, deleteUser, get, getMany, update, updateAccess];
