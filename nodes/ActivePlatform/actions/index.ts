import type { ResourceOption } from '../../shared/description';
import type { Operation } from '../../shared/operation';
import { userOperations } from './user';

export const activePlatformResources: ResourceOption[] = [{ name: 'User', value: 'user' }];

export const activePlatformOperations: Operation[] = [...userOperations];
