import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, OperationFailure } from '../../../shared/operation';
import { unwrap } from '../../transport';
import { fullUpdateBody, noPhone, updateChanges } from '../../helpers/bodies';
import {
	RESOURCE,
	resourceId,
	resourceIdProperty,
	type TargetUser,
	userFieldOptions,
	userPath,
} from '../../helpers/fields';

const updateOptions: INodeProperties[] = [
	...userFieldOptions(false),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	} as INodeProperties,
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
	} as INodeProperties,
].sort((a, b) => a.displayName.localeCompare(b.displayName));

export const update = defineOperation({
	resource: RESOURCE,
	operation: 'update',
	name: 'Update',
	action: 'Update a target user',
	description: 'Change fields of a target user; fields you leave out keep their values',
	properties: [
		resourceIdProperty,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: updateOptions,
		},
	],
	input: z.object({ resourceId, updateFields: updateChanges }),
	// Keepnet's PUT replaces the whole record: read it, lay the changes over it, send it all back.
	readThenWrite: {
		read: ({ resourceId: id }) => ({ method: 'GET', path: userPath(id) }),
		write: (current, { resourceId: id, updateFields }) => {
			const user = current === undefined ? undefined : unwrap<TargetUser>(current);
			const body = fullUpdateBody(user, updateFields);
			// Only a record actually read can lack a phone; Dry Run plans the PUT with the changes.
			if (user && !body.phoneNumber) {
				throw new OperationFailure(
					noPhone('Update Fields > Phone Number (updateFields.phoneNumber)'),
					'Nothing was changed.',
				);
			}
			return [{ method: 'PUT', path: userPath(id), body }];
		},
		// Keepnet answers with the resourceId only; the record as saved is what was sent.
		output: ({ sent, bodies }, { resourceId: id }) => ({
			json: {
				resourceId: id,
				...(sent[0].body as IDataObject),
				...(unwrap<IDataObject | null>(bodies[0]) ?? {}),
			},
			outcome: 'updated',
		}),
	},
});
