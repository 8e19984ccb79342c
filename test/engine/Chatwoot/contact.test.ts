import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { calls, jsonOf, runChatwoot } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const A = '/api/v1/accounts/1';

describe('Chatwoot contacts', () => {
	it('creates (with an inbox), gets, updates (merging attributes) and deletes a contact', async () => {
		const created = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'create',
			fields: {
				name: 'Mia',
				email: 'mia@shop.test',
				phoneNumber: '+1 555 010 0200',
				identifier: 'crm-9',
				inboxId: 1,
				customAttributes: '{"plan":"free","seats":2}',
			},
		});
		expect(created.error).toBeUndefined();
		expect(sandbox.requests()[0]).toMatchObject({
			method: 'POST',
			path: `${A}/contacts`,
			body: {
				name: 'Mia',
				email: 'mia@shop.test',
				phone_number: '+15550100200',
				identifier: 'crm-9',
				inbox_id: 1,
				custom_attributes: { plan: 'free', seats: 2 },
			},
		});
		const contact = jsonOf(created.outputs[0])[0];
		expect(contact).toMatchObject({
			id: 1,
			name: 'Mia',
			outcome: 'created',
			contact_inbox: {
				inbox: { id: 1, name: 'Website', channel_type: 'Channel::WebWidget' },
				source_id: 'source-1',
			},
		});

		const got = await runChatwoot(sandbox, { resource: 'contact', operation: 'get', contactId: 1 });
		expect(jsonOf(got.outputs[0])).toEqual([
			expect.objectContaining({
				id: 1,
				email: 'mia@shop.test',
				custom_attributes: { plan: 'free', seats: 2 },
			}),
		]);

		const updated = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'update',
			contactId: 1,
			updateFields: { customAttributes: { plan: 'pro' }, blocked: true },
		});
		expect(sandbox.requests()[2]).toMatchObject({
			method: 'PUT',
			path: `${A}/contacts/1`,
			body: { blocked: true, custom_attributes: { plan: 'pro' } },
		});
		expect(jsonOf(updated.outputs[0])[0]).toMatchObject({
			blocked: true,
			custom_attributes: { plan: 'pro', seats: 2 },
			outcome: 'updated',
		});

		const deleted = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'delete',
			contactId: 1,
		});
		expect(jsonOf(deleted.outputs[0])).toEqual([{ id: 1, deleted: true, outcome: 'deleted' }]);
		expect(calls(sandbox)[3]).toBe(`DELETE ${A}/contacts/1`);
		expect(platforms.chatwoot.contacts.size).toBe(0);
	});

	it("Chatwoot's 422 {message, attributes} becomes the error text; bad input sends nothing", async () => {
		platforms.chatwoot.addContact({ email: 'taken@shop.test' });
		const run = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'create',
			fields: { email: 'TAKEN@shop.test' },
		});
		expect(run.error?.message).toBe('Chatwoot 422: Email has already been taken');
		expect(run.error?.description).toBe('POST /chatwoot/api/v1/accounts/1/contacts');

		sandbox.log.length = 0;
		const bad = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'create',
			fields: { phoneNumber: '0555 12' },
		});
		expect(bad.error?.message).toBe(
			'Item 0: Fields > Phone Number (fields.phoneNumber): must be in E.164 format, e.g. +15551234567',
		);
		const none = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'create',
			fields: {},
		});
		expect(none.error?.message).toBe(
			'Item 0: Fields (fields): give at least a name, email, phone number or identifier',
		);
		const noQuery = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'search',
			query: '  ',
			returnAll: true,
		});
		expect(noQuery.error?.message).toBe('Item 0: Search Text (query): is required');
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('search pages through 15 at a time: Return All reads every page, Limit stops early', async () => {
		for (let i = 1; i <= 40; i++)
			platforms.chatwoot.addContact({ name: `Lead ${i}`, email: `lead${i}@shop.test` });
		platforms.chatwoot.addContact({ name: 'Other', email: 'other@else.test' });

		const all = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'search',
			query: 'lead',
			returnAll: true,
			sort: 'name',
		});
		expect(calls(sandbox)).toEqual([
			`GET ${A}/contacts/search?q=lead&page=1&sort=name`,
			`GET ${A}/contacts/search?q=lead&page=2&sort=name`,
			`GET ${A}/contacts/search?q=lead&page=3&sort=name`,
		]);
		const emails = jsonOf(all.outputs[0]).map((c) => c.email);
		expect(emails).toHaveLength(40);
		expect(new Set(emails).size).toBe(40);
		expect(all.outputs[0].every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);

		sandbox.log.length = 0;
		const some = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'search',
			query: 'lead',
			returnAll: false,
			limit: 20,
		});
		expect(calls(sandbox)).toEqual([
			`GET ${A}/contacts/search?q=lead&page=1`,
			`GET ${A}/contacts/search?q=lead&page=2`,
		]);
		expect(jsonOf(some.outputs[0])).toHaveLength(20);
	});

	it('filter sends the conditions chained by the match operator and pages the result', async () => {
		for (let i = 1; i <= 16; i++)
			platforms.chatwoot.addContact({
				name: `Pro ${i}`,
				email: `p${i}@shop.test`,
				custom_attributes: { plan: 'pro' },
			});
		platforms.chatwoot.addContact({
			name: 'Free',
			email: 'free@shop.test',
			custom_attributes: { plan: 'free' },
		});
		const run = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'filter',
			conditions: {
				condition: [
					{ attributeKey: 'plan', operator: 'equal_to', value: 'pro' },
					{ attributeKey: 'email', operator: 'contains', value: 'shop.test' },
				],
			},
			match: 'AND',
			returnAll: true,
		});
		expect(run.error).toBeUndefined();
		const requests = sandbox.requests();
		expect(calls(sandbox)).toEqual([
			`POST ${A}/contacts/filter?page=1`,
			`POST ${A}/contacts/filter?page=2`,
		]);
		expect(requests[0].body).toEqual({
			payload: [
				{
					attribute_key: 'plan',
					filter_operator: 'equal_to',
					values: ['pro'],
					query_operator: 'AND',
				},
				{
					attribute_key: 'email',
					filter_operator: 'contains',
					values: ['shop.test'],
					query_operator: null,
				},
			],
		});
		expect(jsonOf(run.outputs[0]).map((c) => c.name)).toEqual(
			Array.from({ length: 16 }, (_, i) => `Pro ${i + 1}`),
		);
	});
});

describe('Chatwoot batching from the shared Options', () => {
	it('Items per Batch and Batch Interval space the requests and keep their order', async () => {
		for (let i = 1; i <= 4; i++)
			platforms.chatwoot.addContact({ name: `C${i}`, email: `c${i}@shop.test` });
		const items = [1, 2, 3, 4].map((id) => ({ json: { id } }));
		const run = await runChatwoot(
			sandbox,
			{
				resource: 'contact',
				operation: 'get',
				contactId: '={{ $json.id }}',
				options: { batching: { batch: { batchSize: 2, batchInterval: 400 } } },
			},
			{ items },
		);
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([1, 2, 3, 4].map((id) => `GET ${A}/contacts/${id}`));
		const times = sandbox.requests().map((r) => Date.parse(r.time));
		expect(times[2] - times[1]).toBeGreaterThanOrEqual(390);
		expect(times[1] - times[0]).toBeLessThan(300);
		expect(times[3] - times[2]).toBeLessThan(300);
		expect(run.outputs[0].map((i) => [i.json.id, i.pairedItem])).toEqual([
			[1, { item: 0 }],
			[2, { item: 1 }],
			[3, { item: 2 }],
			[4, { item: 3 }],
		]);
	});
});
