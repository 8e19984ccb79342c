import type { IDataObject } from 'n8n-workflow';

import { baseUrl, type BaseUrlRule } from '../shared/base-url';
import type { Platform } from '../shared/types';

export const KEEPNET_CREDENTIAL = 'keepnetOAuth2Api';
export const COMPANY_HEADER = 'X-KEEPNET-Company-Id';

/**
 * The API base as users type it: a pasted `/api` is taken off (operation paths and the token
 * URL carry their own), empty means Keepnet's cloud. Also the credential's token URL and test.
 */
export const KEEPNET_URL: BaseUrlRule = {
	field: 'baseUrl',
	strip: ['/api'],
	fallback: 'https://api.keepnetlabs.com',
	apiPath: '',
};

export function keepnetBaseUrl(url: unknown): string {
	return baseUrl(KEEPNET_URL, { baseUrl: url });
}

const text = (v: unknown): string | undefined =>
	typeof v === 'string' && v.trim() ? v.trim() : undefined;
const list = (v: unknown): string[] =>
	Array.isArray(v) ? v.map((x) => text(x)).filter((x): x is string => !!x) : [];

/**
 * Keepnet's error bodies differ by endpoint: the envelope's `message` / `validationMessages`,
 * the quickstart's `messages`, or OAuth's `error` / `error_description`. Read whichever is there.
 */
export function keepnetErrorMessage(_status: number, body: unknown): string | undefined {
	if (typeof body === 'string') return text(body);
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const b = body as IDataObject;
	const parts = [text(b.message), ...list(b.messages), ...list(b.validationMessages)].filter(
		(x): x is string => !!x,
	);
	if (parts.length) return [...new Set(parts)].join('; ');
	const oauth = [text(b.error), text(b.error_description)].filter((x): x is string => !!x);
	return oauth.length ? oauth.join(': ') : (text(b.title) ?? undefined);
}

/** The `data` of Keepnet's ServiceResult envelope; a body without one is returned as is. */
export function unwrap<T = IDataObject>(body: unknown): T {
	if (body && typeof body === 'object' && !Array.isArray(body) && 'data' in body) {
		return (body as { data: T }).data;
	}
	return body as T;
}

/** The reseller's Company ID, when the credential has one. */
export function companyHeader(companyId: unknown): Record<string, string> {
	const id = String(companyId ?? '').trim();
	return id ? { [COMPANY_HEADER]: id } : {};
}

export const keepnetPlatform: Platform = {
	displayName: 'Keepnet',
	credentialType: () => KEEPNET_CREDENTIAL,
	baseUrl: (credentials) => keepnetBaseUrl(credentials.baseUrl),
	secretCredentialFields: ['clientSecret', 'access_token', 'refresh_token'],
	oauth2: true,
	headers: (credentials) => companyHeader(credentials.companyId),
	authEcho: () => ({ headers: { Authorization: '***' } }),
	errorMessage: (status, body) => keepnetErrorMessage(status, body),
	errorHint: (status, body) => {
		if (oauthError(body) === 'invalid_client') {
			return 'Keepnet lists its REST API clients under Company > Company Settings > REST API and shows a secret only once: make a new client if it is lost.';
		}
		if (status === 403) {
			return "The REST API client's role lacks this permission, or (with a Company ID in the credential) it may not act in that company.";
		}
		return undefined;
	},
	refusal: (status, body) => {
		if (oauthError(body) === 'invalid_client') {
			return {
				refused: 'the Client ID or Client Secret when n8n asked for an access token',
				fix: 'Check the Client ID and Client Secret in the Keepnet credential.',
			};
		}
		if (status === 401) {
			return {
				refused: 'the access token of this Client ID, even after n8n fetched a new one',
				fix: 'Check in Keepnet that the REST API client is active and that its IP restriction lets n8n in.',
			};
		}
		return undefined;
	},
};

/** The OAuth error code of a token endpoint's answer ({"error": "invalid_client"}). */
function oauthError(body: unknown): unknown {
	return body && typeof body === 'object' ? (body as IDataObject).error : undefined;
}
