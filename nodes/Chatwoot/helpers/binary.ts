import type { IExecuteFunctions } from 'n8n-workflow';

import { OperationFailure } from '../../shared/operation';
import type { MultipartFile } from '../../shared/types';

/**
 * Files from the item's binary data, by the names of its binary fields ("data, invoice").
 * A name the item does not have stops the item with a message naming it; nothing is sent.
 */
export async function binaryFiles(
	n8n: IExecuteFunctions | undefined,
	itemIndex: number,
	names: string[],
	field: string,
	what: string,
): Promise<MultipartFile[]> {
	if (!names.length) return [];
	if (!n8n) throw new OperationFailure(`${what}: binary data cannot be read here`);
	const item = n8n.getInputData()[itemIndex];
	const files: MultipartFile[] = [];
	for (const name of names) {
		const binary = item?.binary?.[name];
		if (!binary) {
			const present = Object.keys(item?.binary ?? {});
			throw new OperationFailure(
				`${what}: the item has no binary field "${name}"`,
				present.length
					? `Binary fields on this item: ${present.join(', ')}`
					: 'This item carries no binary data: read or download the file in an earlier node.',
			);
		}
		const data = await n8n.helpers.getBinaryDataBuffer(itemIndex, name);
		files.push({
			field,
			filename: binary.fileName ?? name,
			contentType: binary.mimeType || 'application/octet-stream',
			data,
		});
	}
	return files;
}

/** Nested values as bracketed form fields, the way Rails reads multipart params (`a[b][c]=1`). */
export function formPairs(prefix: string, value: unknown): Array<[string, string]> {
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) return value.flatMap((v) => formPairs(`${prefix}[]`, v));
	if (typeof value === 'object')
		return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
			formPairs(`${prefix}[${k}]`, v),
		);
	return [[prefix, String(value)]];
}
