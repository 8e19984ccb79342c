import type { RequestSpec } from './types';

export interface EncodedBody {
	body?: string | Buffer | object;
	contentType?: string;
}

/** Form pairs as application/x-www-form-urlencoded text; repeated and bracketed keys kept as given. */
export function encodeForm(pairs: Array<[string, string]>): string {
	return pairs
		.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`.replace(/%20/g, '+'))
		.join('&');
}

/**
 * multipart/form-data as one Buffer with our own boundary: a Buffer can be re-sent on retry
 * and after a token refresh, unlike a FormData stream. A file given in pieces is joined straight
 * into the body, and the pieces are then let go: the file lives on as a view into the body (a
 * 100,000-user CSV is held once, not twice).
 */
export function encodeMultipart(
	multipart: NonNullable<RequestSpec['multipart']>,
	boundary: string,
): Buffer {
	const parts: Buffer[] = [];
	const pieced: Array<{ file: (typeof multipart.files)[number]; at: number; bytes: number }> = [];
	let offset = 0;
	const push = (...buffers: Buffer[]) => {
		for (const b of buffers) {
			parts.push(b);
			offset += b.length;
		}
	};
	const quote = (s: string) => s.replace(/["\r\n]/g, (c) => encodeURIComponent(c));
	for (const [name, value] of multipart.fields ?? []) {
		push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`,
			),
		);
	}
	for (const file of multipart.files) {
		push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.filename)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
			),
		);
		const at = offset;
		push(...(Array.isArray(file.data) ? file.data : [file.data]));
		if (Array.isArray(file.data)) pieced.push({ file, at, bytes: offset - at });
		push(Buffer.from('\r\n'));
	}
	push(Buffer.from(`--${boundary}--\r\n`));
	const body = Buffer.concat(parts, offset);
	for (const { file, at, bytes } of pieced) file.data = body.subarray(at, at + bytes);
	return body;
}

export function encodeBody(spec: RequestSpec, boundary: string): EncodedBody {
	if (spec.multipart) {
		return {
			body: encodeMultipart(spec.multipart, boundary),
			contentType: `multipart/form-data; boundary=${boundary}`,
		};
	}
	if (spec.form) {
		return { body: encodeForm(spec.form), contentType: 'application/x-www-form-urlencoded' };
	}
	if (spec.body !== undefined) {
		return { body: JSON.stringify(spec.body), contentType: 'application/json' };
	}
	return {};
}

/** Parse a response text as JSON; empty text is null. Throws SyntaxError on bad JSON. */
export function parseJsonText(text: unknown): unknown {
	if (text === undefined || text === null) return null;
	if (typeof text !== 'string') {
		if (Buffer.isBuffer(text)) return parseJsonText(text.toString('utf8'));
		return text;
	}
	const trimmed = text.trim();
	if (trimmed === '') return null;
	return JSON.parse(trimmed) as unknown;
}
