import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { idProperty } from './locators';

/** Chatwoot's user as the Platform API returns it (extra fields are kept as they come). */
export interface ChatwootUser extends IDataObject {
	id: number;
	name?: string;
	display_name?: string | null;
	email?: string;
	custom_attributes?: IDataObject;
	accounts?: IDataObject[];
}

/** By ID only: the Platform API cannot list users. Older workflows hold a plain number here. */
export const userIdProperty: INodeProperties = idProperty('platformUser');

export const customAttributesProperty: INodeProperties = {
	displayName: 'Custom Attributes',
	name: 'customAttributes',
	type: 'json',
	default: '{}',
	description:
		'A JSON object stored on the user; on update, Chatwoot merges it into the attributes the user has',
};

export function userPath(id: number): string {
	return `/users/${id}`;
}
