import type { z } from 'zod';

import type { Operation } from '../../nodes/shared/operation';

/** Lookup and parse helpers for descriptor tests of one resource's operations. */
export function operationsOf(operations: Operation[], resource?: string) {
	const op = (name: string): Operation => {
		const found = operations.find(
			(o) => o.operation === name && (!resource || o.resource === resource),
		);
		if (!found) throw new Error(`no operation ${resource ? `${resource}.` : ''}${name}`);
		return found;
	};
	/** The parsed input; fails the test on invalid input. */
	const parse = (name: string, raw: Record<string, unknown>): unknown => {
		const result = op(name).parse(raw as never);
		if (!result.ok) throw new Error(JSON.stringify(result.issues));
		return result.input;
	};
	/** The problems found in the input (none when it is valid). */
	const issuesOf = (name: string, raw: Record<string, unknown>): z.ZodIssue[] => {
		const result = op(name).parse(raw as never);
		return result.ok ? [] : result.issues;
	};
	return { op, parse, issuesOf };
}
