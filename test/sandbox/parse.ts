import type { UploadedFile } from './types';

/** a[b][]=1 style keys into nested objects/arrays, the way Rails/PHP servers read forms. */
export function nestForm(pairs: Array<[string, string]>): Record<string, unknown> {
	const root: Record<string, unknown> = {};
	for (const [key, value] of pairs) {
		const parts = key.replace(/\]/g, '').split('[');
		let node: Record<string, unknown> | unknown[] = root;
		for (let i = 0; i < parts.length; i++) {
			const part = parts[i];
			const last = i === parts.length - 1;
			const nextIsArray = !last && parts[i + 1] === '';
			if (Array.isArray(node)) {
				// "[]" followed by a key: start a new element when that key is already taken.
				if (last) {
					node.push(value);
					break;
				}
				let element = node[node.length - 1] as Record<string, unknown> | undefined;
				const childKey = parts[i + 1];
				if (!element || typeof element !== 'object' || (childKey in element && parts.length - 1 === i + 1)) {
					element = {};
					node.push(element);
				}
				node = element;
				continue;
			}
			if (last) {
				node[part] = value;
			} else {
				if (node[part] === undefined) node[part] = nextIsArray ? [] : {};
				node = node[part] as Record<string, unknown> | unknown[];
				if (nextIsArray) {
					if (i + 1 === parts.length - 1) {
						(node as unknown[]).push(value);
						break;
					}
					i++; // skip the "" part: we are now inside the array
				}
			}
		}
	}
	return root;
}

export function parseUrlencoded(text: string): Array<[string, string]> {
	if (!text) return [];
	return text.split('&').map((pair) => {
		const at = pair.indexOf('=');
		const k = at < 0 ? pair : pair.slice(0, at);
		const v = at < 0 ? '' : pair.slice(at + 1);
		const dec = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
		return [dec(k), dec(v)];
	});
}

/** A real multipart/form-data parser over the raw bytes (fields and files). */
export function parseMultipart(
	raw: Buffer,
	contentType: string,
): { fields: Array<[string, string]>; files: UploadedFile[] } {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!match) throw new Error('multipart body without boundary');
	const boundary = Buffer.from(`--${match[1] ?? match[2]}`);
	const fields: Array<[string, string]> = [];
	const files: UploadedFile[] = [];
	let pos = raw.indexOf(boundary);
	if (pos < 0) throw new Error('multipart boundary not found');
	for (;;) {
		pos += boundary.length;
		if (raw.slice(pos, pos + 2).toString() === '--') break;
		pos += 2; // CRLF after the boundary
		const headerEnd = raw.indexOf('\r\n\r\n', pos);
		if (headerEnd < 0) throw new Error('multipart part without headers');
		const headerText = raw.slice(pos, headerEnd).toString('utf8');
		const next = raw.indexOf(boundary, headerEnd + 4);
		if (next < 0) throw new Error('multipart part not terminated');
		const data = raw.slice(headerEnd + 4, next - 2); // minus CRLF before the boundary
		const disposition = /content-disposition:[^\r\n]*/i.exec(headerText)?.[0] ?? '';
		const name = /name="([^"]*)"/i.exec(disposition)?.[1] ?? '';
		const filename = /filename="([^"]*)"/i.exec(disposition)?.[1];
		const type = /content-type:\s*([^\r\n]+)/i.exec(headerText)?.[1] ?? 'text/plain';
		if (filename !== undefined) files.push({ field: name, filename, contentType: type.trim(), data });
		else fields.push([name, data.toString('utf8')]);
		pos = next;
	}
	return { fields, files };
}
