import type { Operation } from '../../../shared/operation';
import { block } from './block.operation';
import { getAll } from './getAll.operation';
import { importMany } from './importMany.operation';
import { importOne } from './importOne.operation';
import { sync } from './sync.operation';
import { unblock } from './unblock.operation';

export const userOperations: Operation[] = [importOne, importMany, block, unblock, getAll, sync];
