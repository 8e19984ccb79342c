import type { IDataObject } from 'n8n-workflow';

import { userOperations } from '../../../nodes/Davintoo/actions/user';
import {
	CSV_HEADER,
	CsvBuilder,
	csvCell,
	csvFileProblem,
	csvLine,
} from '../../../nodes/Davintoo/helpers/csv';
import { type DavintooUser, userSchema } from '../../../nodes/Davintoo/helpers/user-fields';
import { checkUserItem } from '../../../nodes/Davintoo/helpers/import-items';
import { apiDate } from '../../../nodes/Davintoo/helpers/values';
import { davintooBaseUrl, davintooErrorMessage } from '../../../nodes/Davintoo/transport';
import { parseCsv } from '../../sandbox/platforms/davintoo';
import { operationsOf } from '../operations';

const { op, parse } = operationsOf(userOperations);

const user = (extra: Record<string, unknown> = {}) =>
	userSchema.parse({
		uid: 'U1',
		secondname: 'Koval',
		firstname: 'Olena',
		login: 'ok',
		email: 'o@acme.example',
		...extra,
	}) as DavintooUser;

describe('Davintoo values', () => {
	it('dates: DD.MM.YYYY, YYYY-MM-DD and ISO date-times become DD.MM.YYYY; impossible dates are refused', () => {
		expect(apiDate('1.4.1990')).toBe('01.04.1990');
		expect(apiDate('1990-04-12')).toBe('12.04.1990');
		expect(apiDate('2024-03-05T00:00:00.000+02:00')).toBe('05.03.2024');
		expect(apiDate('2024-02-29T23:30:00Z')).toBe('29.02.2024');
		expect(apiDate('2023-02-29')).toBeUndefined();
		expect(apiDate('31.04.2020')).toBeUndefined();
		expect(apiDate('04/12/1990')).toBeUndefined();
	});

	it('gender, is_active, status, tags and codes normalise to what the API takes', () => {
		const u = user({
			gender: 'Female',
			is_active: false,
			status: '2',
			tags: ['a', ' b ', ''],
			structure_uid: 'x1',
			manager_uid: 'm1, m2',
			role_id: '5',
			phone: 380971234567,
		});
		expect(u).toMatchObject({
			gender: 1,
			is_active: 0,
			status: 2,
			tags: 'a,b',
			structure_uid: 'x1',
			manager_uid: ['m1', 'm2'],
			role_id: 5,
			phone: '380971234567',
		});
		expect(user({ patronymic: null, google_id: '', customInfo: null })).not.toHaveProperty(
			'patronymic',
			expect.anything(),
		);
		expect(userSchema.safeParse({ ...user(), status: 7 }).success).toBe(false);
		expect(userSchema.safeParse({ ...user(), customInfo: '{bad' }).success).toBe(false);
	});

	it('an item with a misspelt field is refused unless unknown fields are ignored', () => {
		const item = { ...user(), lastname: 'x' } as IDataObject;
		const strict = checkUserItem(item, false);
		expect(!strict.ok && strict.issues[0].path).toEqual(['lastname']);
		const loose = checkUserItem(item, true);
		expect(loose.ok && loose.user).not.toHaveProperty('lastname');
	});
});

describe('Davintoo CSV writing', () => {
	it('escapes ; quotes and line breaks so the portal reads the same values back', () => {
		const values = ['plain', 'a;b', 'say "hi"', 'two\nlines', 'cr\r\nlf', '', 'Відділ'];
		expect(values.map(csvCell)).toEqual([
			'plain',
			'"a;b"',
			'"say ""hi"""',
			'"two\nlines"',
			'"cr\r\nlf"',
			'',
			'Відділ',
		]);
		expect(parseCsv(`${values.map(csvCell).join(';')}\r\n`)).toEqual([values]);
	});

	it('writes the 27 columns in the documented order, empty cells for missing fields', () => {
		expect(CSV_HEADER.split(';')).toHaveLength(27);
		const line = csvLine(
			user({
				birth_date: '1988-10-16',
				gender: 'male',
				status: 0,
				customInfo: { a: 1 },
				language: 'uk',
				user_field5: 'z',
			}),
		);
		expect('line' in line && line.line).toBe(
			'U1;Koval;Olena;;ok;o@acme.example;;16.10.1988;0;;;;;;0;;;;;;;;;"{""a"":1}";uk;;z\r\n',
		);
		const masked = csvLine(user({ password: 'p;w' }), true);
		expect('line' in masked && masked.line.split(';')[6]).toBe('***');
	});

	it('CsvBuilder gives one UTF-8 buffer: header plus one line per user, across flushes', () => {
		const builder = new CsvBuilder();
		for (let i = 0; i < 2500; i++) {
			const line = csvLine(user({ uid: `U${i}`, city: 'Київ' }));
			if ('line' in line) builder.add(line.line);
		}
		const buffer = builder.toBuffer();
		const rows = parseCsv(buffer.toString('utf8'));
		expect(builder.rows).toBe(2500);
		expect(rows).toHaveLength(2501);
		expect(rows[2500][0]).toBe('U2499');
		expect(rows[1][9]).toBe('Київ');
	});

	it('refuses files that are empty or not ;-separated', () => {
		expect(csvFileProblem(Buffer.alloc(0))).toBe('the file is empty');
		expect(csvFileProblem(Buffer.from('ID,Name\n'))).toMatch(/has ","/);
		expect(csvFileProblem(Buffer.from('\uFEFFID;Last name\n'))).toBeUndefined();
	});
});

describe('Davintoo descriptors and transport', () => {
	it('Import One sends the flat user; Block and Unblock send uid + is_active', () => {
		const input = parse('importOne', {
			uid: ' U1 ',
			secondname: 'K',
			firstname: 'O',
			login: 'ok',
			email: 'o@acme.example',
			additionalFields: { gender: 'male', city: '' },
		});
		expect(op('importOne').plan(input)).toEqual([
			{
				method: 'POST',
				path: '/users-import/single',
				body: {
					uid: 'U1',
					secondname: 'K',
					firstname: 'O',
					login: 'ok',
					email: 'o@acme.example',
					gender: 0,
				},
				idempotent: true, // an upsert by uid: safe to send again after a lost answer
			},
		]);
		expect(op('block').plan(parse('block', { uid: 'U1' }))).toEqual([
			{
				method: 'POST',
				path: '/users-import/single',
				body: { uid: 'U1', is_active: 0 },
				idempotent: true,
			},
		]);
		expect(op('unblock').plan(parse('unblock', { uid: 'U1', alsoSend: { login: 'ok' } }))).toEqual([
			{
				method: 'POST',
				path: '/users-import/single',
				body: { uid: 'U1', login: 'ok', is_active: 1 },
				idempotent: true,
			},
		]);
		const missing = op('importOne').parse({
			uid: '',
			secondname: 'K',
			firstname: 'O',
			login: 'ok',
			email: 'o@acme.example',
		});
		expect(!missing.ok && missing.issues[0]).toMatchObject({
			path: ['uid'],
			message: 'is required',
		});
	});

	it('Get Many plans the first page with filter[...] keys; Import Many is a bulk operation the runner carries out', () => {
		expect(
			op('getAll').plan(
				parse('getAll', { returnAll: true, filters: { city: 'Lviv', tags: 'new' } }),
			),
		).toEqual([
			{
				method: 'GET',
				path: '/users/list',
				qs: { 'filter[city]': 'Lviv', 'filter[tags]': 'new', page: 1 },
			},
		]);
		expect(op('importMany').kind).toBe('bulk');
		expect(op('importMany').bulk).toBeDefined();
		expect(op('importMany').parse({ source: 'json', batchSize: 0 }).ok).toBe(false);
	});

	it('base URL and error bodies', () => {
		expect(davintooBaseUrl(' https://acme.davintoo.com/api/v2/ ')).toBe(
			'https://acme.davintoo.com/api/v2',
		);
		expect(davintooBaseUrl('https://acme.davintoo.com')).toBe('https://acme.davintoo.com/api/v2');
		expect(
			davintooErrorMessage({
				data: { email: 'Email is not a valid email address.', login: ['taken'] },
			}),
		).toBe('email: Email is not a valid email address., login: taken');
		expect(davintooErrorMessage({ data: [{ field: 'uid', message: 'blank' }] })).toBe('uid: blank');
		expect(davintooErrorMessage({ message: 'Unauthorized' })).toBe('Unauthorized');
		expect(davintooErrorMessage({ token_expired: 'The token has expired' })).toBe(
			'The token has expired',
		);
		expect(davintooErrorMessage('')).toBeUndefined();
		expect(davintooErrorMessage({})).toBeUndefined();
	});
});

describe('Davintoo CSV file checks', () => {
	it('finds a quoted value that never closes, and accepts escaped quotes and quoted separators', async () => {
		const { unclosedQuote } = await import('../../../nodes/Davintoo/helpers/csv');
		expect(unclosedQuote(Buffer.from('a;b\r\n1;"x ""y"" z"\r\n2;"p;q"\r\n'))).toBeUndefined();
		expect(unclosedQuote(Buffer.from('a;b\r\n1;ok\r\n2;"broken\r\n3;c\r\n'))).toBe(
			'line 3: a quoted value is opened and never closed (broken quoting)',
		);
		expect(unclosedQuote(Buffer.from('a;b\n1;"multi\nline";x\n'))).toBeUndefined();
	});
});
