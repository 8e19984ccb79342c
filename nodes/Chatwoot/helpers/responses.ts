import type { IDataObject } from 'n8n-workflow';

import { asObject } from '../../shared/operation';

/**
 * Where a Chatwoot answer keeps its records: a bare array, `{payload: [...]}`, or deeper
 * (`{data: {payload: [...]}}` for conversations, `{payload: {webhooks: [...]}}`, `{audit_logs: [...]}`).
 */
export type ListPath = 'array' | 'payload' | 'data.payload' | 'payload.webhooks' | 'audit_logs';

export function listAt(body: unknown, path: ListPath): IDataObject[] {
	let value: unknown = body;
	if (path !== 'array') {
		for (const key of path.split('.'))
			value = value && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
	}
	if (!Array.isArray(value)) return [];
	// Some lists are plain strings (label titles): each becomes an item of its own.
	return value.map((entry) =>
		entry && typeof entry === 'object' ? (entry as IDataObject) : { value: entry as string },
	);
}

/** A single record that Chatwoot may wrap as `{payload: record}` or `{payload: {<key>: record}}`. */
export function recordOf(response: unknown, key?: string): IDataObject {
	const payload = (response as { payload?: unknown } | null)?.payload;
	const inner =
		payload && typeof payload === 'object' && !Array.isArray(payload)
			? (payload as IDataObject)
			: undefined;
	if (key && inner?.[key] && typeof inner[key] === 'object') return inner[key] as IDataObject;
	if (inner && !key) return inner;
	return asObject(response);
}

/** The size of the whole list where Chatwoot gives it (`meta.count`, `total_entries`). */
export function totalOf(body: unknown, path: 'meta.count' | 'total_entries'): number | undefined {
	let value: unknown = body;
	for (const key of path.split('.'))
		value = value && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
	const n = Number(value);
	return value === undefined || value === null || !Number.isFinite(n) ? undefined : n;
}
