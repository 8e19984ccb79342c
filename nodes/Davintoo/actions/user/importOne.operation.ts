import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import {
	compact,
	optionalProperties,
	optionalShape,
	outcomeOf,
	readCounters,
	requiredProperties,
	requiredShape,
} from '../../helpers/user-fields';

const input = z.object({ ...requiredShape, additionalFields: z.object(optionalShape).default({}) });

/** The single-import body: the API takes one flat object, by field name, in any order. */
export function importOneBody(value: z.output<typeof input>): IDataObject {
	const { additionalFields, ...required } = value;
	return compact({ ...required, ...additionalFields });
}

export const importOne = defineOperation({
	resource: 'user',
	operation: 'importOne',
	name: 'Import One',
	action: 'Import one user',
	description:
		'Create the user with this UID, or update them if they exist (POST /api/v2/users-import/single)',
	properties: [
		...requiredProperties,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: optionalProperties,
		},
	],
	input,
	// An import is an upsert by uid: sending it again after a lost answer cannot duplicate anyone.
	request: (value) => ({
		method: 'POST',
		path: '/users-import/single',
		body: importOneBody(value),
		idempotent: true,
	}),
	output: (response, value) => {
		const counters = readCounters(response);
		return { json: { uid: String(value.uid), ...counters }, outcome: outcomeOf(counters) };
	},
});
