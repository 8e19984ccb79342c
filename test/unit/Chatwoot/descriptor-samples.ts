import type { IDataObject } from 'n8n-workflow';

import { CHATWOOT_SAMPLES } from './samples';

/** A CSV the contact import sample carries (the node reads it from binary data before parsing). */
const CSV = {
	field: 'import_file',
	filename: 'contacts.csv',
	contentType: 'text/csv',
	data: Buffer.from('name,email\nAnn,a@acme.example\n'),
};

/** Every Chatwoot sample as the descriptor checks want it: `Chatwoot.<resource>.<operation>` → parsed parameters. */
export function chatwootDescriptorSamples(): Record<string, { params: IDataObject }> {
	const out: Record<string, { params: IDataObject }> = {};
	for (const [key, params] of Object.entries(CHATWOOT_SAMPLES)) {
		const withFiles: IDataObject =
			key === 'contact.import'
				? { ...params, file: CSV as unknown as IDataObject }
				: key === 'message.create'
					? { ...params, files: [] }
					: params;
		out[`Chatwoot.${key}`] = { params: withFiles };
	}
	return out;
}
