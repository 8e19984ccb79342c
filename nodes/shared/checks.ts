import { z } from 'zod';

import { locatorValue } from './locator';

/**
 * Shared field checks: one rule per kind of value, so the same field reads the same error on
 * every platform. Messages complete "<Field label>: …".
 */

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A text id the user must give: from a resource locator or as text. */
export const textId = (what = 'the ID') => z.preprocess(locatorValue, requiredString(what));

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

/** The one email rule: trimmed, at most 320 characters (RFC 5321), a valid address. One problem at a time. */
const emailRule = z
	.string()
	.max(320, 'must be 320 characters or fewer')
	.email('is not a valid email address');

export const email = z
	.string({ required_error: 'is required', invalid_type_error: 'must be text (an email address)' })
	.trim()
	.min(1, 'is required')
	.pipe(emailRule);

/** An email that may be left empty. */
export const optionalEmail = z.preprocess(
	emptyToUndefined,
	z
		.string({ invalid_type_error: 'must be text (an email address)' })
		.trim()
		.pipe(emailRule)
		.optional(),
);

/** A positive integer id: from a resource locator, a number, or text (an expression, "By ID"). */
export const positiveId = z.preprocess(
	(raw) => {
		const v = locatorValue(raw);
		return typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : v === '' ? undefined : v;
	},
	z
		.number({ required_error: 'is required', invalid_type_error: 'must be a number' })
		.int('must be a whole number')
		.positive('must be a positive number'),
);

/** An optional id: 0 or empty means "not given". */
export const optionalId = z.preprocess(
	(v) => (v === 0 || emptyToUndefined(v) === undefined ? undefined : v),
	positiveId.optional(),
);

/** A password taken as typed (spaces may be part of it); empty means "not given". */
export const optionalPassword = z
	.string({ invalid_type_error: 'must be text' })
	.optional()
	.transform((v) => (v === '' ? undefined : v));

/** A password the user must give, taken as typed. */
export const requiredPassword = z
	.string({ required_error: 'is required', invalid_type_error: 'must be text' })
	.min(1, 'is required');

/** What a platform demands of a password, as data. */
export interface PasswordRule {
	min: number;
	max: number;
	upper?: boolean;
	lower?: boolean;
	digit?: boolean;
	/** Characters of which at least one must appear. */
	special?: string;
}

/** A password checked against a rule: one sentence listing everything that is missing. */
export function passwordFollowing(rule: PasswordRule) {
	return z
		.string({ required_error: 'is required', invalid_type_error: 'must be text' })
		.superRefine((value, ctx) => {
			const missing: string[] = [];
			if (rule.upper && !/[A-Z]/.test(value)) missing.push('an uppercase letter');
			if (rule.lower && !/[a-z]/.test(value)) missing.push('a lowercase letter');
			if (rule.digit && !/[0-9]/.test(value)) missing.push('a digit');
			if (rule.special && ![...value].some((c) => (rule.special as string).includes(c))) {
				missing.push(`a special character (${rule.special})`);
			}
			const problems: string[] = [];
			if (value.length < rule.min || value.length > rule.max) {
				problems.push(
					`must be ${rule.min} to ${rule.max} characters long (it has ${value.length})`,
				);
			}
			if (missing.length) problems.push(`needs ${missing.join(', ')}`);
			if (problems.length)
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: problems.join('; ') });
		});
}

/** The rule in words, for a field's description. */
export function passwordRuleText(rule: PasswordRule): string {
	const parts = [
		rule.upper && 'an uppercase letter',
		rule.lower && 'a lowercase letter',
		rule.digit && 'a digit',
		rule.special && `a special character (${rule.special})`,
	].filter((p): p is string => !!p);
	const needs = parts.length
		? ` with ${parts.slice(0, -1).join(', ')}${parts.length > 1 ? ' and ' : ''}${parts[parts.length - 1]}`
		: '';
	return `${rule.min} to ${rule.max} characters${needs}`;
}

/** Whether a value counts as given: not undefined, not an empty list, not an empty object. */
export function isGiven(value: unknown): boolean {
	if (value === undefined) return false;
	if (Array.isArray(value)) return value.length > 0;
	if (value && typeof value === 'object') return Object.keys(value).length > 0;
	return true;
}

/** For "Update Fields" collections: at least one field must be set. */
export function atLeastOneField<T extends z.ZodTypeAny>(
	schema: T,
	message = 'set at least one field to change',
) {
	return schema.refine(
		(fields: Record<string, unknown>) => Object.values(fields ?? {}).some(isGiven),
		{ message },
	);
}

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
	z
		.record(z.unknown(), { invalid_type_error: 'must be a JSON object' })
		.refine((o) => !Array.isArray(o), 'must be a JSON object, not a list'),
);

/** Comma-separated or list input as a string list without blanks. */
export const stringList = z
	.union([z.string(), z.array(z.union([z.string(), z.number()]))])
	.optional()
	.transform((v) => {
		if (v === undefined) return [] as string[];
		const list = Array.isArray(v) ? v.map(String) : v.split(',');
		return list.map((s) => s.trim()).filter((s) => s !== '');
	});
