import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { DAVINTOO_SANDBOX_TOKEN, parseCsv } from '../../sandbox/platforms/davintoo';
import { csvItem, jsonOf, person, runDavintoo } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const importOne = {
	operation: 'importOne',
	uid: 'EMP-0042',
	secondname: 'Koval',
	firstname: 'Olena',
	login: 'o.koval',
	email: 'olena@acme.example',
	additionalFields: {
		password: 'Init-Pass-991',
		birth_date: '1990-04-12',
		date_of_employment: '2024-03-05T00:00:00.000+02:00',
		gender: 'female',
		tags: 'newbie, kyiv',
		department: 'Sales',
		structure_uid: 'a27,a12',
	},
};

describe('Davintoo Import One, Block, Unblock', () => {
	it('imports one user: the exact request, dates as DD.MM.YYYY, counters and outcome out', async () => {
		const run = await runDavintoo(sandbox, importOne);
		expect(run.error).toBeUndefined();
		expect(sandbox.requests()).toHaveLength(1);
		const [request] = sandbox.requests('davintoo');
		expect(request).toMatchObject({
			method: 'POST',
			path: '/api/v2/users-import/single',
			query: {},
		});
		expect(request.body).toEqual({
			uid: 'EMP-0042',
			secondname: 'Koval',
			firstname: 'Olena',
			login: 'o.koval',
			email: 'olena@acme.example',
			password: 'Init-Pass-991',
			birth_date: '12.04.1990',
			date_of_employment: '05.03.2024',
			gender: 1,
			tags: 'newbie,kyiv',
			department: 'Sales',
			structure_uid: ['a27', 'a12'],
		});
		expect(request.headers['x-cbr-authorization']).toBe(`Bearer ${DAVINTOO_SANDBOX_TOKEN}`);
		expect(request.headers['content-type']).toBe('application/json');
		expect(run.outputs[0]).toEqual([
			{
				json: {
					uid: 'EMP-0042',
					created_count: 1,
					updated_count: 0,
					blocked_count: 0,
					unblocked_count: 0,
					outcome: 'created',
				},
				pairedItem: { item: 0 },
			},
		]);

		const again = await runDavintoo(sandbox, { ...importOne, additionalFields: { city: 'Lviv' } });
		expect(jsonOf(again.outputs[0])).toEqual([
			{
				uid: 'EMP-0042',
				created_count: 0,
				updated_count: 1,
				blocked_count: 0,
				unblocked_count: 0,
				outcome: 'updated',
			},
		]);
		expect(platforms.davintoo.users.size).toBe(1);
		expect(platforms.davintoo.users.get('EMP-0042')?.fields).toMatchObject({
			city: 'Lviv',
			department: 'Sales',
		});
	});

	it('Include Request Details masks the token and the password', async () => {
		const run = await runDavintoo(sandbox, {
			...importOne,
			options: { includeRequestDetails: true },
		});
		const out = jsonOf(run.outputs[0])[0];
		expect(out).toMatchObject({
			request: {
				url: `${sandbox.urlOf('/davintoo')}/api/v2/users-import/single`,
				method: 'POST',
				headers: { 'X-Cbr-Authorization': '***' },
				body: expect.objectContaining({ uid: 'EMP-0042', password: '***' }),
			},
			success: true,
			data: expect.objectContaining({ created_count: 1 }),
		});
		const text = JSON.stringify(run.outputs);
		expect(text).not.toContain(DAVINTOO_SANDBOX_TOKEN);
		expect(text).not.toContain('Init-Pass-991');
	});

	it('an invalid date or email names the field and sends nothing', async () => {
		const run = await runDavintoo(sandbox, {
			...importOne,
			additionalFields: { birth_date: '31.02.1990' },
		});
		expect(run.error?.message).toBe(
			'Item 0: Additional Fields > Birth Date (additionalFields.birth_date): must be a date as DD.MM.YYYY or YYYY-MM-DD',
		);
		expect(run.error?.description).toBe('Nothing was sent.');
		const bad = await runDavintoo(sandbox, { ...importOne, email: 'olena-at-acme' });
		expect(bad.error?.message).toBe('Item 0: Email (email): is not a valid email address');
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('blocks and unblocks by re-importing the UID with is_active 0 / 1', async () => {
		platforms.davintoo.addUser('EMP-7');
		const blocked = await runDavintoo(sandbox, { operation: 'block', uid: 'EMP-7' });
		expect(sandbox.requests()[0]).toMatchObject({
			method: 'POST',
			path: '/api/v2/users-import/single',
			body: { uid: 'EMP-7', is_active: 0 },
		});
		expect(jsonOf(blocked.outputs[0])).toEqual([
			{
				uid: 'EMP-7',
				is_active: 0,
				created_count: 0,
				updated_count: 1,
				blocked_count: 1,
				unblocked_count: 0,
				outcome: 'updated',
			},
		]);
		expect(platforms.davintoo.users.get('EMP-7')?.is_active).toBe(0);

		const unblocked = await runDavintoo(sandbox, {
			operation: 'unblock',
			uid: 'EMP-7',
			alsoSend: { email: 'new@acme.example' },
		});
		expect(sandbox.requests()[1].body).toEqual({
			uid: 'EMP-7',
			email: 'new@acme.example',
			is_active: 1,
		});
		expect(jsonOf(unblocked.outputs[0])[0]).toMatchObject({ blocked_count: 0, unblocked_count: 1 });
		expect(platforms.davintoo.users.get('EMP-7')?.is_active).toBe(1);
	});

	it('a 400 reads as the field map; a wrong token is a 401 in words and shows nowhere', async () => {
		platforms.davintoo.addUser('EMP-1', { login: 'o.koval' });
		const taken = await runDavintoo(sandbox, importOne);
		expect(taken.error?.message).toBe(
			'Davintoo 400: login: Login "o.koval" has already been taken.',
		);
		expect(taken.error?.httpCode).toBe('400');

		const wrong = 'wrong-token-000111222';
		const denied = await runDavintoo(
			sandbox,
			{ operation: 'getAll', returnAll: true },
			{ apiToken: wrong },
		);
		expect(denied.error?.message).toBe(
			'Davintoo refused the API Token (HTTP 401, "Your request was made with invalid credentials."). Check the API Token in the Davintoo credential.',
		);
		expect(denied.error?.description).toContain(
			'Tokens are made on the portal page Security and notifications',
		);
		expect(JSON.stringify(denied.error?.raw)).not.toContain(wrong);
	});
});

describe('Davintoo Get Many', () => {
	it('Return All follows the pager; Limit stops early; filters go out as filter[...]', async () => {
		for (let n = 1; n <= 25; n++)
			platforms.davintoo.addUser(`U${n}`, { department: n % 2 ? 'Sales' : 'IT' });
		const all = await runDavintoo(sandbox, { operation: 'getAll', returnAll: true });
		expect(all.error).toBeUndefined();
		expect(jsonOf(all.outputs[0]).map((u) => u.uid)).toEqual(
			Array.from({ length: 25 }, (_, i) => `U${i + 1}`),
		);
		expect(sandbox.requests().map((r) => r.query)).toEqual([
			{ page: '1' },
			{ page: '2' },
			{ page: '3' },
		]);
		expect(all.outputs[0].every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(JSON.stringify(all.outputs)).not.toContain('password');

		sandbox.log.length = 0;
		const some = await runDavintoo(sandbox, {
			operation: 'getAll',
			returnAll: false,
			limit: 4,
			filters: { department: 'Sales', fullname: 'first' },
		});
		expect(jsonOf(some.outputs[0]).map((u) => u.uid)).toEqual(['U1', 'U3', 'U5', 'U7']);
		expect(sandbox.requests().map((r) => r.query)).toEqual([
			{ 'filter[fullname]': 'first', 'filter[department]': 'Sales', page: '1' },
		]);
	});

	it('a portal that ignores ?page= fails clearly instead of repeating page 1', async () => {
		for (let n = 1; n <= 12; n++) platforms.davintoo.addUser(`U${n}`);
		platforms.davintoo.ignorePage = true;
		const run = await runDavintoo(sandbox, { operation: 'getAll', returnAll: true });
		expect(run.error?.message).toBe(
			'Item 0: Davintoo answered page 1 when asked for page 2: this portal does not page /api/v2/users/list with ?page=, so only the first 10 users can be read',
		);
		expect(sandbox.requests()).toHaveLength(2);
	});
});

describe('Davintoo Import Many as JSON batches', () => {
	const params = { operation: 'importMany', source: 'json', batchSize: 2 };

	it('chunks by Batch Size, pairs each chunk with its items and sums the counters', async () => {
		platforms.davintoo.addUser('EMP-2');
		platforms.davintoo.addUser('EMP-4', {}, 0);
		const items = [1, 2, 3, 4, 5].map((n) =>
			person(n, n === 4 ? { is_active: true, birth_date: '1991-03-31' } : {}),
		);
		const run = await runDavintoo(sandbox, params, { items });
		expect(run.error).toBeUndefined();
		const sent = sandbox.requests();
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(
			Array(3).fill('POST /api/v2/users-import/batch'),
		);
		expect(sent.map((r) => (r.body as Array<{ uid: string }>).map((u) => u.uid))).toEqual([
			['EMP-1', 'EMP-2'],
			['EMP-3', 'EMP-4'],
			['EMP-5'],
		]);
		expect((sent[1].body as unknown[])[1]).toEqual({
			...person(4).json,
			is_active: 1,
			birth_date: '31.03.1991',
		});
		expect(run.outputs[0].map((i) => i.pairedItem)).toEqual([
			[{ item: 0 }, { item: 1 }],
			[{ item: 2 }, { item: 3 }],
			[{ item: 4 }],
		]);
		expect(jsonOf(run.outputs[0])).toEqual([
			{
				chunk: 1,
				chunks: 3,
				users: 2,
				created_count: 1,
				updated_count: 1,
				blocked_count: 0,
				unblocked_count: 0,
				total: {
					users: 2,
					created_count: 1,
					updated_count: 1,
					blocked_count: 0,
					unblocked_count: 0,
				},
			},
			{
				chunk: 2,
				chunks: 3,
				users: 2,
				created_count: 1,
				updated_count: 1,
				blocked_count: 0,
				unblocked_count: 1,
				total: {
					users: 4,
					created_count: 2,
					updated_count: 2,
					blocked_count: 0,
					unblocked_count: 1,
				},
			},
			{
				chunk: 3,
				chunks: 3,
				users: 1,
				created_count: 1,
				updated_count: 0,
				blocked_count: 0,
				unblocked_count: 0,
				total: {
					users: 5,
					created_count: 3,
					updated_count: 2,
					blocked_count: 0,
					unblocked_count: 1,
				},
			},
		]);
		expect(platforms.davintoo.users.size).toBe(5);
	});

	it('an invalid item stops the run before anything is sent', async () => {
		const items = [person(1), person(2, { email: 'nope' }), person(3)];
		const run = await runDavintoo(sandbox, params, { items });
		expect(run.error?.message).toBe('Item 1: Email (email): is not a valid email address');
		expect(run.error?.itemIndex).toBe(1);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('with continueOnFail, invalid items become error items and the valid ones are imported', async () => {
		const items = [
			person(1),
			person(2, { gender: 'x' }),
			person(3),
			person(4, { lastname: 'Typo' }),
		];
		const run = await runDavintoo(sandbox, params, { items, onError: 'continueRegularOutput' });
		expect(run.error).toBeUndefined();
		expect(run.outputs[0].map((i) => i.pairedItem)).toEqual([
			[{ item: 1 }],
			[{ item: 3 }],
			[{ item: 0 }, { item: 2 }],
		]);
		expect(jsonOf(run.outputs[0]).slice(0, 2)).toEqual([
			{
				error: 'Item 1: Gender (gender): must be male (0) or female (1)',
				details: { itemIndex: 1, description: 'Nothing was sent.' },
			},
			{
				error:
					'Item 3: lastname: is not a Davintoo user field (use the API names: uid, secondname, firstname, login, email, …), or turn on Ignore Unknown Fields',
				details: { itemIndex: 3, description: 'Nothing was sent.' },
			},
		]);
		expect(
			sandbox.requests().map((r) => (r.body as Array<{ uid: string }>).map((u) => u.uid)),
		).toEqual([['EMP-1', 'EMP-3']]);
	});

	it('Ignore Unknown Fields leaves such fields out', async () => {
		const run = await runDavintoo(
			sandbox,
			{ ...params, ignoreUnknownFields: true },
			{ items: [person(1, { id: 991, note: 'x' })] },
		);
		expect(run.error).toBeUndefined();
		expect(sandbox.requests()[0].body).toEqual([person(1).json]);
	});

	it('a chunk the portal rejects: its items get one error item, the other chunks go on', async () => {
		platforms.davintoo.addUser('OTHER', { login: 'o.koval3' });
		const items = [1, 2, 3, 4].map((n) => person(n));
		const run = await runDavintoo(sandbox, params, { items, onError: 'continueRegularOutput' });
		expect(run.outputs[0].map((i) => i.pairedItem)).toEqual([
			[{ item: 0 }, { item: 1 }],
			[{ item: 2 }, { item: 3 }],
		]);
		expect(jsonOf(run.outputs[0])[1]).toEqual({
			error: 'Davintoo 400: 0.login: Login "o.koval3" has already been taken.',
			details: {
				itemIndex: 2,
				httpCode: '400',
				description:
					'The portal rejected the data; the fields it names are the API field names. — POST /davintoo/api/v2/users-import/batch — Chunk 2 of 2 (items 2–3); the chunks before it were imported',
			},
		});
		expect(platforms.davintoo.users.size).toBe(3);
	});

	it('Dry Run returns the JSON chunks that would go out, passwords masked, and sends nothing', async () => {
		const items = [person(1, { password: 'Secret-One-1' }), person(2), person(3)];
		const run = await runDavintoo(sandbox, { ...params, options: { dryRun: true } }, { items });
		expect(sandbox.requests()).toHaveLength(0);
		const out = jsonOf(run.outputs[0]);
		expect(out).toHaveLength(2);
		expect(out[0]).toEqual({
			dryRun: true,
			resource: 'user',
			operation: 'importMany',
			chunk: 1,
			chunks: 2,
			users: 2,
			requests: [
				{
					url: `${sandbox.urlOf('/davintoo')}/api/v2/users-import/batch`,
					method: 'POST',
					headers: { 'X-Cbr-Authorization': '***' },
					body: [{ ...person(1).json, password: '***' }, person(2).json],
				},
			],
		});
		expect(JSON.stringify(run.outputs)).not.toContain('Secret-One-1');
	});
});

describe('Davintoo Import Many as one CSV built from the items', () => {
	const params = { operation: 'importMany', source: 'csvFromItems' };
	const tricky = {
		secondname: 'Semi;colon',
		firstname: 'Quote "the" name',
		position: 'Line one\nline two',
		department: 'Відділ прози',
		customInfo: { team: 'a;b', lead: true },
		tags: ['новачок', 'драматург'],
		gender: 'male',
		status: 0,
		birth_date: '16.10.1988',
	};

	it('without the confirmation nothing is sent and the error says why', async () => {
		const run = await runDavintoo(sandbox, params, { items: [person(1), person(2)] });
		expect(run.error?.message).toBe(
			'Building one CSV from these 2 items makes the portal block every user who is not among them. Turn on "Confirm: Block Every Portal User Missing From the Input" if the items are all of the portal\'s users, or use Source "Input Items (JSON Batches)" for a partial list.',
		);
		expect(run.error?.description).toBe('Nothing was sent.');
		expect(sandbox.requests()).toHaveLength(0);

		const cof = await runDavintoo(sandbox, params, {
			items: [person(1), person(2)],
			onError: 'continueRegularOutput',
		});
		expect(cof.outputs[0]).toHaveLength(1);
		expect(cof.outputs[0][0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('sends one multipart file whose values round-trip through ; quotes and line breaks; missing users get blocked', async () => {
		platforms.davintoo.addUser('EMP-2');
		platforms.davintoo.addUser('GONE');
		const items = [person(1, tricky), person(2), person(3, { status: 1 })];
		const run = await runDavintoo(sandbox, { ...params, confirmBlockMissing: true }, { items });
		expect(run.error).toBeUndefined();
		const [request] = sandbox.requests();
		expect(sandbox.requests()).toHaveLength(1);
		expect(request).toMatchObject({ method: 'POST', path: '/api/v2/users-import/csv' });
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(request.body).toEqual({
			fields: {},
			files: [
				{
					field: 'file',
					filename: 'users.csv',
					contentType: 'text/csv',
					data: expect.stringMatching(/bytes$/),
				},
			],
		});

		const text = platforms.davintoo.csvFiles[0];
		expect(text.split('\r\n')[0]).toBe(
			'ID;Last name;First name;Middle name;Login;Email;Password;Birthdate;Gender (F-1, M-0);City;Department;Position;Tags;Phone;Status (0 - working, 1 - dismissed, 2 - maternity leave, 3 - sick leave);Employment date;Google Id;Work contacts;Date of current position assignment;department code;Additional field 1;Additional field 2;Additional field 3;JSON;Interface language;Additional field 4;Additional field 5',
		);
		const rows = parseCsv(text);
		expect(rows).toHaveLength(4);
		expect(rows.every((r) => r.length === 27)).toBe(true);
		const stored = platforms.davintoo.users.get('EMP-1')?.fields;
		expect(stored).toMatchObject({
			secondname: 'Semi;colon',
			firstname: 'Quote "the" name',
			position: 'Line one\nline two',
			department: 'Відділ прози',
			customInfo: '{"team":"a;b","lead":true}',
			tags: 'новачок,драматург',
			gender: '0',
			birth_date: '16.10.1988',
		});
		expect(jsonOf(run.outputs[0])).toEqual([
			{
				file: 1,
				files: 1,
				users: 3,
				bytes: Buffer.byteLength(text),
				created_count: 2,
				updated_count: 1,
				blocked_count: 1,
				unblocked_count: 0,
				total: {
					users: 3,
					created_count: 2,
					updated_count: 1,
					blocked_count: 1,
					unblocked_count: 0,
				},
			},
		]);
		expect(run.outputs[0][0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		// GONE was not in the file: blocked (counted); EMP-3 came in dismissed: created blocked.
		expect(platforms.davintoo.users.get('GONE')?.is_active).toBe(0);
		expect(platforms.davintoo.users.get('EMP-3')?.is_active).toBe(0);
	});

	it('fields without a CSV column are item errors, not silently dropped', async () => {
		const items = [person(1, { manager_uid: 'M-1' }), person(2, { is_active: 0 })];
		const run = await runDavintoo(
			sandbox,
			{ ...params, confirmBlockMissing: true },
			{ items, onError: 'continueRegularOutput' },
		);
		expect(jsonOf(run.outputs[0]).map((j) => j.error)).toEqual([
			'Item 0: Manager UIDs (manager_uid): has no column in the CSV format: import such users as JSON',
			'Item 1: Active (is_active): cannot be 0 in a CSV import: the CSV blocks users through Status (1 dismissed, 2 maternity leave, 3 sick leave)',
		]);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('Dry Run returns the CSV file as binary (passwords as ***) and sends nothing', async () => {
		const items = [person(1, { ...tricky, password: 'Secret-Two-2' }), person(2)];
		const run = await runDavintoo(
			sandbox,
			{ ...params, options: { dryRun: true } },
			{ items, binaryDataMode: 'filesystem' },
		);
		expect(run.error).toBeUndefined();
		expect(sandbox.requests()).toHaveLength(0);
		const [item] = run.outputs[0];
		expect(item.json).toMatchObject({
			dryRun: true,
			operation: 'importMany',
			users: 2,
			requests: [
				{ method: 'POST', multipart: { files: [{ field: 'file', filename: 'users.csv' }] } },
			],
		});
		expect(item.binary?.data).toMatchObject({ fileName: 'users.csv', mimeType: 'text/csv' });
		const csv = Buffer.from(item.binary?.data.data ?? '', 'base64').toString('utf8');
		const rows = parseCsv(csv);
		expect(rows.map((r) => r[0])).toEqual(['ID', 'EMP-1', 'EMP-2']);
		expect(rows[1].slice(1, 7)).toEqual([
			'Semi;colon',
			'Quote "the" name',
			'',
			'o.koval1',
			'olena1@acme.example',
			'***',
		]);
		expect(JSON.stringify(run.outputs)).not.toContain('Secret-Two-2');
		expect(csv).not.toContain('Secret-Two-2');
	});
});

describe('Davintoo Import Many from a CSV file in a binary property', () => {
	const file = [
		'ID;Last name;First name;Middle name;Login;Email;Password;Birthdate;Gender (F-1, M-0);City;Department;Position',
		'ad123473;Діккенс;Чарльз;;addiccens;dickens@acme.example;;16.10.1988;0;Ужгород;"Відділ ""прози""";Письменник',
		'ad123474;Мітчелл;Маргарет;;admitchel;mitchell@acme.example;;31.03.1991;1;Львів;Відділ прози;"Письменник; драматург"',
		'',
	].join('\r\n');

	it('sends the stored file (filesystem mode) byte for byte as multipart "file" and reports the counters', async () => {
		platforms.davintoo.addUser('ad123474');
		platforms.davintoo.addUser('left.company');
		const run = await runDavintoo(
			sandbox,
			{ operation: 'importMany', source: 'binary', binaryPropertyName: 'data' },
			{ items: [csvItem(file, 'hr-export.csv')], binaryDataMode: 'filesystem' },
		);
		expect(run.error).toBeUndefined();
		expect(sandbox.requests()).toHaveLength(1);
		expect(sandbox.requests()[0]).toMatchObject({
			method: 'POST',
			path: '/api/v2/users-import/csv',
			body: { files: [{ field: 'file', filename: 'hr-export.csv', contentType: 'text/csv' }] },
		});
		expect(platforms.davintoo.csvFiles).toEqual([file]);
		expect(platforms.davintoo.users.get('ad123473')?.fields).toMatchObject({
			department: 'Відділ "прози"',
			city: 'Ужгород',
		});
		expect(platforms.davintoo.users.get('ad123474')?.fields).toMatchObject({
			position: 'Письменник; драматург',
		});
		expect(run.outputs[0]).toEqual([
			{
				json: {
					file: 1,
					files: 1,
					fileName: 'hr-export.csv',
					bytes: Buffer.byteLength(file),
					created_count: 1,
					updated_count: 1,
					blocked_count: 1,
					unblocked_count: 0,
					total: { created_count: 1, updated_count: 1, blocked_count: 1, unblocked_count: 0 },
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('a comma-separated or missing file is an item error and is not sent; the good file still goes', async () => {
		const items = [csvItem('ID,Last name\nx,y\n'), { json: {} }, csvItem(file)];
		const run = await runDavintoo(
			sandbox,
			{ operation: 'importMany', source: 'binary' },
			{ items, onError: 'continueRegularOutput' },
		);
		expect(run.outputs[0].map((i) => i.pairedItem)).toEqual([
			[{ item: 0 }],
			[{ item: 1 }],
			{ item: 2 },
		]);
		const out = jsonOf(run.outputs[0]);
		expect(out[0].error).toBe(
			'Item 0: CSV file (binary property "data"): the first line has no ";" but has ",": the portal reads ";"-separated CSV only',
		);
		expect(out[1].error).toEqual(expect.stringContaining('binary'));
		expect(out[2]).toMatchObject({ file: 3, files: 3, created_count: 2 });
		expect(sandbox.requests()).toHaveLength(1);
	});
});

describe('Davintoo Import Many at some scale', () => {
	it('5,000 items: JSON in 5 batches, then one CSV of 5,000 rows; every item paired once', async () => {
		const items = Array.from({ length: 5000 }, (_, n) => person(n));
		const json = await runDavintoo(
			sandbox,
			{ operation: 'importMany', source: 'json', batchSize: 1000 },
			{ items },
		);
		expect(json.error).toBeUndefined();
		expect(sandbox.requests()).toHaveLength(5);
		expect(jsonOf(json.outputs[0]).at(-1)?.total).toEqual({
			users: 5000,
			created_count: 5000,
			updated_count: 0,
			blocked_count: 0,
			unblocked_count: 0,
		});
		expect(
			json.outputs[0].flatMap((i) => i.pairedItem as Array<{ item: number }>).map((p) => p.item),
		).toEqual(items.map((_, n) => n));

		const csv = await runDavintoo(
			sandbox,
			{ operation: 'importMany', source: 'csvFromItems', confirmBlockMissing: true },
			{ items },
		);
		expect(csv.error).toBeUndefined();
		expect(sandbox.requests()).toHaveLength(6);
		expect(parseCsv(platforms.davintoo.csvFiles[0])).toHaveLength(5001);
		expect(jsonOf(csv.outputs[0])[0]).toMatchObject({
			users: 5000,
			created_count: 0,
			updated_count: 5000,
			blocked_count: 0,
		});
	});
});
