import type { ResourceOption } from '../../shared/description';
import type { Operation } from '../../shared/operation';
import { userOperations } from './user';

export const davintooResources: ResourceOption[] = [
	{ name: 'User', value: 'user', defaultOperation: 'importOne' },
];

export const davintooOperations: Operation[] = [...userOperations];
