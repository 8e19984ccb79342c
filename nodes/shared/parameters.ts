import type { IExecuteFunctions } from 'n8n-workflow';

/** Reads one node parameter for one item. */
export type ParameterReader = (name: string, itemIndex: number, fallback?: unknown) => unknown;

/** Whether a raw parameter value holds an n8n expression anywhere (strings starting with "="). */
export function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

/**
 * Parameters without expressions are the same for every item, so they are resolved once per run;
 * in bulk runs n8n's per-item resolution is a large share of the node's CPU time.
 */
export function parameterReader(ctx: IExecuteFunctions): ParameterReader {
	const raw = ctx.getNode().parameters;
	const fixed = new Map<string, unknown>();
	return (name, itemIndex, fallback) => {
		if (fixed.has(name)) return fixed.get(name);
		const value = ctx.getNodeParameter(name, itemIndex, fallback);
		if (!hasExpression(raw[name])) fixed.set(name, value);
		return value;
	};
}
