import { z } from 'zod';

import { locatorValue } from '../../shared/locator';

/**
 * Chatwoot field checks beyond the shared ones (nodes/shared/checks.ts): choices, whole numbers,
 * ID lists and Unix times. Messages complete "<Field label>: …".
 */

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** One of the values Chatwoot accepts for a field. */
export function oneOf<T extends string>(values: readonly [T, ...T[]]) {
	return z.enum(values, { errorMap: () => ({ message: `must be one of ${values.join(', ')}` }) });
}

/** One of the numbers Chatwoot accepts (its enums stored as integers). */
export function oneOfNumbers(values: readonly number[]) {
	return z.preprocess(
		(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
		z
			.number({ invalid_type_error: 'must be a number' })
			.refine((n) => values.includes(n), `must be one of ${values.join(', ')}`),
	);
}

/** A whole number, from a number or from text (expressions). */
export const wholeNumber = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : emptyToUndefined(v)),
	z
		.number({ required_error: 'is required', invalid_type_error: 'must be a number' })
		.int('must be a whole number'),
);

export const optionalWholeNumber = z.preprocess(emptyToUndefined, wholeNumber.optional());

/** A number that may have decimals (Chatwoot's `number` fields). */
export const optionalNumber = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : emptyToUndefined(v)),
	z.number({ invalid_type_error: 'must be a number' }).optional(),
);

/** IDs as a list: "1, 2, 3", [1, 2] or a single ID (user IDs of agents, inbox or label IDs). */
const idListBase = z.preprocess(
	(v) => {
		const raw = locatorValue(v);
		if (raw === undefined || raw === null || raw === '') return [];
		const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [raw];
		return list
			.map((x) => (typeof x === 'string' ? x.trim() : x))
			.filter((x) => x !== '')
			.map((x) => (typeof x === 'string' ? Number(x) : x));
	},
	z.array(
		z
			.number({ invalid_type_error: 'must list numbers' })
			.int('must list whole numbers')
			.positive('must list positive numbers'),
		{
			invalid_type_error: 'must be a list of IDs',
		},
	),
);

export const idList = idListBase.refine(
	(list) => list.length > 0,
	'is required: give at least one ID',
);
export const optionalIdList = idListBase.transform((list) => (list.length ? list : undefined));

/** Text values as a list: "a, b" or ["a", "b"]; at least one. */
export const textList = z
	.union([z.string(), z.array(z.union([z.string(), z.number()]))], {
		invalid_type_error: 'must be text or a list',
	})
	.transform((v) =>
		(Array.isArray(v) ? v.map(String) : v.split(',')).map((s) => s.trim()).filter((s) => s !== ''),
	);

export const optionalTextList = z
	.preprocess(emptyToUndefined, textList.optional())
	.transform((list) => (list && list.length ? list : undefined));

/**
 * A moment as Unix seconds, the way Chatwoot's reports and snoozes take it: from a date
 * (n8n's date picker, ISO text, a Luxon/JS date) or from a number of seconds.
 */
export const optionalUnixTime = z.preprocess(
	(v) => {
		const raw = emptyToUndefined(v);
		if (raw === undefined) return undefined;
		if (typeof raw === 'number') return raw;
		if (typeof raw === 'string' && /^\d+$/.test(raw.trim())) return Number(raw.trim());
		const time = new Date(typeof raw === 'string' ? raw : String(raw)).getTime();
		return Number.isNaN(time) ? raw : Math.floor(time / 1000);
	},
	z
		.number({ invalid_type_error: 'must be a date or Unix seconds' })
		.int('must be a date or whole Unix seconds')
		.optional(),
);

/** Unix seconds as Chatwoot's report queries take them: text. */
export const optionalUnixTimeText = optionalUnixTime.transform((v) =>
	v === undefined ? undefined : String(v),
);

/** A date-time as ISO text (Chatwoot's `snoozed_until` on a new conversation). */
export const optionalIsoTime = z.preprocess(
	(v) => {
		const raw = emptyToUndefined(v);
		if (raw === undefined) return undefined;
		const time = new Date(typeof raw === 'number' ? raw * 1000 : String(raw)).getTime();
		return Number.isNaN(time) ? raw : new Date(time).toISOString();
	},
	z
		.string({ invalid_type_error: 'must be a date' })
		.refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date')
		.optional(),
);

/** A JSON list of objects (automation rule actions and conditions), as JSON text or a list. */
export const jsonList = z.preprocess(
	(v, ctx) => {
		if (typeof v !== 'string') return v;
		if (v.trim() === '') return [];
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
	z.array(z.record(z.unknown()), { invalid_type_error: 'must be a JSON list of objects' }),
);

export const optionalJsonList = jsonList
	.optional()
	.transform((list) => (list && list.length ? list : undefined));
