import { baseUrl, type BaseUrlRule } from '../shared/base-url';
import type { Platform } from '../shared/types';

export const ACTIVEPLATFORM_CREDENTIAL = 'activePlatformApi';

/**
 * The installation URL as users paste it, with or without the API path (also the credential
 * test's). Request paths carry their API version (v1 and v2 are both used), so none is added.
 */
export const ACTIVEPLATFORM_URL: BaseUrlRule = {
	field: 'url',
	strip: ['/api/vendor/v1', '/api'],
	apiPath: '',
};

export function activePlatformBaseUrl(url: unknown): string {
	return baseUrl(ACTIVEPLATFORM_URL, { url });
}

/**
 * ActivePlatform answers {"error": "..."} (e.g. "password is missing",
 * "Couldn't find User with 'id'=7 " — note the trailing space). Other shapes are read too,
 * since the docs do not show every error.
 */
export function activePlatformErrorMessage(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		// An HTML error page says nothing useful in one line; the excerpt goes to the description.
		return text && !text.startsWith('<') && text.length <= 300 ? text : undefined;
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const record = body as Record<string, unknown>;
	for (const key of ['error', 'error_message', 'message']) {
		const value = record[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
		if (
			value &&
			typeof value === 'object' &&
			typeof (value as { message?: unknown }).message === 'string'
		) {
			return String((value as { message: string }).message).trim();
		}
	}
	const errors = record.errors;
	if (Array.isArray(errors) && errors.length)
		return errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ');
	if (errors && typeof errors === 'object') {
		return Object.entries(errors as Record<string, unknown>)
			.map(([field, list]) => `${field}: ${Array.isArray(list) ? list.join('; ') : String(list)}`)
			.join(', ');
	}
	return undefined;
}

export function activePlatformErrorHint(status: number): string | undefined {
	if (status === 401) {
		return "A manager's token is made in the Operator Control Panel (Managers > the manager > Regenerate Token); regenerating it makes the old one stop working.";
	}
	if (status === 403)
		return 'The manager who owns the API token may lack the role this method needs.';
	return undefined;
}

export const activePlatformPlatform: Platform = {
	displayName: 'ActivePlatform',
	credentialType: () => ACTIVEPLATFORM_CREDENTIAL,
	baseUrl: (credentials) => activePlatformBaseUrl(credentials.url),
	secretCredentialFields: ['apiToken'],
	authEcho: () => ({ qs: { api_token: '***' } }),
	errorMessage: (_status, body) => activePlatformErrorMessage(body),
	errorHint: (status) => activePlatformErrorHint(status),
	refusal: (status) =>
		status === 401
			? { refused: 'the API Token', fix: 'Check the API Token in the ActivePlatform credential.' }
			: undefined,
};
