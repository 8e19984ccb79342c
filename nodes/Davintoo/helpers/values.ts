import { z } from 'zod';

/**
 * Value normalisers shared by the single import, the JSON batch and the CSV writer. Each is
 * a plain function (fast enough for 100,000 items) and, through `field`, a zod schema for
 * the node's parameters.
 */
export type Normalised = { value: unknown } | { error: string };
export type Normaliser = (v: unknown) => Normalised;

const none: Normalised = { value: undefined };
const blank = (v: unknown) =>
	v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export function field(normalise: Normaliser) {
	return z.unknown().transform((v, ctx) => {
		const r = normalise(v);
		if ('error' in r) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: r.error });
			return z.NEVER;
		}
		return r.value;
	});
}

/** Text that may be missing: null, empty and blank mean "not given"; numbers become text. */
export const text: Normaliser = (v) => {
	if (blank(v)) return none;
	if (typeof v === 'string') return { value: v.trim() };
	if (typeof v === 'number' || typeof v === 'boolean') return { value: String(v) };
	return { error: 'must be text' };
};

export const requiredText: Normaliser = (v) => (blank(v) ? { error: 'is required' } : text(v));

export const emailText: Normaliser = (v) => {
	const r = requiredText(v);
	if ('error' in r) return r;
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(r.value))
		? r
		: { error: 'is not a valid email address' };
};

/** DD.MM.YYYY, YYYY-MM-DD or an ISO date-time (its own calendar date is kept) -> DD.MM.YYYY. */
export function apiDate(value: string): string | undefined {
	const s = value.trim();
	let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
	let day: number, month: number, year: number;
	if (m) {
		[day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
	} else {
		m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
		if (!m) return undefined;
		[year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	}
	if (month < 1 || month > 12 || day < 1) return undefined;
	if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
	return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

export const dateText: Normaliser = (v) => {
	if (blank(v)) return none;
	const s = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : '';
	const date = apiDate(s);
	return date ? { value: date } : { error: 'must be a date as DD.MM.YYYY or YYYY-MM-DD' };
};

function coded(codes: Record<string, number>, message: string): Normaliser {
	return (v) => {
		if (blank(v)) return none;
		const code =
			typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
				? codes[String(v).trim().toLowerCase()]
				: undefined;
		return code === undefined ? { error: message } : { value: code };
	};
}

/** 0 male, 1 female (the API's codes); also the words. */
export const gender = coded(
	{ '0': 0, male: 0, m: 0, '1': 1, female: 1, f: 1 },
	'must be male (0) or female (1)',
);

/** is_active: 1 enabled, 0 blocked; booleans too. */
export const activeFlag = coded(
	{ '1': 1, true: 1, yes: 1, active: 1, '0': 0, false: 0, no: 0, blocked: 0 },
	'must be 1 (active) or 0 (blocked)',
);

/** Employment status: 0 working, 1 dismissed, 2 maternity leave, 3 sick leave. */
export const employmentStatus = coded(
	{ '0': 0, '1': 1, '2': 2, '3': 3 },
	'must be 0 (working), 1 (dismissed), 2 (maternity leave) or 3 (sick leave)',
);

function list(v: unknown): string[] | undefined {
	const parts = Array.isArray(v)
		? v
		: typeof v === 'string'
			? v.split(',')
			: typeof v === 'number'
				? [v]
				: undefined;
	return parts?.map((s) => String(s).trim()).filter((s) => s !== '');
}

/** Comma-separated text or a list -> "a,b" (tags are one comma-separated string in the API). */
export const commaText: Normaliser = (v) => {
	if (blank(v)) return none;
	const parts = list(v);
	if (!parts) return { error: 'must be text or a list of texts' };
	return { value: parts.length ? parts.join(',') : undefined };
};

/** One code or several (structure_uid and manager_uid take a string or a list; text splits on commas). */
export const codeOrCodes: Normaliser = (v) => {
	if (blank(v)) return none;
	const parts = list(v);
	if (!parts) return { error: 'must be a code or a list of codes' };
	if (parts.length === 0) return none;
	return { value: parts.length === 1 && !Array.isArray(v) ? parts[0] : parts };
};

/** customInfo: a JSON object, or JSON text. */
export const jsonInfo: Normaliser = (v) => {
	if (blank(v)) return none;
	if (typeof v === 'object' && !Array.isArray(v)) return { value: v };
	if (typeof v !== 'string') return { error: 'must be a JSON object' };
	try {
		return { value: JSON.parse(v) as unknown };
	} catch {
		return { error: 'is not valid JSON' };
	}
};

export const roleId: Normaliser = (v) => {
	const r = text(v);
	if ('error' in r || r.value === undefined) return r;
	return { value: /^\d+$/.test(String(r.value)) ? Number(r.value) : r.value };
};
