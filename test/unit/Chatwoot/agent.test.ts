import { agentOperations } from '../../../nodes/Chatwoot/actions/agent';
import { operationsOf } from '../operations';

const { op, parse, issuesOf } = operationsOf(agentOperations, 'agent');
const plan = (name: string, raw: Record<string, unknown>) => op(name).plan(parse(name, raw));

describe('Chatwoot agents (pure parts)', () => {
	it('update sends only the changed fields, as a safe-to-repeat PATCH', () => {
		expect(plan('update', { agentId: 3, updateFields: { autoOffline: false } })).toEqual([
			{ method: 'PATCH', path: '/agents/3', body: { auto_offline: false }, idempotent: true },
		]);
		expect(
			issuesOf('update', { agentId: 3, updateFields: {} }).map(
				(i) => `${i.path.join('.')}: ${i.message}`,
			),
		).toEqual(['updateFields: set at least one field to change']);
	});

	it('Get Many reads the one list Chatwoot gives; the Dry Run plan is that request', () => {
		expect(plan('getAll', { returnAll: false, limit: 1 })).toEqual([
			{ method: 'GET', path: '/agents' },
		]);
		expect(
			issuesOf('getAll', { returnAll: false, limit: 0 }).map(
				(i) => `${i.path.join('.')}: ${i.message}`,
			),
		).toEqual(['limit: must be at least 1']);
		// Return All and Limit are added by the core.
		expect(op('getAll').properties.map((p) => p.name)).toEqual(['returnAll', 'limit']);
	});

	it('create carries a lookup that matches the email exactly, ignoring case', () => {
		const [spec] = plan('create', { name: 'Ben', email: 'ben@shop.test', additionalFields: {} });
		const agent = spec.verify;
		expect(agent?.request).toEqual({ method: 'GET', path: '/agents' });
		expect(
			agent?.find([
				{ id: 1, email: 'benny@shop.test' },
				{ id: 2, email: 'Ben@Shop.test' },
			]),
		).toEqual({ id: 2, email: 'Ben@Shop.test' });
		expect(agent?.find([{ id: 1, email: 'benny@shop.test' }])).toBeUndefined();
	});
});
