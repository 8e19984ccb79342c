import { z } from 'zod';

/** Shared zod building blocks for node parameters. */

/** A string the user must fill in: trimmed, not empty. */
export const requiredString = (what = 'a value') =>
	z
		.string({ required_error: 'is required', invalid_type_error: `must be text (${what})` })
		.trim()
		.min(1, 'is required');

/** An optional string: empty means "not given". */
export const optionalString = z
	.union([z.string(), z.number()])
	.optional()
	.transform((v) => (v === undefined ? undefined : String(v).trim()))
	.transform((v) => (v === '' ? undefined : v));

/** An email: one problem at a time (an empty value is "required", not also "invalid"). */
export const email = z
	.string({ required_error: 'is required', invalid_type_error: 'must be text (an email address)' })
	.trim()
	.min(1, 'is required')
	.pipe(z.string().email('is not a valid email address'));

/** A positive integer id, also when the expression gave it as text. */
export const positiveId = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : v),
	z
		.number({ required_error: 'is required', invalid_type_error: 'must be a number' })
		.int('must be a whole number')
		.positive('must be a positive number'),
);

/** A JSON object given as an object or as JSON text (the n8n "json" parameter type). */
export const jsonObject = z.preprocess(
	(v, ctx) => {
		if (typeof v !== 'string') return v;
		if (v.trim() === '') return {};
		try {
			return JSON.parse(v) as unknown;
		} catch (error) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
			});
			return z.NEVER;
		}
	},
	z.record(z.unknown(), { invalid_type_error: 'must be a JSON object' }).refine((o) => !Array.isArray(o), 'must be a JSON object, not a list'),
);

/** "Return All" / "Limit" pair. */
export const pagingInput = {
	returnAll: z.boolean().default(false),
	limit: z.number().int().min(1, 'must be at least 1').default(50),
};

/** Comma-separated or list input as a string list without blanks. */
export const stringList = z
	.union([z.string(), z.array(z.union([z.string(), z.number()]))])
	.optional()
	.transform((v) => {
		if (v === undefined) return [] as string[];
		const list = Array.isArray(v) ? v.map(String) : v.split(',');
		return list.map((s) => s.trim()).filter((s) => s !== '');
	});
