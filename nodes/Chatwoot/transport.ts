import { baseRoot, baseUrl, type BaseUrlRule } from '../shared/base-url';
import type { Platform } from '../shared/types';

/**
 * Chatwoot has four APIs under one installation URL, and one header (`api_access_token`) for
 * every kind of token. Each resource belongs to one API; the API decides the credential and the
 * base URL. The credential types keep the names older workflows reference.
 */
export const CHATWOOT_PLATFORM_CREDENTIAL = 'chatwootPlatformApi';
export const CHATWOOT_ACCOUNT_CREDENTIAL = 'chatwootApi';
export const CHATWOOT_BOT_CREDENTIAL = 'chatwootAgentBotApi';
export const CHATWOOT_CLIENT_CREDENTIAL = 'chatwootClientApi';

/** Where a resource's requests go (paths below the installation root). */
export type ChatwootApiFamily =
	'platform' | 'account' | 'profile' | 'reports' | 'client' | 'survey';

/** Resources of the Platform API (platform app token, self-hosted only). */
export const PLATFORM_RESOURCES = ['platformAccount', 'platformAgentBot', 'platformUser'];
/** Resources of the Client API (no token: an API inbox's identifier in the path). */
export const CLIENT_RESOURCES = [
	'clientContact',
	'clientConversation',
	'clientInbox',
	'clientMessage',
];
/** Resources of the Application API (a user's access token; some operations also take an agent bot token). */
export const ACCOUNT_RESOURCES = [
	'account',
	'agent',
	'agentBot',
	'article',
	'auditLog',
	'automationRule',
	'cannedResponse',
	'category',
	'contact',
	'conversation',
	'customAttribute',
	'customFilter',
	'inbox',
	'integration',
	'integrationHook',
	'label',
	'message',
	'portal',
	'profile',
	'report',
	'reportingEvent',
	'team',
	'webhook',
];

/**
 * The operations Chatwoot lets an agent bot's token call (AccessTokenAuthHelper::BOT_ACCESSIBLE_ENDPOINTS):
 * conversations create, update, toggle_status, toggle_priority, custom_attributes; assignments
 * create; messages create. (The spec also lists toggle_typing_status; the server refuses bots there.)
 */
export const BOT_OPERATIONS: Record<string, string[]> = {
	conversation: [
		'create',
		'update',
		'toggleStatus',
		'togglePriority',
		'updateCustomAttributes',
		'assign',
	],
	message: ['create'],
};
export const BOT_RESOURCES = Object.keys(BOT_OPERATIONS);
/** The parameter (shown as "Authentication") that picks the token of the bot-capable operations, and its bot value. */
export const AUTHENTICATE_AS = 'authenticateAs';
export const AGENT_BOT_AUTH = 'agentBotToken';

export function apiFamily(resource: string): ChatwootApiFamily {
	if (PLATFORM_RESOURCES.includes(resource)) return 'platform';
	if (CLIENT_RESOURCES.includes(resource)) return 'client';
	if (resource === 'profile') return 'profile';
	if (resource === 'report') return 'reports';
	return 'account';
}

/**
 * The installation root as users paste it: whitespace and trailing slashes off, then a pasted
 * API path (`/platform/api/v1`, `/api/v1/accounts/<n>`, `/api/v2/accounts/<n>`,
 * `/public/api/v1/inboxes/<id>`) and the web app's `/app`. Every credential shares the endings;
 * each rule adds its own API path. The credential tests use the same rules (as expressions), so
 * the node and the test call one address.
 */
const PASTED_ENDINGS = [
	'/(platform/|public/)?api/v[12](/accounts/\\d+|/inboxes/[A-Za-z0-9_-]+)?',
	'/app',
];

const rule = (apiPath: string): BaseUrlRule => ({ field: 'url', strip: PASTED_ENDINGS, apiPath });

export const CHATWOOT_PLATFORM_URL = rule('/platform/api/v1');
export const CHATWOOT_ACCOUNT_URL = rule('/api/v1/accounts/{accountId}');
export const CHATWOOT_PROFILE_URL = rule('/api/v1');
export const CHATWOOT_REPORTS_URL = rule('/api/v2/accounts/{accountId}');
export const CHATWOOT_CLIENT_URL = rule('/public/api/v1');
export const CHATWOOT_ROOT_URL = rule('');

const FAMILY_URL: Record<ChatwootApiFamily, BaseUrlRule> = {
	platform: CHATWOOT_PLATFORM_URL,
	account: CHATWOOT_ACCOUNT_URL,
	profile: CHATWOOT_PROFILE_URL,
	reports: CHATWOOT_REPORTS_URL,
	client: CHATWOOT_CLIENT_URL,
	survey: CHATWOOT_ROOT_URL,
};

export function chatwootRoot(url: unknown): string {
	return baseRoot(CHATWOOT_ACCOUNT_URL, url);
}

export function chatwootBaseUrl(
	credentials: { url?: unknown; accountId?: unknown },
	resource: string,
): string {
	return baseUrl(FAMILY_URL[apiFamily(resource)], credentials);
}

/** The credential a resource's requests go with; for the bot-capable operations, as Authentication says. */
export function chatwootCredentialType(
	resource: string,
	parameter?: (name: string) => unknown,
): string {
	const family = apiFamily(resource);
	if (family === 'platform') return CHATWOOT_PLATFORM_CREDENTIAL;
	if (family === 'client' || family === 'survey') return CHATWOOT_CLIENT_CREDENTIAL;
	const botOperations = BOT_OPERATIONS[resource];
	if (botOperations && parameter) {
		const operation = parameter('operation');
		if (
			typeof operation === 'string' &&
			botOperations.includes(operation) &&
			parameter(AUTHENTICATE_AS) === AGENT_BOT_AUTH
		) {
			return CHATWOOT_BOT_CREDENTIAL;
		}
	}
	return CHATWOOT_ACCOUNT_CREDENTIAL;
}

/** The sentence Chatwoot put in its error body: {error}, {message, attributes}, {errors: [...]} or {error: {field: [...]}}. */
export function bodyText(body: unknown): string | undefined {
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
	// Validation errors some controllers render as {error: {attribute: ["message"]}}.
	if (record.error && typeof record.error === 'object' && !Array.isArray(record.error)) {
		const parts = Object.entries(record.error as Record<string, unknown>).flatMap(
			([field, messages]) =>
				(Array.isArray(messages) ? messages : [messages])
					.filter((m) => typeof m === 'string')
					.map((m) => `${field} ${String(m)}`),
		);
		if (parts.length) return parts.join(', ');
	}
	return undefined;
}

const CREDENTIAL_NAMES: Record<string, string> = {
	[CHATWOOT_PLATFORM_CREDENTIAL]: 'Chatwoot Platform API',
	[CHATWOOT_ACCOUNT_CREDENTIAL]: 'Chatwoot API',
	[CHATWOOT_BOT_CREDENTIAL]: 'Chatwoot Agent Bot API',
	[CHATWOOT_CLIENT_CREDENTIAL]: 'Chatwoot Client API',
};

/** Chatwoot's 401 texts (AccessTokenAuthHelper, PlatformController, EnsureCurrentAccountHelper). */
const UNKNOWN_TOKEN = 'Invalid Access Token';
const NOT_FOR_BOTS = 'Access to this endpoint is not authorized for bots';
const NOT_A_PLATFORM_TOKEN = 'Invalid access_token';
const NOT_IN_ACCOUNT = 'You are not authorized to access this account';
const NOT_ALLOWED = 'You are not authorized to do this action';
const NOT_OWNED = 'Non permissible resource';
/** Devise's answer when no token came at all. */
const NO_TOKEN = 'You need to sign in or sign up before continuing.';

const USER_TOKEN_WHERE = 'Profile Settings > Access Token';

/** One readable sentence; the kind of token a resource needs is said in words, since all kinds share one header. */
export function chatwootErrorMessage(
	status: number,
	body: unknown,
	resource: string,
	credentialType?: string,
): string | undefined {
	const text = bodyText(body);
	if (status !== 401) return text;
	const family = apiFamily(resource);
	const type = credentialType ?? chatwootCredentialType(resource);
	const credential = `the "${CREDENTIAL_NAMES[type] ?? type}" credential`;
	if (family === 'platform') {
		if (text === NOT_OWNED)
			return `${text}. This platform app may only manage users, accounts and agent bots it created itself (or was given access to)`;
		if (text !== NOT_A_PLATFORM_TOKEN && text !== undefined) return text;
		// Chatwoot gives one answer for an unknown token and for a token of another kind.
		return `${text ?? 'Unauthorized'}. Platform operations need a platform app token (Super Admin > Platform Apps) in ${credential}; Chatwoot did not take this one as a platform app's token (wrong or deleted, or a user's or agent bot's token)`;
	}
	if (text === NOT_FOR_BOTS) {
		return `${text}. This operation needs a user access token (${USER_TOKEN_WHERE}) in ${credential}; the token there belongs to an agent bot or a platform app`;
	}
	if (text === UNKNOWN_TOKEN || text === NO_TOKEN || text === undefined) {
		const kind =
			type === CHATWOOT_BOT_CREDENTIAL
				? 'agent bot token (Settings > Bots)'
				: `user access token (${USER_TOKEN_WHERE})`;
		return `${text ?? 'Unauthorized'}. Chatwoot does not know the ${kind} in ${credential}: it is wrong, or was reset since; copy it again`;
	}
	return text;
}

export function chatwootErrorHint(
	status: number,
	body: unknown,
	resource: string,
	credentialType?: string,
): string | undefined {
	const text = bodyText(body);
	const family = apiFamily(resource);
	const type = credentialType ?? chatwootCredentialType(resource);
	if (status === 401 && family === 'platform') {
		if (text === NOT_OWNED) {
			return 'Users, accounts and bots made by another platform app or in the Chatwoot UI are off limits to this token; create or fetch them with this platform app first.';
		}
		return 'The Platform API exists only on self-hosted installations; check the installation URL and the platform app token.';
	}
	if (status === 401 && text === NOT_IN_ACCOUNT) {
		return type === CHATWOOT_BOT_CREDENTIAL
			? 'Check the Account ID in the "Chatwoot Agent Bot API" credential: the bot is connected to no inbox of that account.'
			: 'Check the Account ID in the "Chatwoot API" credential: the token\'s user is not a member of that account.';
	}
	if (status === 401 && text === NOT_ALLOWED)
		return 'This operation needs a user who is an administrator of the account.';
	if (status === 401 && text === NOT_FOR_BOTS && BOT_OPERATIONS[resource]) {
		return 'Agent bot tokens work only for creating conversations and messages, status, priority, custom attributes and assignments; use the "Chatwoot Agent Bot API" credential (Authentication: Agent Bot Token) for those.';
	}
	if (status === 404 && family === 'client')
		return 'Check the inbox identifier (Settings > Inboxes > the API inbox > Configuration) and the contact identifier (the source_id from Create Contact).';
	if (status === 404 && family !== 'platform')
		return 'Check the ID, and the Account ID in the credential.';
	if (status === 402)
		return resource === 'agent'
			? 'The account has reached its agent limit.'
			: 'The account has reached a limit of its plan.';
	return undefined;
}

export const chatwootPlatform: Platform = {
	displayName: 'Chatwoot',
	credentialType: chatwootCredentialType,
	baseUrl: (credentials, resource) => chatwootBaseUrl(credentials, resource),
	secretCredentialFields: ['platformToken', 'accessToken', 'botToken'],
	authEcho: (resource) =>
		apiFamily(resource) === 'client' || apiFamily(resource) === 'survey'
			? {}
			: { headers: { api_access_token: '***' } },
	errorMessage: chatwootErrorMessage,
	errorHint: chatwootErrorHint,
};
