import type { INodeProperties } from 'n8n-workflow';

export const accountIdProperty: INodeProperties = {
	displayName: 'Account ID',
	name: 'accountId',
	type: 'number',
	required: true,
	default: 0,
	description: 'The numeric ID of the Chatwoot account; the platform app must own it',
};

export function accountUsersPath(accountId: number): string {
	return `/accounts/${accountId}/account_users`;
}
