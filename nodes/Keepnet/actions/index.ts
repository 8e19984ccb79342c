import type { ResourceOption } from '../../shared/description';
import type { Operation } from '../../shared/operation';
import { targetUserOperations } from './targetUser';

export const keepnetResources: ResourceOption[] = [{ name: 'Target User', value: 'targetUser' }];

export const keepnetOperations: Operation[] = [...targetUserOperations];
