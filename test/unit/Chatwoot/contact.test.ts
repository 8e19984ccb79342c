import { contactOperations } from '../../../nodes/Chatwoot/actions/contact';
import { contactChanges } from '../../../nodes/Chatwoot/actions/contact/upsert.operation';
import { unwrapContact } from '../../../nodes/Chatwoot/helpers/contact-fields';
import { exactMatches } from '../../../nodes/Chatwoot/helpers/contact-search';
import { listGoesOn, readListPage } from '../../../nodes/Chatwoot/helpers/lists';
import { operationsOf } from '../operations';

const { op, parse, issuesOf } = operationsOf(contactOperations, 'contact');
const issues = (name: string, raw: Record<string, unknown>) =>
	issuesOf(name, raw).map((i) => `${i.path.join('.')}: ${i.message}`);
const plan = (name: string, raw: Record<string, unknown>) => op(name).plan(parse(name, raw));

describe('Chatwoot contacts (pure parts)', () => {
	it('filter: conditions chained by the match operator, a POST read that is safe to repeat', () => {
		expect(
			plan('filter', {
				conditions: {
					condition: [
						{ attributeKey: 'city', operator: 'contains', value: 'Kyiv' },
						{ attributeKey: 'plan', operator: 'equal_to', value: 2 },
					],
				},
				match: 'OR',
				returnAll: true,
			}),
		).toEqual([
			{
				method: 'POST',
				path: '/contacts/filter',
				qs: { page: 1 },
				idempotent: true,
				body: {
					payload: [
						{
							attribute_key: 'city',
							filter_operator: 'contains',
							values: ['Kyiv'],
							query_operator: 'OR',
						},
						{
							attribute_key: 'plan',
							filter_operator: 'equal_to',
							values: ['2'],
							query_operator: null,
						},
					],
				},
			},
		]);
		expect(issues('filter', { conditions: {}, returnAll: true })).toEqual([
			'conditions: add at least one condition',
		]);
	});

	it("search: the page number and the sort go in the query; Return All and Limit are the core's", () => {
		expect(plan('search', { query: ' ana ', sort: '-name', returnAll: false, limit: 5 })).toEqual([
			{ method: 'GET', path: '/contacts/search', qs: { q: 'ana', page: 1, sort: '-name' } },
		]);
		expect(plan('search', { query: 'ana' })).toEqual([
			{ method: 'GET', path: '/contacts/search', qs: { q: 'ana', page: 1 } },
		]);
		expect(issues('search', { query: 'ana', limit: 0 })).toEqual(['limit: must be at least 1']);
		expect(op('search').properties.map((p) => p.name)).toEqual([
			'query',
			'sort',
			'returnAll',
			'limit',
		]);
	});

	it('update: at least one field; an empty attributes object is not a change', () => {
		expect(issues('update', { contactId: 1, updateFields: { customAttributes: '{}' } })).toEqual([
			'updateFields: set at least one field to change',
		]);
		expect(plan('update', { contactId: 1, updateFields: { blocked: false } })).toEqual([
			{ method: 'PUT', path: '/contacts/1', body: { blocked: false } },
		]);
		expect(issues('update', { contactId: 1, updateFields: { email: 'mia@' } })).toEqual([
			'updateFields.email: is not a valid email address',
		]);
	});

	it('Create or Update: the match field is required; the Dry Run plan is the first search, with a note', () => {
		expect(issues('upsert', { matchBy: 'identifier', additionalFields: {} })).toEqual([
			'identifier: is required to match by Identifier',
		]);
		expect(
			plan('upsert', {
				matchBy: 'phone_number',
				phoneNumber: '+1 (555) 000-1111',
				additionalFields: {},
			}),
		).toEqual([{ method: 'GET', path: '/contacts/search', qs: { q: '+15550001111', page: 1 } }]);
		expect(op('upsert').planNote).toMatch(/^This operation looks the record up first/);
	});

	it('contact creates carry a lookup that matches the email or identifier exactly', () => {
		const lookupOf = (raw: Record<string, unknown>) => {
			const specs = plan('create', raw);
			expect(specs).toHaveLength(1);
			return specs[0].verify;
		};
		const byEmail = lookupOf({
			fields: { name: 'Mia', email: 'Mia@Shop.test', identifier: 'crm-1' },
		});
		expect(byEmail?.request).toEqual({
			method: 'GET',
			path: '/contacts/search',
			qs: { q: 'Mia@Shop.test', page: 1 },
		});
		const mia = { id: 2, email: 'mia@shop.test' };
		// The search matches substrings: only the exact (case-insensitive) email counts.
		expect(byEmail?.find({ payload: [{ id: 1, email: 'mia@shop.test.au' }, mia] })).toBe(mia);
		expect(byEmail?.find({ payload: [{ id: 1, email: 'amia@shop.test' }] })).toBeUndefined();
		expect(byEmail?.find({ payload: [] })).toBeUndefined();

		const byIdentifier = lookupOf({ fields: { identifier: 'crm-42' } });
		expect(byIdentifier?.request).toEqual({
			method: 'GET',
			path: '/contacts/search',
			qs: { q: 'crm-42', page: 1 },
		});
		expect(
			byIdentifier?.find({
				payload: [
					{ id: 1, identifier: 'crm-421' },
					{ id: 7, identifier: 'CRM-42' },
				],
			}),
		).toEqual({
			id: 7,
			identifier: 'CRM-42',
		});
		expect(byIdentifier?.find({ payload: [{ id: 1, identifier: 'crm-421' }] })).toBeUndefined();

		// Nothing identifies a contact with only a name or phone: no lookup, so a lost answer is not re-sent.
		expect(lookupOf({ fields: { name: 'Mia', phoneNumber: '+15550001111' } })).toBeUndefined();
	});

	it('contact pages: has_more, else count, else a short page ends the list', () => {
		const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));
		expect(readListPage({ meta: { has_more: true }, payload: items(3) })).toEqual({
			items: items(3),
			hasMore: true,
		});
		expect(readListPage({ meta: { count: 30, current_page: '2' }, payload: items(15) })).toEqual({
			items: items(15),
			total: 30,
		});
		expect(readListPage({ payload: items(15) })).toEqual({ items: items(15) });
		expect(readListPage(null)).toEqual({ items: [] });
		// For the upsert's find, which pages by itself.
		expect(listGoesOn({ meta: { has_more: true }, payload: items(3) }, 1)).toBe(true);
		expect(listGoesOn({ meta: { has_more: false }, payload: items(15) }, 1)).toBe(false);
		expect(listGoesOn({ meta: { count: 30 }, payload: items(15) }, 2)).toBe(false);
		expect(listGoesOn({ meta: { count: 31 }, payload: items(15) }, 2)).toBe(true);
		expect(listGoesOn({ payload: items(15) }, 1)).toBe(true);
		expect(listGoesOn({ payload: items(14) }, 1)).toBe(false);
		expect(listGoesOn({ meta: { has_more: true }, payload: [] }, 1)).toBe(false);
	});

	it('upsert helpers: exact match on top of substring search; changes only', () => {
		const list = [
			{ id: 1, email: 'joanna@x.test', phone_number: '+15550001', identifier: 'crm-10' },
			{ id: 2, email: 'Anna@X.test', phone_number: '+1555000', identifier: 'crm-1' },
		];
		expect(exactMatches(list, 'email', 'anna@x.test').map((c) => c.id)).toEqual([2]);
		expect(exactMatches(list, 'phone_number', '+1555000').map((c) => c.id)).toEqual([2]);
		expect(exactMatches(list, 'identifier', 'CRM-1')).toEqual([]);
		const existing = {
			id: 2,
			name: 'Anna',
			email: 'Anna@X.test',
			custom_attributes: { a: 1, b: 2 },
		};
		expect(
			contactChanges(existing, {
				name: 'Anna',
				email: 'anna@x.test',
				custom_attributes: { a: 1 },
				inbox_id: 4,
			}),
		).toEqual({});
		expect(contactChanges(existing, { name: 'Ann', custom_attributes: { b: 3 } })).toEqual({
			name: 'Ann',
			custom_attributes: { b: 3 },
		});
	});

	it('unwraps Chatwoot contact envelopes, dropping an empty contact inbox', () => {
		expect(unwrapContact({ payload: { id: 1 } })).toEqual({ id: 1 });
		expect(unwrapContact({ id: 1 })).toEqual({ id: 1 });
		expect(
			unwrapContact({
				payload: { contact: { id: 1 }, contact_inbox: { inbox: null, source_id: null } },
			}),
		).toEqual({ id: 1 });
		expect(
			unwrapContact({
				payload: { contact: { id: 1 }, contact_inbox: { inbox: { id: 2 }, source_id: 's' } },
			}),
		).toEqual({
			id: 1,
			contact_inbox: { inbox: { id: 2 }, source_id: 's' },
		});
	});
});
