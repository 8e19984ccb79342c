import type { Operation } from '../../shared/operation';
import type { ResourceOption } from '../../shared/description';
import { agentOperations } from './agent';
import { contactOperations } from './contact';
import { platformUserOperations } from './platformUser';

export const chatwootResources: ResourceOption[] = [
	{ name: 'Platform User', value: 'platformUser', description: 'Users of the installation (platform app token)' },
	{ name: 'Agent', value: 'agent', description: 'People in the account (user access token)' },
	{ name: 'Contact', value: 'contact', description: 'Customers in the account (user access token)' },
];

export const chatwootOperations: Operation[] = [...platformUserOperations, ...agentOperations, ...contactOperations];
