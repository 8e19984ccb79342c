import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { stringList } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { userId, userIdProperty, userPath } from '../../helpers/user-fields';

const ACCESS_LEVELS = [
	'full_access',
	'read_only',
	'to_groups_and_selected',
	'created_by_user_groups_and_selected',
] as const;

/** Entity kinds that carry an access type, by the Admin API's field names. */
const ENTITIES: Array<{ field: string; label: string }> = [
	{ field: 'affiliate_networks_access_type', label: 'Affiliate Networks' },
	{ field: 'campaigns_access_type', label: 'Campaigns' },
	{ field: 'domains_access_type', label: 'Domains' },
	{ field: 'landings_access_type', label: 'Landing Pages' },
	{ field: 'offers_access_type', label: 'Offers' },
	{ field: 'streams_access_type', label: 'Flows (Streams)' },
	{ field: 'traffic_sources_access_type', label: 'Traffic Sources' },
];

const levelOptions = [
	{ name: 'Created by User Groups and Selected', value: 'created_by_user_groups_and_selected' },
	{ name: 'Full Access', value: 'full_access' },
	{ name: 'Read Only', value: 'read_only' },
	{ name: 'To Groups and Selected', value: 'to_groups_and_selected' },
];

const accessTypeOptions: INodeProperties[] = ENTITIES.map(({ field, label }) => ({
	displayName: label,
	name: field,
	type: 'options',
	options: levelOptions,
	default: 'read_only',
}));

const level = z.enum(ACCESS_LEVELS, {
	errorMap: () => ({ message: `must be one of ${ACCESS_LEVELS.join(', ')}` }),
});

const input = z
	.object({
		userId,
		accessTypes: z.record(z.string(), level).default({}),
		resources: stringList,
		reports: stringList,
		listMode: z.enum(['replace', 'keep']).default('keep'),
	})
	.refine(
		(v) => Object.keys(v.accessTypes).length > 0 || v.resources.length > 0 || v.reports.length > 0,
		{ message: 'set at least one access type, resource or report', path: ['accessTypes'] },
	);

type Input = z.output<typeof input>;

/**
 * The complete access_data: what the user has now, with the given access types laid over it.
 * Keitaro takes access_data as a whole, so untouched settings must be sent back as they were.
 */
export function accessBody(value: Input, current: IDataObject = {}): IDataObject {
	const access: IDataObject = { ...current };
	delete access.allowed_resources; // computed by Keitaro, not settable
	Object.assign(access, value.accessTypes);
	if (value.resources.length || value.listMode === 'replace') access.resources = value.resources;
	if (value.reports.length || value.listMode === 'replace') access.reports = value.reports;
	return { access_data: access };
}

export const updateAccess = defineOperation({
	resource: 'user',
	operation: 'updateAccess',
	name: 'Update Access',
	action: 'Update access rights of a user',
	description: 'Set access types per entity, and the resources and reports a user may open',
	properties: [
		userIdProperty,
		{
			displayName: 'Access Types',
			name: 'accessTypes',
			type: 'collection',
			placeholder: 'Add Entity',
			default: {},
			description: 'Access level per kind of entity; kinds you leave out keep their current level',
			options: accessTypeOptions,
		},
		{
			displayName: 'Resources',
			name: 'resources',
			type: 'string',
			default: '',
			placeholder: 'e.g. campaigns, offers, reports',
			description: 'Comma-separated Keitaro resources (sections) the user may open',
		},
		{
			displayName: 'Reports',
			name: 'reports',
			type: 'string',
			default: '',
			description: 'Comma-separated report names the user may see',
		},
		{
			displayName: 'Empty Lists',
			name: 'listMode',
			type: 'options',
			options: [
				{ name: 'Keep Current Resources and Reports', value: 'keep' },
				{ name: 'Clear Them', value: 'replace' },
			],
			default: 'keep',
			description: 'What an empty Resources or Reports field means',
		},
	],
	input,
	// Keitaro takes access_data as a whole: read what the user has, lay the changes over it.
	readThenWrite: {
		read: (value) => ({ method: 'GET', path: userPath(value.userId) }),
		write: (current, value) => [
			{
				method: 'PUT',
				path: `${userPath(value.userId)}/access`,
				body: accessBody(value, (current?.access_data as IDataObject | undefined) ?? {}),
			},
		],
	},
});
