import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { idProperty } from './locators';

/** A locator over the account's agents; older workflows hold a plain number here. */
export const agentIdProperty: INodeProperties = idProperty('agent');

export const availabilityProperty: INodeProperties = {
	displayName: 'Availability',
	name: 'availability',
	type: 'options',
	options: [
		{ name: 'Busy', value: 'busy' },
		{ name: 'Offline', value: 'offline' },
		{ name: 'Online', value: 'online' },
	],
	default: 'online',
};

export const autoOfflineProperty: INodeProperties = {
	displayName: 'Auto Offline',
	name: 'autoOffline',
	type: 'boolean',
	default: true,
	description: 'Whether the agent goes offline automatically when away',
};

export const availability = z.enum(['online', 'busy', 'offline'], {
	errorMap: () => ({ message: 'must be online, busy or offline' }),
});

/**
 * Chatwoot's agents controller reads `availability` (online/busy/offline); the published
 * spec says `availability_status`, which the controller ignores. We send what the server reads.
 */
export function agentExtras(fields: { availability?: string; autoOffline?: boolean }): IDataObject {
	const body: IDataObject = {};
	if (fields.availability) body.availability = fields.availability;
	if (fields.autoOffline !== undefined) body.auto_offline = fields.autoOffline;
	return body;
}

export function agentPath(id: number): string {
	return `/agents/${id}`;
}
