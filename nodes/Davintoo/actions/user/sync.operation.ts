import type { INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { optionalProperties, requiredProperties } from '../../helpers/user-fields';
import {
	createRequest,
	everyoneList,
	inScope,
	isActive,
	reimport,
	SYNC_FIELDS,
	syncChanges,
	syncInput,
	updateRequest,
} from '../../helpers/sync-fields';

const optional = (p: INodeProperties): INodeProperties => ({ ...p, required: false });
const [uidProperty, secondnameProperty, firstnameProperty, loginProperty, emailProperty] =
	requiredProperties;

const text = (value: unknown) =>
	value === undefined || value === null ? '' : String(value).trim();

export const sync = defineOperation({
	resource: 'user',
	operation: 'sync',
	name: 'Sync',
	action: 'Sync users with a list',
	description:
		'Make the portal users match the input items: plan first, then import, update and (if asked) block',
	properties: [
		{
			...optional(uidProperty),
			description:
				'External unique ID: needed to create a user. Existing users keep theirs (imports match by UID, so it cannot change).',
		},
		{ ...optional(loginProperty), description: 'Matched ignoring case; needed to create a user' },
		{ ...optional(emailProperty), description: 'Matched ignoring case; needed to create a user' },
		{ ...optional(secondnameProperty), description: 'Needed to create a user' },
		{ ...optional(firstnameProperty), description: 'Needed to create a user' },
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Sets the password of a new user; existing users keep theirs (a password cannot be read back to compare)',
		},
		{
			displayName: 'Active',
			name: 'active',
			type: 'boolean',
			default: true,
			description:
				'Whether the wanted users should be active: blocked ones among them are unblocked',
		},
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Fields to keep in line; those left out are neither compared nor changed',
			options: optionalProperties.filter((p) =>
				(SYNC_FIELDS as readonly string[]).includes(p.name),
			),
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'collection',
			placeholder: 'Add Scope Filter',
			default: {},
			description:
				'Only users in scope are compared and can be blocked; wanted users outside it are brought in. Users without a UID are never in scope.',
			options: [
				{
					displayName: 'Department',
					name: 'department',
					type: 'string',
					default: '',
					description:
						'Only users of this department (case-insensitive); new and wanted users get it',
				},
				{
					displayName: 'Tag',
					name: 'tag',
					type: 'string',
					default: '',
					description:
						'Only users with this tag; new and wanted users get it (their other tags stay)',
				},
			],
		},
	],
	input: syncInput,
	sync: {
		what: 'user',
		defaultKey: 'uid',
		keys: {
			uid: { label: 'UID', desired: (w) => w.uid, existing: (u) => text(u.uid) },
			login: {
				label: 'Login',
				desired: (w) => w.login,
				existing: (u) => text(u.login),
				normalise: (v) => v.toLowerCase(),
			},
			email: {
				label: 'Email',
				desired: (w) => w.email,
				existing: (u) => text(u.email),
				normalise: (v) => v.toLowerCase(),
			},
		},
		list: everyoneList,
		inScope,
		// Out of scope by department or tag: the re-import sets them (they are among the changes). Without a UID it cannot be changed at all.
		adopt: (user) => (text(user.uid) ? { changes: [], steps: [] } : undefined),
		changes: syncChanges,
		update: (user, w) => [updateRequest(user, w)],
		requiredToCreate: (w) => [
			['UID (uid)', w.uid],
			['Last Name (secondname)', w.secondname],
			['First Name (firstname)', w.firstname],
			['Login (login)', w.login],
			['Email (email)', w.email],
		],
		create: createRequest,
		removals: {
			block: {
				name: 'Block',
				description:
					'Block users that are not in the input (a re-import with is_active 0; they can be unblocked again)',
				requests: (user) => [reimport(user, { is_active: 0 })],
				alreadyDone: (user) => !isActive(user),
			},
		},
		id: (user) => text(user.uid) || text(user.id),
		name: (user) => [user.firstname, user.secondname].filter(Boolean).join(' ') || text(user.login),
	},
});
