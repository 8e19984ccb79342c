import type { SandboxCredential, SandboxPlatform, SandboxRequest, SandboxResponse } from '../types';
import { clientApi } from './chatwoot-client';
import { conversationsApi } from './chatwoot-conversations';
import { peopleApi } from './chatwoot-people';
import { platformApi } from './chatwoot-platform';
import { reportsApi } from './chatwoot-reports';
import { seedWorld } from './chatwoot-seed';
import { settingsApi } from './chatwoot-settings';
import {
	type Body,
	CHATWOOT_ACCOUNT_ID,
	CHATWOOT_BOT_TOKEN,
	CHATWOOT_PLATFORM_TOKEN,
	CHATWOOT_USER_TOKEN,
	Counters,
	type CwAccount,
	type CwAccountUser,
	type CwContact,
	type CwContactInbox,
	type CwConversation,
	type CwInbox,
	type CwMessage,
	type CwRecord,
	type CwUser,
	type CwWebhook,
	ok,
	railsNotFound,
	route,
	unauthorized,
} from './chatwoot-store';
import { type Delivery, WebhookDeliverer } from './chatwoot-webhooks';

export {
	CHATWOOT_ACCOUNT_ID,
	CHATWOOT_API_INBOX_IDENTIFIER,
	CHATWOOT_BOT_TOKEN,
	CHATWOOT_CONTACT_SOURCE_ID,
	CHATWOOT_FOREIGN_ACCOUNT_ID,
	CHATWOOT_PLATFORM_TOKEN,
	CHATWOOT_USER_TOKEN,
} from './chatwoot-store';
export type { CwAccount, CwAccountUser, CwContact, CwUser } from './chatwoot-store';

/** Who a token belongs to (AccessToken#owner): a user, an agent bot or a platform app. */
export type TokenOwner =
	{ kind: 'user'; user: CwUser } | { kind: 'bot'; bot: CwRecord } | { kind: 'platformApp' };

/** What an application-API handler gets: the account, and who is asking. */
export interface AccountCall {
	req: SandboxRequest;
	path: string;
	body: Body;
	account: CwAccount;
	owner: TokenOwner;
	/** The token's user's membership (undefined for bots and platform apps). */
	member?: CwAccountUser;
}

/**
 * The endpoints an agent bot's token may call (AccessTokenAuthHelper::BOT_ACCESSIBLE_ENDPOINTS):
 * conversations create, update, toggle_status, toggle_priority, custom_attributes; messages and
 * assignments create. Platform app tokens pass the same check (their owner is no user either).
 */
const BOT_ENDPOINTS: Array<[string, string]> = [
	['POST', '/conversations'],
	['PATCH', '/conversations/:id'],
	['POST', '/conversations/:id/toggle_status'],
	['POST', '/conversations/:id/toggle_priority'],
	['POST', '/conversations/:id/custom_attributes'],
	['POST', '/conversations/:id/messages'],
	['POST', '/conversations/:id/assignments'],
];

/**
 * Chatwoot's four APIs as read from upstream 4.10 (plus the webhook signing of 4.11.2): the
 * Platform API (platform app token), the Application API v1/v2 (user access token; agent bot
 * tokens for a few conversation endpoints), the Client API (no token, an API inbox's identifier)
 * and /api. One `api_access_token` header for every token; each API refuses the wrong kind with
 * its own 401 text; 404 {error}, 422 {message, attributes}; pages of 15 (contacts) and 25
 * (conversations); webhooks delivered to 127.0.0.1 URLs only.
 */
export class ChatwootSandbox implements SandboxPlatform {
	readonly name = 'chatwoot';
	readonly prefix = '/chatwoot';
	platformToken = CHATWOOT_PLATFORM_TOKEN;
	userToken = CHATWOOT_USER_TOKEN;
	botToken = CHATWOOT_BOT_TOKEN;
	/** The user the user access token belongs to. */
	tokenUserId = 1;
	/** The agent bot the bot token belongs to (seeded). */
	tokenBotId = 0;
	users = new Map<number, CwUser>();
	accounts = new Map<number, CwAccount>();
	accountUsers: CwAccountUser[] = [];
	contacts = new Map<number, CwContact>();
	inboxes = new Map<number, CwInbox>();
	contactInboxes: CwContactInbox[] = [];
	conversations = new Map<number, CwConversation>();
	messages = new Map<number, CwMessage>();
	/** Labels, teams, canned responses and the other account records, by kind. */
	records = new Map<string, Map<number, CwRecord>>();
	webhooks = new Map<number, CwWebhook>();
	/** Chatwoot 4.11.2+ signs webhook deliveries and returns each webhook's secret; older versions do neither. */
	signWebhooks = true;
	readonly deliverer = new WebhookDeliverer(this);
	/** The last SSO link handed out, for tests. */
	lastLoginUrl = '';
	readonly ids = new Counters();
	private ssoCounter = 0;

	constructor() {
		this.reset();
	}

	reset(): void {
		this.users.clear();
		this.accounts.clear();
		this.contacts.clear();
		this.inboxes.clear();
		this.conversations.clear();
		this.messages.clear();
		this.records.clear();
		this.webhooks.clear();
		this.contactInboxes = [];
		this.accountUsers = [];
		this.ids.clear();
		this.deliverer.clear();
		this.signWebhooks = true;
		this.ssoCounter = 0;
		this.lastLoginUrl = '';
		this.platformToken = CHATWOOT_PLATFORM_TOKEN;
		this.userToken = CHATWOOT_USER_TOKEN;
		this.botToken = CHATWOOT_BOT_TOKEN;
		this.tokenBotId = 0;
		this.accounts.set(1, {
			id: 1,
			name: 'Acme Support',
			ownedByApp: true,
			agentLimit: 100,
			locale: 'en',
			status: 'active',
		});
		this.accounts.set(2, {
			id: 2,
			name: 'Other Company',
			ownedByApp: false,
			agentLimit: 100,
			locale: 'en',
			status: 'active',
		});
		this.ids.take('account');
		this.ids.take('account');
		// The owner of the user access token: made in the Chatwoot UI, so not the platform app's.
		const owner = this.addUser({
			name: 'Olena Owner',
			email: 'owner@acme.test',
			ownedByApp: false,
		});
		this.tokenUserId = owner.id;
		this.accountUsers.push({
			account_id: 1,
			user_id: owner.id,
			role: 'administrator',
			availability: 'online',
			auto_offline: true,
		});
		this.inboxes.set(this.ids.take('inbox'), {
			id: 1,
			account_id: 1,
			name: 'Website',
			channel_type: 'Channel::WebWidget',
			settings: { website_token: 'widget-token-1' },
			members: [owner.id],
		});
	}

	/** Fill the account with one of everything (inboxes, a contact with a conversation, labels…). */
	seed(): this {
		seedWorld(this);
		return this;
	}

	credentials(sandboxUrl: string): SandboxCredential[] {
		const url = `${sandboxUrl}${this.prefix}`;
		return [
			{
				name: 'Chatwoot Platform (sandbox)',
				type: 'chatwootPlatformApi',
				data: { url, platformToken: this.platformToken },
			},
			{
				name: 'Chatwoot account 1 (sandbox)',
				type: 'chatwootApi',
				data: { url, accountId: CHATWOOT_ACCOUNT_ID, accessToken: this.userToken },
			},
			{
				name: 'Chatwoot agent bot (sandbox)',
				type: 'chatwootAgentBotApi',
				data: { url, accountId: CHATWOOT_ACCOUNT_ID, botToken: this.botToken },
			},
			{ name: 'Chatwoot Client API (sandbox)', type: 'chatwootClientApi', data: { url } },
		];
	}

	snapshot(): unknown {
		return {
			users: [...this.users.values()].map(({ password: _p, ...u }) => u),
			accounts: [...this.accounts.values()],
			accountUsers: this.accountUsers,
			contacts: [...this.contacts.values()],
			inboxes: [...this.inboxes.values()],
			conversations: [...this.conversations.values()],
			messages: [...this.messages.values()],
			webhooks: [...this.webhooks.values()].map(({ secret: _s, ...w }) => w),
			records: Object.fromEntries(
				[...this.records].map(([kind, map]) => [kind, [...map.values()]]),
			),
			deliveries: this.deliverer.deliveries,
		};
	}

	/** The records of one kind (labels, teams…). */
	kind(kind: string): Map<number, CwRecord> {
		let map = this.records.get(kind);
		if (!map) this.records.set(kind, (map = new Map()));
		return map;
	}

	/** Seed a user directly (tests). */
	addUser(fields: Partial<CwUser> & { name: string; email: string }): CwUser {
		const id = this.ids.take('user');
		const user: CwUser = {
			id,
			display_name: null,
			password: 'Seeded-1!',
			custom_attributes: {},
			confirmed: true,
			ownedByApp: true,
			access_token: `user-access-token-${id}-9f8e7d`,
			pubsub_token: `pubsub-${id}-4c3b2a`,
			...fields,
		};
		this.users.set(id, user);
		return user;
	}

	/** Seed a membership directly (tests). */
	addMember(accountId: number, userId: number, role: CwAccountUser['role'] = 'agent'): void {
		this.accountUsers.push({
			account_id: accountId,
			user_id: userId,
			role,
			availability: 'offline',
			auto_offline: true,
		});
	}

	/** Seed a contact directly (tests). */
	addContact(fields: Partial<CwContact> = {}): CwContact {
		const id = this.ids.take('contact');
		const contact: CwContact = {
			id,
			account_id: CHATWOOT_ACCOUNT_ID,
			name: null,
			email: null,
			phone_number: null,
			identifier: null,
			blocked: false,
			additional_attributes: {},
			custom_attributes: {},
			created_at: 1_700_000_000 + id,
			labels: [],
			...fields,
		};
		this.contacts.set(id, contact);
		return contact;
	}

	membership(accountId: number, userId: number): CwAccountUser | undefined {
		return this.accountUsers.find((au) => au.account_id === accountId && au.user_id === userId);
	}

	/** The next SSO link for a user (Platform API login). */
	loginUrl(req: SandboxRequest, user: CwUser): string {
		this.ssoCounter++;
		const token = `sso${user.id}t${this.ssoCounter}a7b6c5d4e3f2`;
		const frontend = `http://${String(req.headers.host ?? '127.0.0.1')}${this.prefix}`;
		this.lastLoginUrl = `${frontend}/app/login?email=${encodeURIComponent(user.email)}&sso_auth_token=${token}`;
		return this.lastLoginUrl;
	}

	/** Sends an event to the account's webhooks (as Chatwoot's WebhookListener does) and waits for the deliveries. */
	async emit(event: string, payload: Body, accountId = CHATWOOT_ACCOUNT_ID): Promise<Delivery[]> {
		return await this.deliverer.deliver(accountId, event, payload);
	}

	async handle(req: SandboxRequest): Promise<SandboxResponse> {
		if (req.bodyError) return { status: 400, body: { status: 400, error: 'Bad Request' } };
		const body = (
			req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {}
		) as Body;
		if (req.path.startsWith('/__sandbox/')) return await this.control(req, body);
		if (req.path === '/api' || req.path === '/api/')
			return ok({
				version: '4.10.0',
				timestamp: '2026-01-19 12:00:00',
				queue_services: 'ok',
				data_services: 'ok',
			});
		const token = String(req.headers.api_access_token ?? '');
		if (req.path.startsWith('/platform/api/v1/')) {
			// PlatformController#set_platform_app: the token must belong to a platform app.
			if (token !== this.platformToken) return unauthorized('Invalid access_token');
			return platformApi(this, req, req.path.slice('/platform/api/v1'.length), body);
		}
		if (req.path.startsWith('/public/api/v1/'))
			return clientApi(this, req, req.path.slice('/public/api/v1'.length), body);
		if (req.path === '/api/v1/profile') {
			const owner = this.owner(token);
			if (!owner)
				return token
					? unauthorized('Invalid Access Token')
					: {
							status: 401,
							body: { errors: ['You need to sign in or sign up before continuing.'] },
						};
			if (owner.kind !== 'user')
				return unauthorized('Access to this endpoint is not authorized for bots');
			return settingsApi.profile(this, req, owner.user, body);
		}
		const m = /^\/api\/(v1|v2)\/accounts\/(\d+)(\/.*)?$/.exec(req.path);
		if (!m) return railsNotFound();
		const path = (m[3] ?? '/').replace(/(.)\/$/, '$1');
		const owner = this.owner(token);
		// AccessTokenAuthHelper: an unknown token, then any owner but a user outside the bot endpoints.
		if (!owner)
			return token
				? unauthorized('Invalid Access Token')
				: { status: 401, body: { errors: ['You need to sign in or sign up before continuing.'] } };
		if (
			owner.kind !== 'user' &&
			!(
				m[1] === 'v1' &&
				BOT_ENDPOINTS.some(([method, pattern]) => method === req.method && route(path, pattern))
			)
		) {
			return unauthorized('Access to this endpoint is not authorized for bots');
		}
		// EnsureCurrentAccountHelper: the user must be a member; a bot must serve one of its inboxes.
		const account = this.accounts.get(Number(m[2]));
		if (!account) return { status: 404, body: { error: 'Resource could not be found' } };
		const member = owner.kind === 'user' ? this.membership(account.id, owner.user.id) : undefined;
		if (owner.kind === 'user' && !member)
			return unauthorized('You are not authorized to access this account');
		if (
			owner.kind === 'bot' &&
			![...this.inboxes.values()].some(
				(i) => i.account_id === account.id && i.agent_bot_id === owner.bot.id,
			)
		) {
			return unauthorized('You are not authorized to access this account');
		}
		const call: AccountCall = { req, path, body, account, owner, member };
		if (m[1] === 'v2') return reportsApi(this, call);
		return (
			peopleApi(this, call) ??
			conversationsApi(this, call) ??
			settingsApi.account(this, call) ??
			railsNotFound()
		);
	}

	/** Who a token belongs to, if anyone. */
	owner(token: string): TokenOwner | undefined {
		if (!token) return undefined;
		if (token === this.userToken) {
			const user = this.users.get(this.tokenUserId);
			return user ? { kind: 'user', user } : undefined;
		}
		if (token === this.platformToken) return { kind: 'platformApp' };
		if (token === this.botToken) {
			const bot = this.kind('agentBot').get(this.tokenBotId);
			return bot ? { kind: 'bot', bot } : undefined;
		}
		const bot = [...this.kind('agentBot').values()].find((b) => b.access_token === token);
		return bot ? { kind: 'bot', bot } : undefined;
	}

	/**
	 * Control endpoints under the platform's prefix (other processes drive webhooks through them):
	 * POST /__sandbox/emit {event, payload?, accountId?} delivers an event and answers the deliveries;
	 * GET /__sandbox/deliveries lists them; POST /__sandbox/seed fills the account.
	 */
	private async control(req: SandboxRequest, body: Body): Promise<SandboxResponse> {
		if (req.path === '/__sandbox/emit' && req.method === 'POST') {
			const event = String(body.event ?? '');
			const payload = (
				body.payload && typeof body.payload === 'object'
					? body.payload
					: this.deliverer.samplePayload(event)
			) as Body;
			return ok({
				deliveries: await this.emit(event, payload, Number(body.accountId ?? CHATWOOT_ACCOUNT_ID)),
			});
		}
		if (req.path === '/__sandbox/deliveries') return ok({ deliveries: this.deliverer.deliveries });
		if (req.path === '/__sandbox/seed' && req.method === 'POST')
			return ok({ seeded: !!this.seed() });
		return railsNotFound();
	}
}
