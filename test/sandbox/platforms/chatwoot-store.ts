/**
 * The records the Chatwoot sandbox keeps, and the helpers the API handlers share: answers in
 * Chatwoot's own shapes (404 {error}, 422 {message, attributes}, Rails' bare 404), paths matched
 * with their IDs, and the seeded "world" the spec-coverage test and the example workflows use.
 */
import type { SandboxRequest, SandboxResponse } from '../types';

export type Body = Record<string, unknown>;

export const CHATWOOT_PLATFORM_TOKEN = 'sandbox-cw-platform-token-7c1e';
export const CHATWOOT_USER_TOKEN = 'sandbox-cw-user-token-3b9d';
export const CHATWOOT_BOT_TOKEN = 'sandbox-cw-bot-token-5e2a';
export const CHATWOOT_ACCOUNT_ID = 1;
/** An account the sandbox's platform app did not create (its ownership rule applies). */
export const CHATWOOT_FOREIGN_ACCOUNT_ID = 2;
/** The API inbox of the seeded world, as the Client API names it. */
export const CHATWOOT_API_INBOX_IDENTIFIER = 'cw-api-inbox';
/** The seeded contact's source ID in that inbox (the Client API's contact identifier). */
export const CHATWOOT_CONTACT_SOURCE_ID = 'cw-contact-source-1';

export interface CwUser {
	id: number;
	name: string;
	display_name: string | null;
	email: string;
	password: string;
	custom_attributes: Record<string, unknown>;
	confirmed: boolean;
	/** Created by (or linked to) the sandbox's platform app: the Platform API may touch it. */
	ownedByApp: boolean;
	access_token: string;
	pubsub_token: string;
	message_signature?: string | null;
	phone_number?: string | null;
	ui_settings?: Record<string, unknown>;
}

export interface CwAccountUser {
	account_id: number;
	user_id: number;
	role: 'agent' | 'administrator';
	availability: 'online' | 'busy' | 'offline';
	auto_offline: boolean;
}

export interface CwAccount {
	id: number;
	name: string;
	ownedByApp: boolean;
	agentLimit: number;
	locale?: string;
	domain?: string | null;
	support_email?: string | null;
	status?: 'active' | 'suspended';
	limits?: Record<string, unknown>;
	custom_attributes?: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

export interface CwContact {
	id: number;
	account_id: number;
	name: string | null;
	email: string | null;
	phone_number: string | null;
	identifier: string | null;
	blocked: boolean;
	additional_attributes: Record<string, unknown>;
	custom_attributes: Record<string, unknown>;
	created_at: number;
	labels?: string[];
}

export interface CwInbox {
	id: number;
	account_id: number;
	name: string;
	channel_type: 'Channel::WebWidget' | 'Channel::Api';
	/** API inboxes: the identifier the Client API takes. */
	identifier?: string;
	settings: Record<string, unknown>;
	members: number[];
	agent_bot_id?: number;
}

export interface CwContactInbox {
	contact_id: number;
	inbox_id: number;
	source_id: string;
	pubsub_token: string;
}

export interface CwConversation {
	id: number;
	display_id: number;
	account_id: number;
	inbox_id: number;
	contact_id: number;
	source_id: string;
	status: 'open' | 'resolved' | 'pending' | 'snoozed';
	priority: string | null;
	assignee_id: number | null;
	team_id: number | null;
	labels: string[];
	custom_attributes: Record<string, unknown>;
	additional_attributes: Record<string, unknown>;
	snoozed_until: number | null;
	created_at: number;
	contact_last_seen_at: number | null;
}

export interface CwMessage {
	id: number;
	conversation_id: number;
	account_id: number;
	inbox_id: number;
	content: string | null;
	message_type: 0 | 1 | 2 | 3;
	content_type: string;
	content_attributes: Record<string, unknown>;
	private: boolean;
	created_at: number;
	sender: { id: number; type: 'user' | 'contact' | 'agent_bot' };
	attachments: Array<{
		id: number;
		file_type: string;
		data_url: string;
		file_size: number;
		extension: string | null;
	}>;
	deleted?: boolean;
	submitted_values?: unknown;
}

/** A record kept as Chatwoot shows it (labels, teams, canned responses…): an id and its fields. */
export interface CwRecord {
	id: number;
	account_id: number;
	[key: string]: unknown;
}

export interface CwWebhook extends CwRecord {
	url: string;
	name: string | null;
	subscriptions: string[];
	secret: string;
}

/** Webhook events Chatwoot accepts (Webhook::ALLOWED_WEBHOOK_EVENTS, 4.10). */
export const WEBHOOK_EVENTS = [
	'conversation_status_changed',
	'conversation_updated',
	'conversation_created',
	'contact_created',
	'contact_updated',
	'message_created',
	'message_updated',
	'webwidget_triggered',
	'inbox_created',
	'inbox_updated',
	'conversation_typing_on',
	'conversation_typing_off',
];

export const ok = (body: unknown): SandboxResponse => ({ status: 200, body });
/** `head :ok`: an empty 200. */
export const empty = (): SandboxResponse => ({ status: 200, raw: '' });
export const invalid = (messages: string[], attributes: string[]): SandboxResponse => ({
	status: 422,
	body: { message: messages.join(', '), attributes },
});
export const couldNotCreate = (error: string): SandboxResponse => ({
	status: 422,
	body: { error },
});
/** Rails' default for an unknown route or a record not found outside handle_with_exception. */
export const railsNotFound = (): SandboxResponse => ({
	status: 404,
	body: { status: 404, error: 'Not Found' },
});
/** The application API's RecordNotFound (RequestExceptionHandler). */
export const appNotFound = (): SandboxResponse => ({
	status: 404,
	body: { error: 'Resource could not be found' },
});
export const unauthorized = (error: string): SandboxResponse => ({ status: 401, body: { error } });

export const now = (): number => Math.floor(Date.now() / 1000);

export function isObject(v: unknown): v is Record<string, unknown> {
	return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** A path matched against a pattern like `/labels/:id`: the captured values, or undefined. */
export function route(path: string, pattern: string): Record<string, string> | undefined {
	const names: string[] = [];
	const regex = new RegExp(
		`^${pattern.replace(/:(\w+)/g, (_, name: string) => (names.push(name), '([^/]+)'))}/?$`,
	);
	const m = regex.exec(path);
	if (!m) return undefined;
	return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
}

/** Rails wraps a JSON body's model attributes under the model's name (wrap_parameters): both forms are read. */
export function wrapped(body: Body, key: string): Body {
	return isObject(body[key]) ? (body[key] as Body) : body;
}

export const numberOf = (v: unknown): number | undefined => {
	const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : typeof v === 'number' ? v : NaN;
	return Number.isFinite(n) ? n : undefined;
};

export const queryText = (req: SandboxRequest, key: string): string | undefined => {
	const v = req.query[key];
	return Array.isArray(v) ? v[0] : v;
};

/** Bracketed list queries (`labels[]=a&labels[]=b`) and plain repeats alike. */
export function queryList(req: SandboxRequest, key: string): string[] {
	const v = req.query[`${key}[]`] ?? req.query[key];
	if (v === undefined) return [];
	return Array.isArray(v) ? v : [v];
}

/** Ids handed out per kind of record, from 1. */
export class Counters {
	private readonly next = new Map<string, number>();

	take(kind: string): number {
		const id = this.next.get(kind) ?? 1;
		this.next.set(kind, id + 1);
		return id;
	}

	clear(): void {
		this.next.clear();
	}
}
