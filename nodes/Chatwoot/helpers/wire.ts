import type { IDataObject } from 'n8n-workflow';

/**
 * A request body or query with only the values that were given: undefined values go, and so do
 * nested objects left empty, so an update touches nothing it was not asked to.
 */
export function compact(fields: Record<string, unknown>): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
			const inner = compact(value as Record<string, unknown>);
			// A JSON field the user set to {} is a value; an object built from unset fields is not.
			if (Object.keys(inner).length === 0 && Object.keys(value).length > 0) continue;
			out[key] = inner;
			continue;
		}
		out[key] = value as IDataObject[string];
	}
	return out;
}
