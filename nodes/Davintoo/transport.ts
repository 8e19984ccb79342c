import { baseUrl, type BaseUrlRule } from '../shared/base-url';
import type { Platform } from '../shared/types';

export const DAVINTOO_CREDENTIAL = 'davintooApi';

/** The portal address as users paste it, with or without /api/v2 (also the credential test's). */
export const DAVINTOO_URL: BaseUrlRule = { field: 'url', strip: ['/api/v2'], apiPath: '/api/v2' };

export function davintooBaseUrl(url: unknown): string {
	return baseUrl(DAVINTOO_URL, { url });
}

function text(value: unknown): string {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map(text).join('; ');
	if (value && typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/**
 * API v2 errors: 400 carries a field map under `data` ({"data": {"email": "..."}}); other
 * statuses carry a single {key: message} pair (the vendor's own v2 client reads them so).
 */
export function davintooErrorMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() || undefined;
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const record = body as Record<string, unknown>;
	const data = record.data;
	if (data && typeof data === 'object' && !Array.isArray(data)) {
		const fields = Object.entries(data as Record<string, unknown>).map(
			([field, message]) => `${field}: ${text(message)}`,
		);
		if (fields.length) return fields.join(', ');
	}
	if (Array.isArray(data) && data.length) {
		return data
			.map((entry) => {
				const e = (entry ?? {}) as Record<string, unknown>;
				return e.field !== undefined ? `${text(e.field)}: ${text(e.message)}` : text(entry);
			})
			.join(', ');
	}
	for (const key of ['message', 'error']) {
		if (typeof record[key] === 'string' && record[key] !== '') return record[key] as string;
	}
	const [first] = Object.entries(record);
	return first ? text(first[1]) : undefined;
}

export const davintooPlatform: Platform = {
	displayName: 'Davintoo',
	credentialType: () => DAVINTOO_CREDENTIAL,
	baseUrl: (credentials) => davintooBaseUrl(credentials.url),
	secretCredentialFields: ['apiToken'],
	authEcho: () => ({ headers: { 'X-Cbr-Authorization': '***' } }),
	errorMessage: (_status, body) => davintooErrorMessage(body),
	errorHint: (status) => {
		if (status === 401) {
			return 'Tokens are made on the portal page Security and notifications (LMS 2.43 or later) and expire after the period chosen there.';
		}
		if (status === 403) {
			return "The token's user may lack the right this call needs. Tokens are made on the portal page Security and notifications.";
		}
		if (status === 400)
			return 'The portal rejected the data; the fields it names are the API field names.';
		return undefined;
	},
	refusal: (status) =>
		status === 401
			? { refused: 'the API Token', fix: 'Check the API Token in the Davintoo credential.' }
			: undefined,
};
