import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { idProperty } from './locators';

/** A locator over the platform app's accounts; older workflows hold a plain number here. */
export const accountIdProperty: INodeProperties = idProperty('platformAccount', {
	description: 'The Chatwoot account; the platform app must own it',
});

export function accountUsersPath(accountId: number): string {
	return `/accounts/${accountId}/account_users`;
}

/** The role of a user in an account, for agents and platform users alike. */
export const roleProperty: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	options: [
		{ name: 'Administrator', value: 'administrator' },
		{ name: 'Agent', value: 'agent' },
	],
	default: 'agent',
};

export const role = z.enum(['agent', 'administrator'], {
	errorMap: () => ({ message: 'must be agent or administrator' }),
});
