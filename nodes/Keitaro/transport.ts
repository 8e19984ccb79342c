import { baseUrl, type BaseUrlRule } from '../shared/base-url';
import type { Platform } from '../shared/types';

export const KEITARO_CREDENTIAL = 'keitaroApi';

/** The tracker URL as users paste it, with or without the API path (also the credential test's). */
export const KEITARO_URL: BaseUrlRule = {
	field: 'url',
	strip: ['/admin_api/v1'],
	apiPath: '/admin_api/v1',
};

export function keitaroBaseUrl(url: unknown): string {
	return baseUrl(KEITARO_URL, { url });
}

/** Keitaro answers {"error": "..."} or, on 406, a map of field -> messages. */
export function keitaroErrorMessage(status: number, body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() || undefined;
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const record = body as Record<string, unknown>;
	if (typeof record.error === 'string') return record.error;
	const fields = Object.entries(record)
		.map(([field, messages]) => {
			const list = Array.isArray(messages) ? messages.map(String) : [String(messages)];
			return `${field}: ${list.join('; ')}`;
		})
		.filter((s) => s.length > 0);
	return fields.length ? fields.join(', ') : status === 406 ? 'validation failed' : undefined;
}

export const keitaroPlatform: Platform = {
	displayName: 'Keitaro',
	credentialType: () => KEITARO_CREDENTIAL,
	baseUrl: (credentials) => keitaroBaseUrl(credentials.url),
	secretCredentialFields: ['apiKey'],
	authEcho: () => ({ headers: { 'Api-Key': '***' } }),
	errorMessage: (status, body) => keitaroErrorMessage(status, body),
	errorHint: (status) =>
		status === 402
			? "The Admin API needs Keitaro's Business edition; this tracker runs another edition."
			: undefined,
	refusal: (status) =>
		status === 401
			? { refused: 'the API Key', fix: 'Check the API Key in the Keitaro credential.' }
			: undefined,
};
