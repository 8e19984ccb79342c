import { z } from 'zod';

import { defineOperation, type Operation } from '../../../shared/operation';
import { runImportMany } from './importManyRun';

const settings = z.object({
	source: z.enum(['json', 'csvFromItems', 'binary']).default('json'),
	batchSize: z.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(500),
	ignoreUnknownFields: z.boolean().default(false),
	confirmBlockMissing: z.boolean().default(false),
	binaryPropertyName: z.string().trim().min(1, 'is required').default('data'),
});

export type ImportManySettings = z.output<typeof settings>;

const FULL_FILE_WARNING =
	'A CSV import is a full sync: the portal blocks every user who is not in the file (unless its setting "Don\'t block missing users on import" is on)';

const base = defineOperation({
	resource: 'user',
	operation: 'importMany',
	name: 'Import Many',
	action: 'Import many users',
	description: 'Create or update many users at once: JSON batches, a CSV file built from the items, or a CSV file from a binary property',
	properties: [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Input Items (JSON Batches)',
					value: 'json',
					description: 'Each item is one user, fields named as the API names them; sent in batches to /users-import/batch',
				},
				{
					name: 'Input Items as One CSV File (Full Sync)',
					value: 'csvFromItems',
					description: 'All items become one CSV file sent to /users-import/csv; users not in it get blocked',
				},
				{
					name: 'CSV File in a Binary Property (Full Sync)',
					value: 'binary',
					description: 'Each item carries a ready CSV file; each file is sent to /users-import/csv',
				},
			],
			default: 'json',
		},
		{
			displayName: `${FULL_FILE_WARNING}.`,
			name: 'fullSyncNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { source: ['csvFromItems', 'binary'] } },
		},
		{
			displayName: 'Confirm: Block Every Portal User Missing From the Input',
			name: 'confirmBlockMissing',
			type: 'boolean',
			default: false,
			description:
				'Whether to send the CSV although the portal will block every user who is not among these input items. Turn on only when the items are ALL of the portal\'s users; for a partial list use the JSON batches.',
			displayOptions: { show: { source: ['csvFromItems'] } },
		},
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 500,
			description: 'How many users to send in one request',
			displayOptions: { show: { source: ['json'] } },
		},
		{
			displayName: 'Ignore Unknown Fields',
			name: 'ignoreUnknownFields',
			type: 'boolean',
			default: false,
			description:
				'Whether to leave out item fields that are not Davintoo user fields. Off: such an item is an error, so a misspelt field (e.g. "lastname" for "secondname") is noticed.',
			displayOptions: { show: { source: ['json', 'csvFromItems'] } },
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field holding the CSV file',
			displayOptions: { show: { source: ['binary'] } },
		},
	],
	input: settings,
	// Never used: the runner hands this operation all items at once through runAll.
	run: async (_value, { fail }) => {
		throw fail('Import Many runs over all input items at once');
	},
});

export const importMany: Operation = { ...base, runAll: runImportMany };
