/**
 * Checks over every operation of every node (the descriptors are data, so they can be checked
 * as data): unique names, a Dry Run plan for every multi-step operation, and no create that
 * could make a duplicate when its answer is lost.
 */
import type { Operation } from '../../nodes/shared/operation';
import { isIdempotent } from '../../nodes/shared/client/retry-policy';
import type { RequestSpec } from '../../nodes/shared/types';
import { DESCRIPTOR_SAMPLES, NODE_OPERATIONS } from './descriptor-samples';

const all: Array<{ node: string; op: Operation }> = Object.entries(NODE_OPERATIONS).flatMap(
	([node, ops]) => ops.map((op) => ({ node, op })),
);
const key = (node: string, op: Operation) => `${node}.${op.resource}.${op.operation}`;

/** The requests an operation starts with, from its sample parameters. */
function planOf(node: string, op: Operation): RequestSpec[] {
	const sample = DESCRIPTOR_SAMPLES[key(node, op)];
	const parsed = op.parse(sample.params);
	if (!parsed.ok)
		throw new Error(`${key(node, op)}: sample does not parse: ${JSON.stringify(parsed.issues)}`);
	if (op.bulk)
		return [op.bulk.plan({ itemIndexes: [0], values: sample.bulkValues ?? [] }, parsed.input)];
	return op.plan(parsed.input);
}

describe('every operation descriptor', () => {
	it('has a sample here (add one for a new operation)', () => {
		expect(all.map(({ node, op }) => key(node, op)).filter((k) => !DESCRIPTOR_SAMPLES[k])).toEqual(
			[],
		);
	});

	it('is unique per node by resource and operation, and has a name, action and description', () => {
		for (const [node, ops] of Object.entries(NODE_OPERATIONS)) {
			const keys = ops.map((o) => `${o.resource}.${o.operation}`);
			expect({ node, duplicates: keys.filter((k, i) => keys.indexOf(k) !== i) }).toEqual({
				node,
				duplicates: [],
			});
		}
		for (const { node, op } of all) {
			expect({ op: key(node, op), ok: !!(op.name && op.action && op.description) }).toEqual({
				op: key(node, op),
				ok: true,
			});
		}
	});

	it('custom steps (`run`) are rare: each says why', () => {
		expect(all.filter(({ op }) => op.kind === 'run').length).toBeLessThanOrEqual(5);
	});

	it.each(all.map(({ node, op }) => [key(node, op), node, op] as const))(
		'%s: has a Dry Run plan, and every create in it is safe to repeat or carries a lookup',
		(_k, node, op) => {
			const plan = planOf(node, op);
			expect(plan.length).toBeGreaterThan(0);
			for (const spec of plan) {
				const create = spec.method === 'POST' || spec.method === 'PATCH';
				// `unverifiable` says why nothing can find the record afterwards: then it is never re-sent.
				if (create)
					expect({
						request: `${spec.method} ${spec.path}`,
						safe: isIdempotent(spec) || !!spec.verify || !!spec.unverifiable,
					}).toEqual({ request: `${spec.method} ${spec.path}`, safe: true });
			}
			// Upserts: the create is built by the core, which always adds the lookup (patterns/upsert.ts).
			if (op.kind === 'upsert') expect(op.planNote).toBeDefined();
			// Syncs: their creates must carry a lookup (the Sync type requires `verify`); the plan is the list.
			if (op.kind === 'sync') expect(op.sync?.sync.list).toBeDefined();
		},
	);
});
