import type { IDataObject } from 'n8n-workflow';

import type { OperationResult, ResultLike } from './types';

/** Wraps a non-object answer (a list, a string, nothing) so every output item is an object. */
export function asObject(value: unknown): IDataObject {
	if (value && typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	if (value === null || value === undefined || value === '') return { success: true };
	return { data: value as IDataObject[] | string | number | boolean };
}

const RESULT_KEYS = new Set(['json', 'outcome', 'counts', 'binary', 'revealed']);

function isResult(value: unknown): value is OperationResult {
	if (!value || typeof value !== 'object' || !('json' in value)) return false;
	return Object.keys(value).every((k) => RESULT_KEYS.has(k));
}

export function toResults(value: ResultLike): OperationResult[] {
	const list = Array.isArray(value) ? value : [value];
	return list.map((entry) => (isResult(entry) ? entry : { json: entry as IDataObject }));
}
