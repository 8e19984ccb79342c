import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { email, optionalString } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import type { FieldChange } from '../../../shared/patterns/sync';
import { role, roleProperty } from '../../helpers/account-fields';
import {
	agentExtras,
	agentPath,
	autoOfflineProperty,
	availability,
	availabilityProperty,
} from '../../helpers/agent-fields';

const input = z.object({
	email,
	name: optionalString,
	fields: z
		.object({
			role: role.optional(),
			availability: availability.optional(),
			autoOffline: z.boolean().optional(),
		})
		.default({}),
	scope: z.object({ role: role.optional() }).default({}),
});

type Input = z.output<typeof input>;

const sameEmail = (a: unknown, b: unknown) =>
	String(a ?? '')
		.trim()
		.toLowerCase() ===
	String(b ?? '')
		.trim()
		.toLowerCase();

/** What differs on the agent; fields left out of the input are not compared. */
export function agentSyncChanges(agent: IDataObject, wanted: Input): FieldChange[] {
	const changes: FieldChange[] = [];
	const compare = (field: string, before: unknown, after: unknown) => {
		if (after !== undefined && before !== after)
			changes.push({ field, before: before ?? undefined, after });
	};
	compare('name', agent.name, wanted.name);
	compare('role', agent.role, wanted.fields.role);
	// The list says availability_status; updates write `availability` (what the controller reads).
	compare('availability', agent.availability_status, wanted.fields.availability);
	compare('auto_offline', agent.auto_offline, wanted.fields.autoOffline);
	return changes;
}

export const sync = defineOperation({
	resource: 'agent',
	operation: 'sync',
	name: 'Sync',
	action: 'Sync agents with a list',
	description:
		'Make the agents of the account match the input items: plan first, then invite, update and (if asked) remove',
	properties: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. {{ $json.email }}',
			required: true,
			default: '',
			description:
				'The email of the wanted agent (matched case-insensitively, as Chatwoot stores emails)',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description:
				'Needed to invite a new agent; for an existing one, a name here replaces the current one',
		},
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description:
				'Fields to keep in line; those left out are neither compared nor changed (new agents get the role Agent)',
			options: [autoOfflineProperty, availabilityProperty, roleProperty],
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'collection',
			placeholder: 'Add Scope Filter',
			default: {},
			description: 'Only agents in scope are compared and can be removed',
			options: [
				{
					...roleProperty,
					description:
						'Only people with this role, e.g. Agent to leave administrators (you included) alone',
				},
			],
		},
	],
	input,
	sync: {
		what: 'agent',
		defaultKey: 'email',
		keys: {
			email: {
				label: 'Email',
				desired: (w) => w.email,
				existing: (a) => String(a.email ?? ''),
				normalise: (v) => v.toLowerCase(),
			},
		},
		// The account's agents come whole in one answer.
		list: {
			by: 'single',
			what: 'agents',
			request: () => ({ method: 'GET', path: '/agents' }),
			read: (body) => ({ items: Array.isArray(body) ? (body as IDataObject[]) : [] }),
		},
		inScope: (agent, { scope }) => !scope.role || agent.role === scope.role,
		changes: agentSyncChanges,
		update: (agent, wanted) => {
			const body: IDataObject = {};
			if (wanted.name !== undefined && wanted.name !== agent.name) body.name = wanted.name;
			if (wanted.fields.role && wanted.fields.role !== agent.role) body.role = wanted.fields.role;
			Object.assign(body, agentExtras(wanted.fields));
			// Setting the same values twice changes nothing more: safe to retry.
			return [{ method: 'PATCH', path: agentPath(Number(agent.id)), body, idempotent: true }];
		},
		requiredToCreate: ({ name }) => [['Name (name)', name]],
		create: (wanted) => ({
			method: 'POST',
			path: '/agents',
			body: {
				name: wanted.name,
				email: wanted.email,
				role: wanted.fields.role ?? 'agent',
				...agentExtras(wanted.fields),
			},
			// After a lost answer, look for the email among the agents before inviting again.
			verify: {
				request: { method: 'GET', path: '/agents' },
				find: (body) =>
					Array.isArray(body)
						? (body as IDataObject[]).find((a) => sameEmail(a.email, wanted.email))
						: undefined,
			},
		}),
		removals: {
			removeFromAccount: {
				name: 'Remove From Account',
				description:
					'Take agents that are not in the input out of the account (Chatwoot deletes a user left in no account)',
				requests: (agent) => [{ method: 'DELETE', path: agentPath(Number(agent.id)) }],
			},
		},
		id: (agent) => Number(agent.id),
		name: (agent) => String(agent.name ?? agent.email ?? ''),
	},
});
