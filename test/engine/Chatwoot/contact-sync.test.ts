import type { INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { calls, jsonOf, runChatwoot } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const sync = {
	resource: 'contact',
	operation: 'sync',
	email: '={{ $json.email }}',
	name: '={{ $json.name }}',
	fields: { customAttributes: '={{ JSON.stringify({ tier: $json.tier }) }}' },
	scope: { label: 'customer' },
};
const want = (email: string, name: string, tier = 'basic') => ({ json: { email, name, tier } });
const plan = (items: INodeExecutionData[]) =>
	jsonOf(items).map((j) => [j.action, j.key, j.changes, j.why]);
const pad = (n: number) => String(n).padStart(3, '0');
const writes = () =>
	calls(sandbox).filter((c) => !/^GET \/api\/v1\/accounts\/1\/contacts\?/.test(c));
const contact = (email: string) =>
	[...platforms.chatwoot.contacts.values()].find((c) => c.email === email.toLowerCase());

/** 300 customers (labelled), 100 leads (not), 15 to a page. */
function population() {
	for (let n = 0; n < 300; n++) {
		platforms.chatwoot.addContact({
			email: `c${pad(n)}@shop.test`,
			name: `C ${n}`,
			custom_attributes: { tier: 'basic' },
			labels: ['customer'],
		});
	}
	for (let n = 0; n < 100; n++)
		platforms.chatwoot.addContact({
			email: `lead${pad(n)}@shop.test`,
			name: `L ${n}`,
			labels: ['lead'],
		});
}

/** All customers but the last, one renamed and one made gold; a lead who became a customer; a new one. */
const desired = () => [
	...Array.from({ length: 299 }, (_, n) =>
		want(`c${pad(n)}@shop.test`, n === 0 ? 'Cleo' : `C ${n}`, n === 1 ? 'gold' : 'basic'),
	),
	want('LEAD000@shop.test', 'L 0'),
	want('new@shop.test', 'Nell'),
];

describe('Chatwoot contact Sync', () => {
	it('plans a mixed desired set exactly, with list calls only (pages fetched several at a time)', async () => {
		population();
		const run = await runChatwoot(
			sandbox,
			{ ...sync, removeMissing: 'removeLabel', options: { summary: true } },
			{ items: desired() },
		);
		expect(run.error).toBeUndefined();
		// 400 contacts on 27 pages, 300 labelled ones on 20.
		const listed = calls(sandbox);
		expect(listed.filter((c) => !c.includes('labels'))).toHaveLength(27);
		expect(listed.filter((c) => c.includes('labels%5B%5D=customer'))).toHaveLength(20);
		expect(writes()).toEqual([]);
		const rows = run.outputs[0].slice(0, -1);
		expect(plan(rows).filter(([action]) => action !== 'unchanged')).toEqual([
			['update', 'c000@shop.test', 'name: C 0 → Cleo', 'differs'],
			['update', 'c001@shop.test', 'custom_attributes.tier: basic → gold', 'differs'],
			[
				'update',
				'LEAD000@shop.test',
				'labels: (empty) → +customer; custom_attributes.tier: (empty) → basic',
				'exists outside the scope: brought in',
			],
			['create', 'new@shop.test', '', 'no contact has this Email'],
			['remove', 'c299@shop.test', '', 'not in the input: Remove Label'],
		]);
		expect(run.outputs[0].at(-1)?.json.summary).toMatchObject({
			existing: 300,
			toCreate: 1,
			toUpdate: 3,
			unchanged: 297,
			toRemove: 1,
		});
	});

	it('Apply makes the account match (labels read before they are rewritten); a second Apply sends nothing', async () => {
		population();
		const apply = { ...sync, syncMode: 'apply', removeMissing: 'removeLabel' };
		const run = await runChatwoot(sandbox, apply, { items: desired() });
		expect(run.error).toBeUndefined();
		const [c0, c1, lead0, c299] = ['c000', 'c001', 'lead000', 'c299'].map((e) =>
			contact(`${e}@shop.test`)!,
		);
		const created = contact('new@shop.test')!;
		const path = (id: number, tail = '') => `/api/v1/accounts/1/contacts/${id}${tail}`;
		expect(writes().sort()).toEqual(
			[
				`PUT ${path(c0.id)}`,
				`PUT ${path(c1.id)}`,
				`GET ${path(lead0.id, '/labels')}`,
				`POST ${path(lead0.id, '/labels')}`,
				`PUT ${path(lead0.id)}`,
				'POST /api/v1/accounts/1/contacts',
				`GET ${path(created.id, '/labels')}`,
				`POST ${path(created.id, '/labels')}`,
				`GET ${path(c299.id, '/labels')}`,
				`POST ${path(c299.id, '/labels')}`,
			].sort(),
		);
		expect(c0.name).toBe('Cleo');
		expect(c1.custom_attributes).toEqual({ tier: 'gold' });
		expect(lead0).toMatchObject({
			labels: ['lead', 'customer'],
			custom_attributes: { tier: 'basic' },
		});
		expect(created).toMatchObject({
			name: 'Nell',
			labels: ['customer'],
			custom_attributes: { tier: 'basic' },
		});
		expect(c299.labels).toEqual([]);

		sandbox.log.length = 0;
		const again = await runChatwoot(sandbox, apply, { items: desired() });
		expect(writes()).toEqual([]);
		expect(new Set(jsonOf(again.outputs[0]).map((j) => j.action))).toEqual(new Set(['unchanged']));
	});

	it('matches by phone number as Chatwoot stores it (E.164), and by identifier exactly', async () => {
		platforms.chatwoot.addContact({ phone_number: '+15551230001', name: 'Pat' });
		platforms.chatwoot.addContact({ identifier: 'CRM-7', name: 'Ida' });
		const byPhone = await runChatwoot(
			sandbox,
			{
				resource: 'contact',
				operation: 'sync',
				matchBy: 'phone_number',
				phoneNumber: '={{ $json.phone }}',
				name: '={{ $json.name }}',
			},
			{ items: [{ json: { phone: '+1 (555) 123-0001', name: 'Pat' } }] },
		);
		expect(plan(byPhone.outputs[0])).toEqual([
			['unchanged', '+15551230001', '', 'already as wanted'],
			[
				'skip',
				'',
				'',
				'has no Phone Number: a sync by Phone Number neither matches nor removes it',
			],
		]);
		const byId = await runChatwoot(
			sandbox,
			{
				resource: 'contact',
				operation: 'sync',
				matchBy: 'identifier',
				identifier: '={{ $json.id }}',
			},
			{ items: [{ json: { id: 'crm-7' } }, { json: { id: 'CRM-7' } }] },
		);
		expect(plan(byId.outputs[0]).map(([action, key]) => [action, key])).toEqual([
			['create', 'crm-7'],
			['unchanged', 'CRM-7'],
			['skip', ''],
		]);
	});

	it('refuses an empty desired set and removals beyond the limit; "Remove Label" needs a label', async () => {
		population();
		const apply = { ...sync, syncMode: 'apply', removeMissing: 'delete' };
		const empty = await runChatwoot(sandbox, apply, { items: [{ json: { email: 'nobody' } }] });
		expect(empty.error?.message).toMatch(/^No input item is a usable contact: Email \(email\)/);
		const tooMany = await runChatwoot(sandbox, apply, { items: desired().slice(0, 200) });
		expect(tooMany.error?.message).toBe(
			'Apply refused: 100 of 300 existing contacts (33.3%) would be removed, more than the Removal Limit of 10% (30). Raise Removal Limit (%) for this run if that is intended. Nothing was sent.',
		);
		const noLabel = await runChatwoot(
			sandbox,
			{ ...apply, scope: {}, removeMissing: 'removeLabel' },
			{ items: desired() },
		);
		expect(noLabel.error?.message).toBe(
			'Remove Missing "Remove Label": set Scope > Label (scope.label) to say which label',
		);
		expect(writes()).toEqual([]);
	});

	it('faults during Apply (429, 503, a dropped create): no duplicate, and each contact says what happened', async () => {
		population();
		sandbox.fault({ kind: 'status', status: 429, method: 'PUT', times: 1, retryAfter: '0' });
		sandbox.fault({ kind: 'status', status: 503, method: 'DELETE', times: 1, retryAfter: '0' });
		sandbox.fault({ kind: 'dropAfter', method: 'POST', path: /\/contacts$/, times: 1 });
		const run = await runChatwoot(
			sandbox,
			{ ...sync, syncMode: 'apply', removeMissing: 'delete' },
			{ items: desired() },
		);
		expect(run.error).toBeUndefined();
		const results = Object.fromEntries(
			jsonOf(run.outputs[0])
				.filter((j) => j.action !== 'unchanged')
				.map((j) => [j.key, j.result]),
		);
		expect(results).toEqual({
			'c000@shop.test': 'updated',
			'c001@shop.test': 'updated',
			'LEAD000@shop.test': 'updated',
			'new@shop.test': 'created',
			'c299@shop.test': 'removed',
		});
		const created = [...platforms.chatwoot.contacts.values()].filter(
			(c) => c.email === 'new@shop.test',
		);
		expect(created).toHaveLength(1);
		// Found by the lookup after the lost answer, and labelled all the same.
		expect(created[0].labels).toEqual(['customer']);
		expect(contact('c299@shop.test')).toBeUndefined();
	});

	it('a contact that fails is reported on its own row with continueOnFail; the others go on', async () => {
		population();
		sandbox.fault({
			kind: 'status',
			status: 422,
			method: 'POST',
			path: /\/contacts$/,
			body: { message: 'Email has already been taken', attributes: ['email'] },
		});
		const run = await runChatwoot(
			sandbox,
			{ ...sync, syncMode: 'apply', options: { summary: true } },
			{ items: desired(), onError: 'continueRegularOutput' },
		);
		expect(run.error).toBeUndefined();
		expect(jsonOf(run.outputs[0]).find((j) => j.key === 'new@shop.test')).toMatchObject({
			action: 'create',
			result: 'failed',
			error: 'Chatwoot 422: Email has already been taken',
		});
		expect(run.outputs[0].at(-1)?.json.summary).toMatchObject({ updated: 3, failed: 1 });
	});
});
