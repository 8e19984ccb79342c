import type { IDataObject } from 'n8n-workflow';

import { asObject } from '../../shared/operation';

/**
 * Chatwoot wraps most single records as `{payload: record}` (contacts, conversations, labels…);
 * the record is what users want. Answers without the wrapper are passed on as they are.
 */
export function unwrapPayload(response: unknown): IDataObject {
	const payload = (response as { payload?: unknown } | null)?.payload;
	if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return asObject(response);
	return payload as IDataObject;
}

/** The list in a `{payload: [...]}` answer (empty when there is none). */
export function payloadList(response: unknown): IDataObject[] {
	const payload = (response as { payload?: unknown } | null)?.payload;
	return Array.isArray(payload) ? (payload as IDataObject[]) : [];
}
