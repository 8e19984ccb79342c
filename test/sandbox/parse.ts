import type { UploadedFile } from './types';

type FormNode = Record<string, unknown> | unknown[];

/** a[b][]=1 style keys into nested objects/arrays, the way Rails/PHP servers read forms. */
export function nestForm(pairs: Array<[string, string]>): Record<string, unknown> {
	const root: Record<string, unknown> = {};
	for (const [key, value] of pairs) {
		const head = key.split('[')[0];
		const rest = [...key.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
		assign(root, [head, ...rest], value);
	}
	return root;
}

function assign(container: FormNode, segments: string[], value: string): void {
	const [segment, ...rest] = segments;
	if (Array.isArray(container)) {
		if (rest.length === 0) {
			container.push(value);
			return;
		}
		// "[][key]": fill the last element unless it already has this key, then start a new one.
		const last = container[container.length - 1];
		const childKey = rest[0];
		const reuse =
			last &&
			typeof last === 'object' &&
			!Array.isArray(last) &&
			!(rest.length === 1 && childKey in last);
		const target = reuse ? (last as FormNode) : {};
		if (!reuse) container.push(target);
		assign(target, rest, value);
		return;
	}
	if (rest.length === 0) {
		container[segment] = value;
		return;
	}
	if (container[segment] === undefined || typeof container[segment] !== 'object') {
		container[segment] = rest[0] === '' ? [] : {};
	}
	assign(container[segment] as FormNode, rest, value);
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
		if (filename !== undefined)
			files.push({ field: name, filename, contentType: type.trim(), data });
		else fields.push([name, data.toString('utf8')]);
		pos = next;
	}
	return { fields, files };
}
