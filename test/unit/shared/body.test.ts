import { encodeBody, encodeForm, encodeMultipart, parseJsonText } from '../../../nodes/shared/body';
import { nestForm, parseMultipart, parseUrlencoded } from '../../sandbox/parse';

describe('request bodies', () => {
	it('encodes form pairs in order with repeated bracket keys, and the sandbox reads them back nested', () => {
		const pairs: Array<[string, string]> = [
			['first_name', 'Anna Maria'],
			['email', 'anna+1@example.com'],
			['custom_attributes[][key]', 'department'],
			['custom_attributes[][value]', 'R&D; Ops'],
			['custom_attributes[][key]', 'city'],
			['custom_attributes[][value]', 'Kyiv'],
		];
		const text = encodeForm(pairs);
		expect(text).toBe(
			'first_name=Anna+Maria&email=anna%2B1%40example.com&custom_attributes%5B%5D%5Bkey%5D=department&custom_attributes%5B%5D%5Bvalue%5D=R%26D%3B+Ops&custom_attributes%5B%5D%5Bkey%5D=city&custom_attributes%5B%5D%5Bvalue%5D=Kyiv',
		);
		expect(parseUrlencoded(text)).toEqual(pairs);
		expect(nestForm(parseUrlencoded(text))).toEqual({
			first_name: 'Anna Maria',
			email: 'anna+1@example.com',
			custom_attributes: [
				{ key: 'department', value: 'R&D; Ops' },
				{ key: 'city', value: 'Kyiv' },
			],
		});
	});

	it('nests plain bracket keys and lists', () => {
		expect(
			nestForm([
				['filters[email]', 'a@b.c'],
				['sorting[field]', 'id'],
				['ids[]', '1'],
				['ids[]', '2'],
			]),
		).toEqual({
			filters: { email: 'a@b.c' },
			sorting: { field: 'id' },
			ids: ['1', '2'],
		});
	});

	it('builds multipart bytes that a real parser reads back exactly', () => {
		const csv = Buffer.from('uid;lastname\n1;Ковальчук\n', 'utf8');
		const raw = encodeMultipart(
			{
				fields: [['mode', 'full']],
				files: [{ field: 'file', filename: 'users.csv', contentType: 'text/csv', data: csv }],
			},
			'BOUNDARY42',
		);
		const parsed = parseMultipart(raw, 'multipart/form-data; boundary=BOUNDARY42');
		expect(parsed.fields).toEqual([['mode', 'full']]);
		expect(parsed.files).toHaveLength(1);
		expect(parsed.files[0]).toMatchObject({
			field: 'file',
			filename: 'users.csv',
			contentType: 'text/csv',
		});
		expect(parsed.files[0].data.equals(csv)).toBe(true);
	});

	it('a file in pieces is joined into the body once, and then held only as a view into it', () => {
		const pieces = [
			Buffer.from('uid;lastname\r\n'),
			Buffer.from('1;Ковальчук\r\n'),
			Buffer.from('2;Шевченко\r\n'),
		];
		const file = {
			field: 'file',
			filename: 'users.csv',
			contentType: 'text/csv',
			data: [...pieces] as Buffer | Buffer[],
		};
		const raw = encodeMultipart({ files: [file] }, 'B');
		expect(
			parseMultipart(raw, 'multipart/form-data; boundary=B').files[0].data.equals(
				Buffer.concat(pieces),
			),
		).toBe(true);
		// The pieces are let go: the file's bytes now point into the body itself.
		expect(Buffer.isBuffer(file.data)).toBe(true);
		expect((file.data as Buffer).buffer).toBe(raw.buffer);
		expect((file.data as Buffer).equals(Buffer.concat(pieces))).toBe(true);
	});

	it('picks the content type from the kind of body', () => {
		expect(encodeBody({ method: 'POST', path: '/', body: { a: 1 } }, 'b')).toEqual({
			body: '{"a":1}',
			contentType: 'application/json',
		});
		expect(encodeBody({ method: 'POST', path: '/', form: [['a', '1']] }, 'b').contentType).toBe(
			'application/x-www-form-urlencoded',
		);
		expect(encodeBody({ method: 'GET', path: '/' }, 'b')).toEqual({});
	});

	it('parses JSON text, empty text as null, and rejects broken JSON', () => {
		expect(parseJsonText('{"a":1}')).toEqual({ a: 1 });
		expect(parseJsonText('  ')).toBeNull();
		expect(parseJsonText(undefined)).toBeNull();
		expect(() => parseJsonText('{"a":')).toThrow(SyntaxError);
	});
});
