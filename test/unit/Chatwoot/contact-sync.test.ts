import { isChained } from '../../../nodes/shared/patterns/sync';
import {
	changeLabel,
	contactSyncChanges,
	contactSyncInput,
	contactSyncLookup,
} from '../../../nodes/Chatwoot/helpers/contact-sync';

const wanted = (raw: Record<string, unknown>) => contactSyncInput.parse(raw);

describe('Chatwoot contact sync (pure parts)', () => {
	it('compares identity fields as Chatwoot stores them and attributes key by key (the scope attribute included)', () => {
		const contact = {
			id: 1,
			email: 'ann@x.org',
			phone_number: '+15551230001',
			custom_attributes: { tier: 'gold', x: 1 },
		};
		expect(
			contactSyncChanges(
				contact,
				wanted({
					email: 'ANN@x.org',
					phoneNumber: '+1 555 123-0001',
					fields: { customAttributes: '{"tier":"gold"}' },
				}),
			),
		).toEqual([]);
		expect(
			contactSyncChanges(
				contact,
				wanted({ scope: { attributeKey: 'source', attributeValue: 'crm' } }),
			),
		).toEqual([{ field: 'custom_attributes.source', before: undefined, after: 'crm' }]);
	});

	it('a lost create is recognised only by a contact holding every identity value it sent', () => {
		const lookup = contactSyncLookup(wanted({ email: 'ann@x.org', phoneNumber: '+15551230001' }));
		expect(lookup.request).toEqual({
			method: 'GET',
			path: '/contacts/search',
			qs: { q: 'ann@x.org', page: 1 },
		});
		const other = { id: 5, email: 'ann@x.org', phone_number: '+15559999999' };
		const created = { id: 6, email: 'ann@x.org', phone_number: '+15551230001' };
		expect(lookup.find({ payload: [other] })).toBeUndefined();
		expect(lookup.find({ payload: [other, created] })).toBe(created);
	});

	it('labels are rewritten whole: read, then add or take out one (nothing when already so)', () => {
		const add = changeLabel(3, 'customer', true);
		if (!isChained(add)) throw new Error('expected a read first');
		expect(add.send).toEqual({ method: 'GET', path: '/contacts/3/labels' });
		expect(add.then({ payload: ['vip'] })).toEqual([
			{
				method: 'POST',
				path: '/contacts/3/labels',
				body: { labels: ['vip', 'customer'] },
				idempotent: true,
			},
		]);
		expect(add.then({ payload: ['Customer'] })).toEqual([]);
		const remove = changeLabel(3, 'customer', false);
		if (!isChained(remove)) throw new Error('expected a read first');
		expect(remove.then({ payload: ['vip', 'customer'] })).toEqual([
			{ method: 'POST', path: '/contacts/3/labels', body: { labels: ['vip'] }, idempotent: true },
		]);
	});
});
