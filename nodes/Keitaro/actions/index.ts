import type { ResourceOption } from '../../shared/description';
import type { Operation } from '../../shared/operation';
import { userOperations } from './user';

export const keitaroResources: ResourceOption[] = [{ name: 'User', value: 'user' }];

export const keitaroOperations: Operation[] = [...userOperations];
