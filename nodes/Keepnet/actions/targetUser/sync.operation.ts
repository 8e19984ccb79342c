import type { IDataObject } from 'n8n-workflow';

import { defineOperation, OperationFailure } from '../../../shared/operation';
import type { SyncStep } from '../../../shared/patterns/sync';
import { createBody, fullUpdateBody, noPhone, type UpdateChanges } from '../../helpers/bodies';
import {
	emailProperty,
	RESOURCE,
	type TargetUser,
	userFieldOptions,
	userPath,
} from '../../helpers/fields';
import { addToGroupsRequest, removeFromGroupRequest } from '../../helpers/groups';
import { findByEmail } from '../../helpers/lookup';
import {
	everyoneList,
	groupMembersList,
	isActiveUser,
	type ListedTargetUser,
	syncChanges,
	type SyncInput,
	syncInput,
	wantedChanges,
	wantedDepartment,
} from '../../helpers/sync-fields';
import { lookupFor } from '../../../shared/patterns/upsert';
import { unwrap } from '../../transport';

/**
 * Keepnet's PUT replaces the whole record and the list shows only part of it (no manager, time
 * zone or language IDs): read the user, lay the changes over it, send it all back.
 */
function putOver(user: ListedTargetUser, changes: UpdateChanges): SyncStep {
	return {
		send: { method: 'GET', path: userPath(user.resourceId) },
		then: (answer) => {
			const body = fullUpdateBody(unwrap<TargetUser>(answer), changes);
			if (!body.phoneNumber)
				throw new OperationFailure(noPhone('Phone Number (phoneNumber)'), 'Nothing was changed.');
			return [{ method: 'PUT', path: userPath(user.resourceId), body }];
		},
	};
}

const FIELD_NAMES = ['firstName', 'lastName', 'department', 'priority', 'customFields'];

export const sync = defineOperation({
	resource: RESOURCE,
	operation: 'sync',
	name: 'Sync',
	action: 'Sync target users with a list',
	description:
		'Make the target users match the input items: plan first, then create, update and (if asked) remove',
	properties: [
		{
			...emailProperty,
			placeholder: 'e.g. {{ $json.email }}',
			description: 'The email of the wanted user (matched case-insensitively)',
		},
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			placeholder: 'e.g. +447700900123',
			description:
				'Needed to create a user (Keepnet requires one); for an existing user, a number here replaces the current one',
		},
		{
			displayName: 'Active',
			name: 'active',
			type: 'boolean',
			default: true,
			description:
				'Whether the wanted users should be active: inactive ones among them are activated again',
		},
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Fields to keep in line; those left out are neither compared nor changed',
			options: userFieldOptions(false).filter((o) => FIELD_NAMES.includes(o.name)),
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'collection',
			placeholder: 'Add Scope Filter',
			default: {},
			description:
				'Only users in scope are compared and can be removed; wanted users outside it are brought in',
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
					displayName: 'Target Group ID',
					name: 'targetGroupId',
					type: 'string',
					default: '',
					placeholder: 'e.g. grpA1b2c3',
					description: 'Only members of this target group; new and wanted users are added to it',
				},
			],
		},
	],
	input: syncInput,
	sync: {
		what: 'target user',
		defaultKey: 'email',
		keys: {
			email: {
				label: 'Email',
				desired: (w) => w.email,
				existing: (u) => String(u.email ?? ''),
				normalise: (v) => v.toLowerCase(),
			},
		},
		list: everyoneList,
		members: ({ scope }) =>
			scope.targetGroupId ? groupMembersList(scope.targetGroupId) : undefined,
		inScope: (user, { scope }) =>
			!scope.department ||
			String(user.department ?? '').toLowerCase() === scope.department.toLowerCase(),
		// Not in the group: add to it (other memberships stay). A wrong department is one of the field changes.
		adopt: (user, { scope }, member) =>
			member || !scope.targetGroupId
				? { changes: [], steps: [] }
				: {
						changes: [{ field: 'targetGroup', before: undefined, after: scope.targetGroupId }],
						steps: [addToGroupsRequest([String(user.resourceId)], [scope.targetGroupId])],
					},
		changes: (user, w) => syncChanges(user as ListedTargetUser, w),
		update: (user, w) => [putOver(user as ListedTargetUser, wantedChanges(w))],
		requiredToCreate: ({ phoneNumber }) => [['Phone Number (phoneNumber)', phoneNumber]],
		create: (w: SyncInput) => {
			const { customFields, ...fields } = w.fields;
			const body = createBody({
				email: w.email,
				phoneNumber: w.phoneNumber ?? '',
				additionalFields: {
					...fields,
					department: wantedDepartment(w),
					isActive: w.active,
					customFields,
					targetGroupResourceIds: w.scope.targetGroupId ? [w.scope.targetGroupId] : [],
				},
			});
			return {
				method: 'POST',
				path: '/api/target-users',
				body,
				verify: lookupFor(findByEmail, { email: w.email }),
			};
		},
		removals: {
			removeFromGroup: {
				name: 'Remove From Target Group',
				description:
					"Take users that are not in the input out of the scope's target group (they stay in Keepnet)",
				requests: (user, { scope }) => [
					removeFromGroupRequest(String(user.resourceId), scope.targetGroupId ?? ''),
				],
				unusable: ({ scope }) =>
					scope.targetGroupId
						? undefined
						: 'set Scope > Target Group ID (scope.targetGroupId) to say which group',
			},
			deactivate: {
				name: 'Deactivate',
				description:
					'Set users that are not in the input inactive: they get no simulations or training, and can be activated again',
				requests: (user) => [
					putOver(user as ListedTargetUser, { isActive: false, customFields: [] } as UpdateChanges),
				],
				alreadyDone: (user) => !isActiveUser(user),
			},
			delete: {
				name: 'Delete',
				description: 'Delete users that are not in the input (cannot be undone)',
				requests: (user) => [{ method: 'DELETE', path: userPath(String(user.resourceId)) }],
			},
		},
		id: (user) => String(user.resourceId),
		name: (user: IDataObject) =>
			[user.firstName, user.lastName].filter(Boolean).join(' ') || String(user.email ?? ''),
	},
});
