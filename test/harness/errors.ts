export interface HarnessError {
	message: string;
	description?: string | null;
	httpCode?: string | null;
	itemIndex?: number;
	name?: string;
	raw: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null;

/**
 * The engine records a node error as a plain copy of the thrown NodeError (its own
 * properties spread into an object), so read the fields by name rather than instanceof.
 */
export function describeError(raw: unknown): HarnessError {
	if (!isRecord(raw)) return { message: String(raw), raw };
	const context = isRecord(raw.context) ? raw.context : {};
	const itemIndex = raw.itemIndex ?? context.itemIndex;
	return {
		message: typeof raw.message === 'string' ? raw.message : String(raw.message),
		description: typeof raw.description === 'string' ? raw.description : null,
		httpCode: typeof raw.httpCode === 'string' ? raw.httpCode : null,
		itemIndex: typeof itemIndex === 'number' ? itemIndex : undefined,
		name: typeof raw.name === 'string' ? raw.name : undefined,
		raw,
	};
}
