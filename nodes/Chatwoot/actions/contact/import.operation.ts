import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { requiredString } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { binaryFiles } from '../../helpers/binary';

const file = z.object({
	field: z.string(),
	filename: z.string(),
	contentType: z.string(),
	data: z.custom<Buffer>((v) => Buffer.isBuffer(v)),
});

const input = z.object({
	binaryPropertyName: requiredString('the binary field'),
	file,
});

// Chatwoot's contact import (POST /contacts/import, `import_file`) is in its routes but not in
// its API spec. It answers at once and imports in the background, then emails the administrators.
export const importContacts = defineOperation({
	resource: 'contact',
	operation: 'import',
	name: 'Import',
	action: 'Import contacts from a CSV file',
	description:
		'Upload a CSV file of contacts; Chatwoot imports it in the background and emails the administrators when done',
	properties: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			description:
				'The binary field of the input item holding the CSV file (columns such as name, email, phone_number, identifier)',
		},
	],
	// Reads the file's bytes from the item's binary data before anything is checked or sent.
	params: async (read, itemIndex, n8n) => {
		const binaryPropertyName = String(read('binaryPropertyName', itemIndex, 'data') ?? '').trim();
		const [found] = await binaryFiles(
			n8n,
			itemIndex,
			binaryPropertyName ? [binaryPropertyName] : [],
			'import_file',
			'Input Binary Field',
		);
		return { binaryPropertyName, file: found as unknown as IDataObject };
	},
	input,
	request: ({ file: csv }) => ({
		method: 'POST',
		path: '/contacts/import',
		multipart: {
			files: [
				{
					...csv,
					contentType:
						csv.contentType === 'application/octet-stream' ? 'text/csv' : csv.contentType,
				},
			],
		},
		// The import finds contacts by identifier, email or phone number and updates them
		// (DataImport::ContactManager): importing a file twice makes no duplicates.
		idempotent: true,
	}),
	output: (_response, { file: csv }) => ({
		json: { imported: true, file: csv.filename, bytes: csv.data.length, status: 'processing' },
	}),
});
