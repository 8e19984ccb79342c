import type { IDataObject } from 'n8n-workflow';

import { MASK, maskDeep, maskPairs, maskString } from '../mask';
import { fileSize, type RequestSpec } from '../types';

/** The masked picture of a request, for "Include Request Details", Dry Run and error texts. */
export interface RequestEcho extends IDataObject {
	url: string;
	method: string;
	headers: IDataObject;
}

/** Where a request goes and what the credential adds to it (before auth). */
export interface Destination {
	base: string;
	/** Headers the platform derives from the credential (e.g. a company ID). */
	headers: Record<string, string>;
	/** How the credential's own auth shows (already masked). */
	auth: { headers?: Record<string, string>; qs?: Record<string, string> };
}

export function echoRequest(
	spec: RequestSpec,
	to: Destination,
	secrets: readonly string[],
): RequestEcho {
	const query = new URLSearchParams();
	for (const [k, v] of Object.entries({ ...(spec.qs ?? {}), ...(to.auth.qs ?? {}) })) {
		if (v === undefined || v === null) continue;
		if (Array.isArray(v)) v.forEach((x) => query.append(k, String(x)));
		else query.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
	}
	const qs = query.toString();
	const url = `${to.base}${spec.path}${qs ? `?${qs.replace(/%2A%2A%2A/g, MASK)}` : ''}`;
	const headers: IDataObject = {
		...to.headers,
		...(spec.headers ?? {}),
		...(to.auth.headers ?? {}),
	};
	const echo: RequestEcho = { url: maskString(url, secrets), method: spec.method, headers };
	if (spec.body !== undefined) echo.body = maskDeep(spec.body, secrets);
	if (spec.form) echo.form = maskPairs(spec.form, secrets).map(([k, v]) => ({ [k]: v }));
	if (spec.multipart) {
		echo.multipart = {
			fields: maskPairs(spec.multipart.fields ?? [], secrets).map(([k, v]) => ({ [k]: v })),
			files: spec.multipart.files.map((f) => ({
				field: f.field,
				filename: f.filename,
				contentType: f.contentType,
				bytes: fileSize(f),
			})),
		};
	}
	return maskDeep(echo, secrets);
}
