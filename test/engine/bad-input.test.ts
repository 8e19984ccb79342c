/**
 * Bad input, every node: a clear error naming the item and the field, and nothing sent for that
 * item (the sandbox log shows only the valid items' requests).
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { RunNodeResult } from '../harness/engine';
import { type Platforms, startSandbox, type Sandbox } from '../sandbox';
import { runActivePlatform } from './ActivePlatform/helpers';
import { runChatwoot } from './Chatwoot/helpers';
import { csvItem, runDavintoo } from './Davintoo/helpers';
import { runKeepnet } from './Keepnet/helpers';
import { runKeitaro } from './Keitaro/helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

type Runner = (params: INodeParameters, items: INodeExecutionData[]) => Promise<RunNodeResult>;
const each = { onError: 'continueRegularOutput' as const };
const keitaro: Runner = (p, items) => runKeitaro(sandbox, p, { items, ...each });
const keepnet: Runner = (p, items) => runKeepnet(sandbox, p, { items, ...each });
const chatwoot: Runner = (p, items) => runChatwoot(sandbox, p, { items, ...each });
const activePlatform: Runner = (p, items) => runActivePlatform(sandbox, p, { items, ...each });
const davintoo: Runner = (p, items) => runDavintoo(sandbox, p, { items, ...each });

interface Case {
	name: string;
	run: Runner;
	params: INodeParameters;
	/** Item 0 is always valid; item 1 carries the bad value. */
	items: INodeExecutionData[];
	error: string;
	/** The platform's requests item 0 makes (item 1 must add none). */
	platform: string;
	/** Records item 0 needs in the sandbox. */
	setup?: () => void;
}

const long = (n: number) => 'x'.repeat(n);
const CSV_HEADER =
	'ID;Last name;First name;Middle name;Login;Email;Password;Birthdate;Gender (F-1, M-0);City;Department;Position';

const cases: Case[] = [
	{
		name: 'Keitaro: invalid JSON in User Data',
		run: keitaro,
		params: { operation: 'create', inputMode: 'json', userData: '={{ $json.data }}' },
		items: [
			{ json: { data: '{"login":"ok","new_password":"Pw-123456"}' } },
			{ json: { data: '{"login": "x",' } },
		],
		error: 'Item 1: User Data (userData): is not valid JSON',
		platform: 'keitaro',
	},
	{
		name: 'Keitaro: a word where the user ID number belongs',
		run: keitaro,
		params: { operation: 'get', userId: '={{ $json.id }}' },
		setup: () => platforms.keitaro.addUser('seeded'),
		items: [{ json: { id: 1 } }, { json: { id: 'seven' } }],
		error: 'Item 1: User ID (userId): must be a number',
		platform: 'keitaro',
	},
	{
		name: 'Keitaro: a missing login',
		run: keitaro,
		params: {
			operation: 'create',
			inputMode: 'fields',
			login: '={{ $json.login }}',
			password: 'Pw-123456',
			type: 'USER',
		},
		items: [{ json: { login: 'ok' } }, { json: {} }],
		error: 'Item 1: Login (login): is required',
		platform: 'keitaro',
	},
	{
		name: 'Keepnet: an invalid email',
		run: keepnet,
		params: { operation: 'create', email: '={{ $json.email }}', phoneNumber: '+447700900123' },
		items: [{ json: { email: 'ok@example.com' } }, { json: { email: 'not-an-email' } }],
		error: 'Item 1: Email (email): is not a valid email address',
		platform: 'keepnet',
	},
	{
		name: 'Keepnet: an oversized first name',
		run: keepnet,
		params: {
			operation: 'create',
			email: '={{ $json.email }}',
			phoneNumber: '+447700900123',
			additionalFields: { firstName: '={{ $json.name }}' },
		},
		items: [
			{ json: { email: 'ok@example.com', name: 'Jane' } },
			{ json: { email: 'b@example.com', name: long(41) } },
		],
		error: 'Item 1: Additional Fields > First Name (additionalFields.firstName)',
		platform: 'keepnet',
	},
	{
		name: 'Chatwoot: a weak platform-user password',
		run: chatwoot,
		params: {
			resource: 'platformUser',
			operation: 'create',
			name: 'Ana',
			email: '={{ $json.email }}',
			password: '={{ $json.password }}',
		},
		items: [
			{ json: { email: 'ana@example.com', password: 'Str0ng!pass' } },
			{ json: { email: 'bo@example.com', password: 'weakpass' } },
		],
		error: 'Item 1: Password (password)',
		platform: 'chatwoot',
	},
	{
		name: 'Chatwoot: an oversized password',
		run: chatwoot,
		params: {
			resource: 'platformUser',
			operation: 'create',
			name: 'Ana',
			email: '={{ $json.email }}',
			password: '={{ $json.password }}',
		},
		items: [
			{ json: { email: 'ana@example.com', password: 'Str0ng!pass' } },
			{ json: { email: 'bo@example.com', password: `Aa1!${long(130)}` } },
		],
		error: 'Item 1: Password (password)',
		platform: 'chatwoot',
	},
	{
		name: 'ActivePlatform: an invalid email',
		run: activePlatform,
		params: {
			operation: 'create',
			firstName: 'Olena',
			lastName: 'Koval',
			email: '={{ $json.email }}',
			password: 'Xy7!pass-word',
		},
		items: [{ json: { email: 'ok@example.com' } }, { json: { email: 'olena@' } }],
		error: 'Item 1: Email (email): is not a valid email address',
		platform: 'activeplatform',
	},
	{
		name: 'Davintoo: an impossible birth date',
		run: davintoo,
		params: {
			operation: 'importOne',
			uid: '={{ $json.uid }}',
			secondname: 'Koval',
			firstname: 'Olena',
			login: '={{ $json.uid }}',
			email: '={{ $json.uid + "@acme.example" }}',
			additionalFields: { birth_date: '={{ $json.born }}' },
		},
		items: [
			{ json: { uid: 'EMP-1', born: '1990-03-31' } },
			{ json: { uid: 'EMP-2', born: '31.02.1990' } },
		],
		error: 'Item 1: Additional Fields > Birth Date (additionalFields.birth_date)',
		platform: 'davintoo',
	},
	{
		name: 'Davintoo: a CSV file with broken quoting',
		run: davintoo,
		params: { operation: 'importMany', source: 'binary', binaryPropertyName: 'data' },
		items: [
			csvItem(
				`${CSV_HEADER}\r\nEMP-1;Koval;Olena;;o.koval;o@acme.example;;;0;Lviv;Sales;Manager\r\n`,
			),
			csvItem(
				`${CSV_HEADER}\r\nEMP-2;Koval;Olena;;o.koval2;o2@acme.example;;;0;Lviv;"Sales;Manager\r\nEMP-3;Bo;Ivan;;i.bo;i@acme.example;;;0;Kyiv;IT;Dev\r\n`,
			),
		],
		error:
			'Item 1: CSV file (binary property "data"): line 2: a quoted value is opened and never closed (broken quoting)',
		platform: 'davintoo',
	},
];

describe('bad input: named item and field, nothing sent for it', () => {
	it.each(cases)(
		'$name',
		async (c) => {
			c.setup?.();
			const alone = await c.run(c.params, [c.items[0]]);
			expect(alone.error).toBeUndefined();
			const validRequests = sandbox.requests(c.platform).length;
			sandbox.reset();
			c.setup?.();

			const run = await c.run(c.params, c.items);
			expect(run.error).toBeUndefined();
			const out = run.outputs[0] ?? [];
			const pairedWith = (i: INodeExecutionData) =>
				[i.pairedItem ?? []].flat().map((p) => (p as { item: number }).item);
			const bad = out.find((i) => pairedWith(i).includes(1));
			expect(bad?.json.error).toEqual(expect.stringContaining(c.error));
			expect(String(bad?.json.error).startsWith(c.error)).toBe(true);
			expect(bad?.json.details).toMatchObject({ itemIndex: 1 });
			expect(out.some((i) => pairedWith(i).includes(0) && !('error' in i.json))).toBe(true);
			// Only item 0's requests reached the service (token requests count as the platform's too).
			expect(sandbox.requests(c.platform)).toHaveLength(validRequests);
		},
		30000,
	);
});
