/**
 * Secrets never leave the node: keys that look secret become `***`, and so does any occurrence
 * of a known secret value (the credential's key), also inside URLs and error texts.
 */
export const MASK = '***';

const SECRET_KEY =
	/(^|[-_ ])?(pass(word)?|new_password\w*|secret|token|api[-_]?key|authorization|cookie|client[-_]?secret|private[-_]?key)$/i;
const SECRET_QUERY =
	/([?&](?:api_token|api_key|apikey|access_token|token|client_secret|password|key|secret)=)[^&#\s"']*/gi;
const BEARER = /(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g;

/** Keys repeat on every item of a run: each is judged once. */
const keyVerdicts = new Map<string, boolean>();

export function isSecretKey(key: string): boolean {
	let verdict = keyVerdicts.get(key);
	if (verdict === undefined) {
		verdict = SECRET_KEY.test(key) || /password/i.test(key);
		if (keyVerdicts.size < 10_000) keyVerdicts.set(key, verdict);
	}
	return verdict;
}

/** Each secret as it may show: itself, and URL-encoded where that differs. */
const forms = new WeakMap<readonly string[], string[]>();

function secretForms(secretValues: readonly string[]): string[] {
	let out = forms.get(secretValues);
	if (!out) {
		out = [];
		for (const secret of secretValues) {
			// Short values would mask ordinary words; credential secrets are never that short.
			if (secret.length >= 4) out.push(secret);
			const encoded = encodeURIComponent(secret);
			if (encoded !== secret && encoded.length >= 4) out.push(encoded);
		}
		forms.set(secretValues, out);
	}
	return out;
}

export function maskString(text: string, secretValues: readonly string[] = []): string {
	// Most strings hold nothing to mask: the checks below are cheaper than the replaces.
	let out = text.includes('=') ? text.replace(SECRET_QUERY, `$1${MASK}`) : text;
	if (out.includes('Bearer') || out.includes('Basic')) out = out.replace(BEARER, `$1 ${MASK}`);
	for (const secret of secretForms(secretValues))
		if (out.includes(secret)) out = out.split(secret).join(MASK);
	return out;
}

/** Deep copy with secret keys and secret values masked. */
export function maskDeep<T>(value: T, secretValues: readonly string[] = []): T {
	return walk(value, secretValues, new WeakSet()) as T;
}

function walk(value: unknown, secrets: readonly string[], seen: WeakSet<object>): unknown {
	if (typeof value === 'string') return maskString(value, secrets);
	if (value === null || typeof value !== 'object') return value;
	if (Buffer.isBuffer(value)) return value;
	if (seen.has(value)) return '[circular]';
	seen.add(value);
	if (Array.isArray(value)) return value.map((v) => walk(v, secrets, seen));
	const out: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
		out[key] =
			isSecretKey(key) && v !== null && v !== undefined && v !== '' ? MASK : walk(v, secrets, seen);
	}
	return out;
}

/** Form pairs (`[key, value]`) with secret keys masked, for request echoes. */
export function maskPairs(
	pairs: Array<[string, string]>,
	secretValues: readonly string[],
): Array<[string, string]> {
	return pairs.map(([k, v]) => [k, isSecretKey(k) ? MASK : maskString(v, secretValues)]);
}
