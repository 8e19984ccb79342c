import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, OperationFailure } from '../../../shared/operation';
import { fileSize } from '../../../shared/types';
import { CsvBuilder, csvFileProblem, csvLine } from '../../helpers/csv';
import { checkUserItem, csvSpec } from '../../helpers/import-items';
import {
	COUNTER_KEYS,
	compact,
	type DavintooUser,
	flatUserProperties,
	type ImportCounters,
	readCounters,
} from '../../helpers/user-fields';

const settings = z.object({
	source: z.enum(['json', 'csvFromItems', 'binary']).default('json'),
	batchSize: z
		.number({ invalid_type_error: 'must be a number' })
		.int('must be a whole number')
		.min(1, 'must be at least 1')
		.default(500),
	ignoreUnknownFields: z.boolean().default(false),
	confirmBlockMissing: z.boolean().default(false),
	binaryPropertyName: z.string().trim().min(1, 'is required').default('data'),
});

type Settings = z.output<typeof settings>;

/**
 * What one input item carries: a checked user (JSON), its CSV line (CSV from items: lines, not
 * users), or a ready CSV file. For CSV from items the runner packs the lines into the file as they
 * are checked, so the chunk's one value is the file being built (100,000 users are held once).
 */
type Value =
	| { user: DavintooUser }
	| { line: string }
	| { file: Buffer; fileName: string }
	| { csv: CsvBuilder };

/** Users in a chunk's values: a packed CSV counts its rows. */
const userCount = (values: Value[]) =>
	values.reduce((n, v) => n + ('csv' in v ? v.csv.rows : 1), 0);

const FULL_FILE_WARNING =
	'A CSV import is a full sync: the portal blocks every user who is not in the file (unless its setting "Don\'t block missing users on import" is on)';

/** The counters under the summary's names (created, updated, blocked, unblocked). */
const SUMMARY_NAMES: Record<keyof ImportCounters & string, string> = {
	created_count: 'created',
	updated_count: 'updated',
	blocked_count: 'blocked',
	unblocked_count: 'unblocked',
};

function csvOf(lines: string[]): CsvBuilder {
	const csv = new CsvBuilder();
	for (const line of lines) csv.add(line);
	return csv;
}

export const importMany = defineOperation<typeof settings, Value>({
	resource: 'user',
	operation: 'importMany',
	name: 'Import Many',
	action: 'Import many users',
	description:
		'Create or update many users at once: JSON batches, a CSV file built from the items, or a CSV file from a binary property',
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
					description:
						'Each item is one user, fields named as the API names them; sent in batches to /api/v2/users-import/batch',
				},
				{
					name: 'Input Items as One CSV File (Full Sync)',
					value: 'csvFromItems',
					description:
						'All items become one CSV file sent to /api/v2/users-import/csv; users not in it get blocked',
				},
				{
					name: 'CSV File in a Binary Property (Full Sync)',
					value: 'binary',
					description:
						'Each item carries a ready CSV file; each file is sent to /api/v2/users-import/csv',
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
				"Whether to send the CSV although the portal will block every user who is not among these input items. Turn on only when the items are ALL of the portal's users; for a partial list use the JSON batches.",
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
	bulk: {
		unit: 'chunk',
		// JSON in Batch Size users per request; all items as one file; one ready file per item.
		chunkSize: (s: Settings) =>
			s.source === 'json' ? s.batchSize : s.source === 'binary' ? 1 : Number.POSITIVE_INFINITY,
		refuse: (s: Settings, count, dryRun) =>
			s.source === 'csvFromItems' && !s.confirmBlockMissing && !dryRun
				? {
						message: `Building one CSV from these ${count} items makes the portal block every user who is not among them. Turn on "Confirm: Block Every Portal User Missing From the Input" if the items are all of the portal's users, or use Source "Input Items (JSON Batches)" for a partial list.`,
					}
				: undefined,
		itemProperties: flatUserProperties,
		item: async (i, s: Settings, n8n) => {
			if (s.source === 'binary') {
				const meta = n8n.helpers.assertBinaryData(i, s.binaryPropertyName);
				const file = await n8n.helpers.getBinaryDataBuffer(i, s.binaryPropertyName);
				const problem = csvFileProblem(file);
				if (problem)
					throw new OperationFailure(
						`CSV file (binary property "${s.binaryPropertyName}"): ${problem}`,
						'Nothing was sent.',
					);
				return { ok: true, value: { file, fileName: meta.fileName ?? 'users.csv' } };
			}
			const checked = checkUserItem(n8n.getInputData()[i].json, s.ignoreUnknownFields);
			if (!checked.ok) return checked;
			if (s.source === 'csvFromItems') {
				const line = csvLine(checked.user);
				return 'issues' in line
					? { ok: false, issues: line.issues }
					: { ok: true, value: { line: line.line } };
			}
			return { ok: true, value: { user: checked.user } };
		},
		request: (values: Value[], s: Settings) => {
			if (s.source === 'binary') {
				const { file, fileName } = values[0] as { file: Buffer; fileName: string };
				return csvSpec(file, fileName);
			}
			if (s.source === 'csvFromItems') {
				// The builder hands its pieces over: they are joined once, into the request body.
				const packed = values.find((v): v is { csv: CsvBuilder } => 'csv' in v);
				return csvSpec(
					(packed?.csv ?? csvOf(values.map((v) => (v as { line: string }).line))).toParts(),
					'users.csv',
				);
			}
			const users = values.map((v) => compact((v as { user: DavintooUser }).user));
			// Upserts by uid: a chunk whose answer was lost can be sent again without duplicates.
			return { method: 'POST', path: '/users-import/batch', body: users, idempotent: true };
		},
		counts: (response, values) => {
			const counters = readCounters(response);
			const counts: Record<string, number> = {};
			if (!('file' in (values[0] as Value))) counts.users = userCount(values);
			for (const key of COUNTER_KEYS) counts[SUMMARY_NAMES[key]] = counters[key];
			return counts;
		},
		describe: (values, place, s: Settings, request): IDataObject => {
			if (s.source === 'json')
				return { chunk: place.index + 1, chunks: place.count, users: values.length };
			const bytes = request.multipart ? fileSize(request.multipart.files[0]) : 0;
			if (s.source === 'csvFromItems')
				return { file: 1, files: 1, users: userCount(values), bytes };
			const { fileName } = values[0] as { fileName: string };
			return { file: place.itemIndexes[0] + 1, files: place.itemCount, fileName, bytes };
		},
		output: (response, { described, total }) => {
			const counters = readCounters(response);
			const running: IDataObject = total.users !== undefined ? { users: total.users } : {};
			for (const key of COUNTER_KEYS) running[key] = total[SUMMARY_NAMES[key]] ?? 0;
			return { ...described, ...counters, total: running };
		},
		pack: (s: Settings) => {
			if (s.source !== 'csvFromItems') return undefined;
			const csv = new CsvBuilder();
			return { add: (value) => csv.add((value as { line: string }).line), done: () => [{ csv }] };
		},
		preview: async (_values, s: Settings, n8n, itemIndexes) => {
			if (s.source !== 'csvFromItems') return { json: {} };
			// The file as it would go out, with passwords as ***.
			const items = n8n.getInputData();
			const lines = itemIndexes.map((i) => {
				const checked = checkUserItem(items[i].json, s.ignoreUnknownFields) as {
					user: DavintooUser;
				};
				return (csvLine(checked.user, true) as { line: string }).line;
			});
			const binary = await n8n.helpers.prepareBinaryData(
				csvOf(lines).toBuffer(),
				'users.csv',
				'text/csv',
			);
			return {
				json: {
					note: 'The CSV that would be sent is in the binary field "data" (passwords shown as ***).',
				},
				binary: { data: binary },
			};
		},
	},
});
