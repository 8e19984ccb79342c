import type { Operation } from '../../../shared/operation';
import { block, unblock } from './block';
import { getMany } from './getMany';
import { importMany } from './importMany';
import { importOne } from './importOne';

export const userOperations: Operation[] = [importOne, importMany, block, unblock, getMany];
