import { baseRoot, baseUrl, type BaseUrlRule } from '../shared/base-url';
import type { Platform } from '../shared/types';

export const CHATWOOT_PLATFORM_CREDENTIAL = 'chatwootPlatformApi';
export const CHATWOOT_ACCOUNT_CREDENTIAL = 'chatwootApi';

/** Resources served by the Platform API (platform app token); the rest use the account API. */
export const PLATFORM_RESOURCES = ['platformUser'];
export const ACCOUNT_RESOURCES = ['agent', 'contact'];

const isPlatform = (resource: string) => PLATFORM_RESOURCES.includes(resource);

/**
 * The installation root as users paste it: whitespace and trailing slashes off, then a pasted
 * API path (`/platform/api/v1`, `/api/v1/accounts/<n>`, `/api/v1`) and the web app's `/app`.
 * Both credentials share the endings; each rule adds its own API path. The credential tests
 * use the same rules (as expressions), so the node and the test call one address.
 */
const PASTED_ENDINGS = ['/(platform/)?api/v1(/accounts/\\d+)?', '/app'];

export const CHATWOOT_PLATFORM_URL: BaseUrlRule = { field: 'url', strip: PASTED_ENDINGS, apiPath: '/platform/api/v1' };
export const CHATWOOT_ACCOUNT_URL: BaseUrlRule = { field: 'url', strip: PASTED_ENDINGS, apiPath: '/api/v1/accounts/{accountId}' };

export function chatwootRoot(url: unknown): string {
	return baseRoot(CHATWOOT_ACCOUNT_URL, url);
}

export function chatwootBaseUrl(credentials: { url?: unknown; accountId?: unknown }, resource: string): string {
	return baseUrl(isPlatform(resource) ? CHATWOOT_PLATFORM_URL : CHATWOOT_ACCOUNT_URL, credentials);
}

const WRONG_PLATFORM_TOKEN =
	'Platform User operations need a platform app token (Super Admin > Platform Apps) in the "Chatwoot Platform API" credential; a user access token is refused here';
const WRONG_ACCOUNT_TOKEN =
	'Agent and Contact operations need a user access token (Profile Settings > Access Token) in the "Chatwoot API" credential; a platform app token is refused here';

/** The sentence Chatwoot put in its error body: {error}, {message, attributes} or {errors: [...]}. */
function bodyText(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		// An HTML error page from a proxy says nothing useful in one line.
		return text && !text.startsWith('<') ? text.slice(0, 300) : undefined;
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const record = body as Record<string, unknown>;
	if (typeof record.message === 'string' && record.message.trim()) return record.message.trim();
	if (typeof record.error === 'string' && record.error.trim()) return record.error.trim();
	if (Array.isArray(record.errors)) {
		const parts = record.errors
			.map((e) => (e && typeof e === 'object' ? (e as Record<string, unknown>).message : e))
			.filter((m): m is string => typeof m === 'string' && m !== '');
		if (parts.length) return parts.join(', ');
	}
	return undefined;
}

/** One readable sentence; a wrong kind of token is named in words, since both use one header. */
export function chatwootErrorMessage(status: number, body: unknown, resource: string): string | undefined {
	const text = bodyText(body);
	if (status !== 401) return text;
	if (text === 'Invalid access_token' || (text === undefined && isPlatform(resource))) {
		return `${text ?? 'Unauthorized'}. ${WRONG_PLATFORM_TOKEN}`;
	}
	if (text === 'Invalid Access Token' || (text === undefined && !isPlatform(resource))) {
		return `${text ?? 'Unauthorized'}. ${WRONG_ACCOUNT_TOKEN}`;
	}
	if (text === 'Non permissible resource') {
		return `${text}. This platform app may only manage users and accounts it created itself (or was given access to)`;
	}
	return text;
}

export function chatwootErrorHint(status: number, body: unknown, resource: string): string | undefined {
	const text = bodyText(body);
	if (status === 401 && isPlatform(resource)) {
		if (text === 'Non permissible resource') {
			return 'Users created by another platform app or in the Chatwoot UI are off limits to this token; create or fetch them with this platform app first.';
		}
		return 'The Platform API exists only on self-hosted installations; check the installation URL and the platform app token.';
	}
	if (status === 401 && text === 'You are not authorized to access this account') {
		return 'Check the Account ID in the "Chatwoot API" credential: the token\'s user is not a member of that account.';
	}
	if (status === 401 && text === 'You are not authorized to do this action') {
		return 'This operation needs a user who is an administrator of the account.';
	}
	if (status === 404 && !isPlatform(resource)) return 'Check the ID, and the Account ID in the "Chatwoot API" credential.';
	if (status === 402) return 'The account has reached its agent limit.';
	return undefined;
}

export const chatwootPlatform: Platform = {
	displayName: 'Chatwoot',
	credentialType: (resource) => (isPlatform(resource) ? CHATWOOT_PLATFORM_CREDENTIAL : CHATWOOT_ACCOUNT_CREDENTIAL),
	baseUrl: (credentials, resource) => chatwootBaseUrl(credentials, resource),
	secretCredentialFields: ['platformToken', 'accessToken'],
	authEcho: () => ({ headers: { api_access_token: '***' } }),
	errorMessage: chatwootErrorMessage,
	errorHint: chatwootErrorHint,
};
