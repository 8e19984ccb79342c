import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { idLocator, locatorValue } from '../../shared/locator';
import { defineOperation, type Operation } from '../../shared/operation';
import { compact, outcomeOf, readCounters, requiredProperties, requiredShape } from './user-fields';
import { field, text } from './values';

const input = z.object({
	uid: z.preprocess(locatorValue, requiredShape.uid),
	alsoSend: z
		.object({
			secondname: field(text),
			firstname: field(text),
			login: field(text),
			email: field(text),
		})
		.default({}),
});

/** Block and unblock act on a user who exists, so the UID can be picked from the portal's users. */
const uidProperty: INodeProperties = idLocator({
	displayName: 'UID',
	name: 'uid',
	searchMethod: 'searchUsers',
	what: 'user',
	placeholder: 'e.g. EMP-0042',
	description:
		'The user: pick one (type to search by name, email or login), or give the external unique ID (UID)',
});

const alsoSend: INodeProperties = {
	displayName: 'Also Send',
	name: 'alsoSend',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: 'Fields to send with the UID, for portals that want the full user in every import',
	options: requiredProperties
		.filter((p) => p.name !== 'uid')
		.map((p) => ({ ...p, required: false }))
		.sort((a, b) => a.displayName.localeCompare(b.displayName)),
};

/** Block and unblock are re-imports of the same UID with is_active 0 or 1: API v2 has no block call. */
export function activeFlagOperation(kind: 'block' | 'unblock'): Operation {
	const active = kind === 'block' ? 0 : 1;
	return defineOperation({
		resource: 'user',
		operation: kind,
		name: kind === 'block' ? 'Block' : 'Unblock',
		action: kind === 'block' ? 'Block a user' : 'Unblock a user',
		description:
			kind === 'block'
				? 'Block the user with this UID (re-import with is_active 0)'
				: 'Enable the user with this UID again (re-import with is_active 1)',
		properties: [uidProperty, alsoSend],
		input,
		request: (value) => ({
			method: 'POST',
			path: '/users-import/single',
			body: compact({ uid: value.uid, ...value.alsoSend, is_active: active }),
			idempotent: true,
		}),
		output: (response, value) => {
			const counters = readCounters(response);
			return {
				json: { uid: String(value.uid), is_active: active, ...counters },
				outcome: outcomeOf(counters),
			};
		},
	});
}
