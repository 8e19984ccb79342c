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

describe('Chatwoot contact Create or Update', () => {
	const upsert = {
		resource: 'contact',
		operation: 'upsert',
		matchBy: 'email',
		email: 'anna@shop.test',
		additionalFields: { name: 'Anna', customAttributes: '{"tier":"gold"}' },
	};

	it('creates when only partial matches exist, even past the first page', async () => {
		// "joanna@shop.test" contains "anna@shop.test": Chatwoot's search finds it, the node must not take it.
		for (let i = 1; i <= 16; i++)
			platforms.chatwoot.addContact({ name: `Jo ${i}`, email: `${i}joanna@shop.test` });
		const run = await runChatwoot(sandbox, upsert);
		expect(run.error).toBeUndefined();
		expect(calls(sandbox)).toEqual([
			`GET ${A}/contacts/search?q=anna%40shop.test&page=1`,
			`GET ${A}/contacts/search?q=anna%40shop.test&page=2`,
			`POST ${A}/contacts`,
		]);
		expect(sandbox.requests()[2].body).toEqual({
			name: 'Anna',
			email: 'anna@shop.test',
			custom_attributes: { tier: 'gold' },
		});
		expect(jsonOf(run.outputs[0])[0]).toMatchObject({
			id: 17,
			email: 'anna@shop.test',
			outcome: 'created',
		});
		expect(platforms.chatwoot.contacts.size).toBe(17);
	});

	it('finds the exact match behind partial ones: unchanged when nothing differs, else updates only the changes', async () => {
		for (let i = 1; i <= 15; i++)
			platforms.chatwoot.addContact({ name: `Jo ${i}`, email: `${i}joanna@shop.test` });
		const anna = platforms.chatwoot.addContact({
			name: 'Anna',
			email: 'Anna@Shop.test',
			custom_attributes: { tier: 'gold', x: 1 },
		});

		const same = await runChatwoot(sandbox, upsert);
		expect(jsonOf(same.outputs[0])[0]).toMatchObject({ id: anna.id, outcome: 'unchanged' });
		expect(sandbox.requests().map((r) => r.method)).toEqual(['GET', 'GET']);

		sandbox.log.length = 0;
		const changed = await runChatwoot(sandbox, {
			...upsert,
			phoneNumber: '+380441234567',
			additionalFields: { name: 'Anna', customAttributes: '{"tier":"platinum"}' },
		});
		expect(calls(sandbox)).toEqual([
			`GET ${A}/contacts/search?q=anna%40shop.test&page=1`,
			`GET ${A}/contacts/search?q=anna%40shop.test&page=2`,
			`PUT ${A}/contacts/${anna.id}`,
		]);
		expect(sandbox.requests()[2].body).toEqual({
			phone_number: '+380441234567',
			custom_attributes: { tier: 'platinum' },
		});
		expect(jsonOf(changed.outputs[0])[0]).toMatchObject({
			id: anna.id,
			outcome: 'updated',
			custom_attributes: { tier: 'platinum', x: 1 },
		});
		expect(platforms.chatwoot.contacts.size).toBe(16);
	});

	it('matches by identifier and by phone; two contacts with one phone stop the item', async () => {
		platforms.chatwoot.addContact({ identifier: 'crm-1', name: 'Old' });
		platforms.chatwoot.addContact({ identifier: 'crm-10', name: 'Other' });
		const byId = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'upsert',
			matchBy: 'identifier',
			identifier: 'crm-1',
			additionalFields: { name: 'New' },
		});
		expect(jsonOf(byId.outputs[0])[0]).toMatchObject({ id: 1, name: 'New', outcome: 'updated' });
		expect(sandbox.requests()[1]).toMatchObject({
			method: 'PUT',
			path: `${A}/contacts/1`,
			body: { name: 'New' },
		});

		platforms.chatwoot.addContact({ phone_number: '+15550001111' });
		platforms.chatwoot.addContact({ phone_number: '+15550001111' });
		sandbox.log.length = 0;
		const dup = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'upsert',
			matchBy: 'phone_number',
			phoneNumber: '+15550001111',
		});
		expect(dup.error?.message).toBe(
			'Item 0: 2 contacts have Phone Number "+15550001111" (IDs 3, 4); nothing was changed',
		);
		expect(calls(sandbox)).toEqual([`GET ${A}/contacts/search?q=%2B15550001111&page=1`]);

		const missing = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'upsert',
			matchBy: 'phone_number',
			email: 'a@b.test',
		});
		expect(missing.error?.message).toBe(
			'Item 0: Phone Number (phoneNumber): is required to match by Phone Number',
		);
	});

	it('an email match ends the search on its page; phone numbers are read to the end to catch duplicates', async () => {
		const anna = platforms.chatwoot.addContact({
			name: 'Anna',
			email: 'anna@shop.test',
			phone_number: '+15550001111',
		});
		// Fifteen partial matches of both the email and the phone number fill page 1 and spill onto page 2.
		for (let i = 0; i < 15; i++)
			platforms.chatwoot.addContact({
				email: `${i}joanna@shop.test`,
				phone_number: `+15550001111${i}`,
			});
		const twin = platforms.chatwoot.addContact({ name: 'Twin', phone_number: '+15550001111' });

		const byEmail = await runChatwoot(sandbox, { ...upsert, additionalFields: { name: 'Anna' } });
		expect(jsonOf(byEmail.outputs[0])[0]).toMatchObject({ id: anna.id, outcome: 'unchanged' });
		expect(calls(sandbox)).toEqual([`GET ${A}/contacts/search?q=anna%40shop.test&page=1`]);

		sandbox.log.length = 0;
		const byPhone = await runChatwoot(sandbox, {
			resource: 'contact',
			operation: 'upsert',
			matchBy: 'phone_number',
			phoneNumber: '+1 555 000 1111',
		});
		expect(byPhone.error?.message).toBe(
			`Item 0: 2 contacts have Phone Number "+15550001111" (IDs ${anna.id}, ${twin.id}); nothing was changed`,
		);
		expect(byPhone.error?.description).toBe(
			'Merge the duplicates in Chatwoot, or match by a field that is unique.',
		);
		expect(calls(sandbox)).toEqual([
			`GET ${A}/contacts/search?q=%2B15550001111&page=1`,
			`GET ${A}/contacts/search?q=%2B15550001111&page=2`,
		]);
	});

	it('Dry Run sends nothing and lists the first search, with a note on what depends on its answer', async () => {
		const run = await runChatwoot(sandbox, { ...upsert, options: { dryRun: true } });
		expect(sandbox.requests()).toHaveLength(0);
		expect(jsonOf(run.outputs[0])).toEqual([
			{
				dryRun: true,
				resource: 'contact',
				operation: 'upsert',
				requests: [
					{
						url: `${sandbox.urlOf('/chatwoot')}${A}/contacts/search?q=anna%40shop.test&page=1`,
						method: 'GET',
						headers: { api_access_token: '***' },
					},
				],
				note: expect.stringMatching(
					/^This operation looks the record up first; whether it then creates, updates or leaves it/,
				),
			},
		]);
	});
});
