/**
 * One base-URL rule per platform, used by its transport (in TypeScript) and by its credential
 * test (as an n8n expression), so the two read a pasted URL the same way.
 */
export interface BaseUrlRule {
	/** The credential field holding the URL. */
	field: string;
	/** Endings people paste after the root (regex sources, tried in order, each anchored at the end). */
	strip: string[];
	/** Used when the field is empty. */
	fallback?: string;
	/**
	 * What follows the root. `{name}` stands for the credential field `name`
	 * (e.g. `/api/v1/accounts/{accountId}`).
	 */
	apiPath: string;
}

/** The root as typed: whitespace and trailing slashes off, then the pasted API endings. */
export function baseRoot(rule: BaseUrlRule, url: unknown): string {
	let root = String(url ?? '')
		.trim()
		.replace(/\/+$/, '');
	for (const ending of rule.strip) root = root.replace(new RegExp(`${ending}$`), '');
	return root || rule.fallback || '';
}

export function baseUrl(
	rule: BaseUrlRule,
	credentials: Record<string, unknown>,
	apiPath = rule.apiPath,
): string {
	const path = apiPath.replace(/\{(\w+)\}/g, (_, name: string) =>
		String(credentials[name] ?? '').trim(),
	);
	return `${baseRoot(rule, credentials[rule.field])}${path}`;
}

/**
 * The same as an n8n expression, for `test.request.baseURL` (over `$credentials`) or for a
 * credential's own hidden field such as an OAuth2 token URL (over `$self`, the only name n8n
 * gives the credential's data there).
 */
export function baseUrlExpression(
	rule: BaseUrlRule,
	apiPath = rule.apiPath,
	data: '$credentials' | '$self' = '$credentials',
): string {
	const strips = rule.strip
		.map((ending) => `.replace(/${ending.replace(/\//g, '\\/')}$/, "")`)
		.join('');
	const root = `String(${data}.${rule.field} || "").trim().replace(/\\/+$/, "")${strips}`;
	const withFallback = rule.fallback ? `(${root} || "${rule.fallback}")` : root;
	const path = apiPath.replace(
		/\{(\w+)\}/g,
		(_, name: string) => `{{String(${data}.${name} || "").trim()}}`,
	);
	return `={{${withFallback}}}${path}`;
}
