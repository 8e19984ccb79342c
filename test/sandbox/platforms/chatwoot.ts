import type { SandboxCredential, SandboxPlatform, SandboxRequest, SandboxResponse } from '../types';

export const CHATWOOT_PLATFORM_TOKEN = 'sandbox-cw-platform-token-7c1e';
export const CHATWOOT_USER_TOKEN = 'sandbox-cw-user-token-3b9d';
export const CHATWOOT_ACCOUNT_ID = 1;
/** An account the sandbox's platform app did not create (its ownership rule applies). */
export const CHATWOOT_FOREIGN_ACCOUNT_ID = 2;

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
	/** Labels (acts_as_taggable): not part of the contact JSON, read and set at /contacts/{id}/labels. */
	labels: string[];
	created_at: number;
}

type Body = Record<string, unknown>;

const PAGE_SIZE = 15;
const PASSWORD_SPECIALS = "!@#$%^&*()_+-=[]{}|'";
const E164 = /^\+[1-9]\d{1,14}$/;
const EMAIL = /^[^@\s]+@[^@\s]+$/;
const INBOXES: Record<number, Record<string, unknown>> = { 1: { id: 1, name: 'Website', channel_type: 'Channel::WebWidget' } };

const ok = (body: unknown): SandboxResponse => ({ status: 200, body });
const empty = (): SandboxResponse => ({ status: 200, raw: '' });
const invalid = (messages: string[], attributes: string[]): SandboxResponse => ({
	status: 422,
	body: { message: messages.join(', '), attributes },
});
// Rails' default for a record not found outside the application API's handler.
const railsNotFound = (): SandboxResponse => ({ status: 404, body: { status: 404, error: 'Not Found' } });
const appNotFound = (): SandboxResponse => ({ status: 404, body: { error: 'Resource could not be found' } });

/**
 * Chatwoot's Platform API (platform app token) and Application API (user access token) as read
 * from upstream 4.10: one `api_access_token` header for both, each token kind refused by the
 * other API with that API's own 401 body, the platform app's ownership rule, 422
 * {message, attributes}, contact pages of 15, and search requiring `q`.
 */
export class ChatwootSandbox implements SandboxPlatform {
	readonly name = 'chatwoot';
	readonly prefix = '/chatwoot';
	platformToken = CHATWOOT_PLATFORM_TOKEN;
	userToken = CHATWOOT_USER_TOKEN;
	/** The user the user access token belongs to. */
	tokenUserId = 1;
	users = new Map<number, CwUser>();
	accounts = new Map<number, CwAccount>();
	accountUsers: CwAccountUser[] = [];
	contacts = new Map<number, CwContact>();
	/** The last SSO link handed out, for tests. */
	lastLoginUrl = '';
	private nextUserId = 1;
	private nextContactId = 1;
	private ssoCounter = 0;

	constructor() {
		this.reset();
	}

	reset(): void {
		this.users.clear();
		this.accounts.clear();
		this.contacts.clear();
		this.accountUsers = [];
		this.nextUserId = 1;
		this.nextContactId = 1;
		this.ssoCounter = 0;
		this.lastLoginUrl = '';
		this.platformToken = CHATWOOT_PLATFORM_TOKEN;
		this.userToken = CHATWOOT_USER_TOKEN;
		this.accounts.set(1, { id: 1, name: 'Acme Support', ownedByApp: true, agentLimit: 100 });
		this.accounts.set(2, { id: 2, name: 'Other Company', ownedByApp: false, agentLimit: 100 });
		// The owner of the user access token: made in the Chatwoot UI, so not the platform app's.
		const owner = this.addUser({ name: 'Olena Owner', email: 'owner@acme.test', ownedByApp: false });
		this.tokenUserId = owner.id;
		this.accountUsers.push({ account_id: 1, user_id: owner.id, role: 'administrator', availability: 'online', auto_offline: true });
	}

	credentials(sandboxUrl: string): SandboxCredential[] {
		const url = `${sandboxUrl}${this.prefix}`;
		return [
			{ name: 'Chatwoot Platform (sandbox)', type: 'chatwootPlatformApi', data: { url, platformToken: this.platformToken } },
			{
				name: 'Chatwoot account 1 (sandbox)',
				type: 'chatwootApi',
				data: { url, accountId: CHATWOOT_ACCOUNT_ID, accessToken: this.userToken },
			},
		];
	}

	snapshot(): unknown {
		return {
			users: [...this.users.values()].map(({ password: _p, ...u }) => u),
			accounts: [...this.accounts.values()],
			accountUsers: this.accountUsers,
			contacts: [...this.contacts.values()],
		};
	}

	/** Seed a user directly (tests). */
	addUser(fields: Partial<CwUser> & { name: string; email: string }): CwUser {
		const id = this.nextUserId++;
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
		this.accountUsers.push({ account_id: accountId, user_id: userId, role, availability: 'offline', auto_offline: true });
	}

	/** Seed a contact directly (tests). */
	addContact(fields: Partial<CwContact> = {}): CwContact {
		const id = this.nextContactId++;
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
			labels: [],
			created_at: 1_700_000_000 + id,
			...fields,
		};
		this.contacts.set(id, contact);
		return contact;
	}

	handle(req: SandboxRequest): SandboxResponse {
		if (req.bodyError) return { status: 400, body: { status: 400, error: 'Bad Request' } };
		const body = (req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {}) as Body;
		const token = String(req.headers.api_access_token ?? '');
		if (req.path.startsWith('/platform/api/v1/')) {
			// PlatformController: the token must belong to a platform app.
			if (token !== this.platformToken) return { status: 401, body: { error: 'Invalid access_token' } };
			return this.platform(req, req.path.slice('/platform/api/v1'.length), body);
		}
		const m = /^\/api\/v1\/accounts\/(\d+)(\/.*)?$/.exec(req.path);
		if (m) {
			// AccessTokenAuthHelper: a user's token; a platform app token is no user.
			if (token !== this.userToken) return { status: 401, body: { error: 'Invalid Access Token' } };
			const account = this.accounts.get(Number(m[1]));
			if (!account) return appNotFound();
			const member = this.membership(account.id, this.tokenUserId);
			if (!member) return { status: 401, body: { error: 'You are not authorized to access this account' } };
			return this.application(req, account, member, m[2] ?? '/', body);
		}
		return railsNotFound();
	}

	// ---- Platform API ----

	private platform(req: SandboxRequest, path: string, body: Body): SandboxResponse {
		if (path === '/agent_bots' && req.method === 'GET') return ok([]);
		if (path === '/users' && req.method === 'POST') return this.platformCreateUser(body);
		const user = /^\/users\/(\d+)(\/login)?$/.exec(path);
		if (user) {
			const found = this.users.get(Number(user[1]));
			if (!found) return railsNotFound();
			if (!found.ownedByApp) return { status: 401, body: { error: 'Non permissible resource' } };
			if (user[2]) return req.method === 'GET' ? this.login(req, found) : railsNotFound();
			if (req.method === 'GET') return ok(this.platformUser(found));
			if (req.method === 'PATCH') return this.platformUpdateUser(found, body);
			if (req.method === 'DELETE') {
				this.users.delete(found.id);
				this.accountUsers = this.accountUsers.filter((au) => au.user_id !== found.id);
				return empty();
			}
			return railsNotFound();
		}
		const accountUsers = /^\/accounts\/(\d+)\/account_users$/.exec(path);
		if (accountUsers) {
			const account = this.accounts.get(Number(accountUsers[1]));
			if (!account) return railsNotFound();
			if (!account.ownedByApp) return { status: 401, body: { error: 'Non permissible resource' } };
			return this.platformAccountUsers(req, account, body);
		}
		return railsNotFound();
	}

	private platformCreateUser(body: Body): SandboxResponse {
		const email = typeof body.email === 'string' ? body.email.trim() : '';
		// Users::create: User.from_email(email) || User.new(params): a taken email returns that user as it is.
		const existing = [...this.users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
		if (email && existing) {
			existing.ownedByApp = true;
			return ok(this.platformUser(existing));
		}
		const errors = this.userErrors(body, true);
		if (errors.messages.length) return invalid(errors.messages, errors.attributes);
		const user = this.addUser({
			name: String(body.name),
			email,
			display_name: typeof body.display_name === 'string' ? body.display_name : null,
			password: String(body.password),
			custom_attributes: isObject(body.custom_attributes) ? body.custom_attributes : {},
		});
		return ok(this.platformUser(user));
	}

	private platformUpdateUser(user: CwUser, body: Body): SandboxResponse {
		const errors = this.userErrors(body, false, user.id);
		if (errors.messages.length) return invalid(errors.messages, errors.attributes);
		if (typeof body.name === 'string') user.name = body.name;
		if (typeof body.display_name === 'string') user.display_name = body.display_name;
		if (typeof body.email === 'string') user.email = body.email.trim();
		if (typeof body.password === 'string') user.password = body.password;
		if (isObject(body.custom_attributes)) user.custom_attributes = { ...user.custom_attributes, ...body.custom_attributes };
		return ok(this.platformUser(user));
	}

	private userErrors(body: Body, creating: boolean, selfId?: number): { messages: string[]; attributes: string[] } {
		const messages: string[] = [];
		const attributes: string[] = [];
		const add = (attribute: string, message: string) => {
			messages.push(message);
			if (!attributes.includes(attribute)) attributes.push(attribute);
		};
		if (creating || body.name !== undefined) {
			if (typeof body.name !== 'string' || body.name.trim() === '') add('name', "Name can't be blank");
		}
		if (creating || body.email !== undefined) {
			const email = typeof body.email === 'string' ? body.email.trim() : '';
			if (!email) add('email', "Email can't be blank");
			else if (!EMAIL.test(email)) add('email', 'Email is invalid');
			else if ([...this.users.values()].some((u) => u.id !== selfId && u.email.toLowerCase() === email.toLowerCase())) {
				add('email', 'Email has already been taken');
			}
		}
		if (creating || body.password !== undefined) {
			const password = typeof body.password === 'string' ? body.password : '';
			if (password.length < 6) add('password', 'Password is too short (minimum is 6 characters)');
			if (!/[A-Z]/.test(password)) add('password', 'Password must contain at least 1 uppercase character');
			if (!/[a-z]/.test(password)) add('password', 'Password must contain at least 1 lowercase character');
			if (!/[0-9]/.test(password)) add('password', 'Password must contain at least 1 digit');
			if (![...password].some((c) => PASSWORD_SPECIALS.includes(c))) add('password', 'Password must contain at least 1 special character');
		}
		return { messages, attributes };
	}

	private login(req: SandboxRequest, user: CwUser): SandboxResponse {
		this.ssoCounter++;
		const token = `sso${user.id}t${this.ssoCounter}a7b6c5d4e3f2`;
		const frontend = `http://${String(req.headers.host ?? '127.0.0.1')}${this.prefix}`;
		this.lastLoginUrl = `${frontend}/app/login?email=${encodeURIComponent(user.email)}&sso_auth_token=${token}`;
		return ok({ url: this.lastLoginUrl });
	}

	private platformAccountUsers(req: SandboxRequest, account: CwAccount, body: Body): SandboxResponse {
		if (req.method === 'GET') {
			return ok(this.accountUsers.filter((au) => au.account_id === account.id).map(({ account_id, user_id, role }) => ({ account_id, user_id, role })));
		}
		const userId = Number(body.user_id ?? req.query.user_id);
		if (req.method === 'POST') {
			if (!body.user_id) return { status: 422, body: { error: 'param is missing or the value is empty: user_id' } };
			if (body.role !== 'agent' && body.role !== 'administrator') return invalid(['Role is not included in the list'], ['role']);
			if (!this.users.has(userId)) return invalid(['User must exist'], ['user']);
			// find_or_initialize_by(user_id) then update role: repeating it changes nothing more.
			let membership = this.membership(account.id, userId);
			if (!membership) {
				membership = { account_id: account.id, user_id: userId, role: body.role, availability: 'offline', auto_offline: true };
				this.accountUsers.push(membership);
			}
			membership.role = body.role;
			return ok({ account_id: account.id, user_id: userId, role: membership.role });
		}
		if (req.method === 'DELETE') {
			const membership = this.membership(account.id, userId);
			if (!membership) return railsNotFound();
			this.accountUsers = this.accountUsers.filter((au) => au !== membership);
			return empty();
		}
		return railsNotFound();
	}

	private platformUser(u: CwUser): Record<string, unknown> {
		const memberships = this.accountUsers.filter((au) => au.user_id === u.id);
		const out: Record<string, unknown> = {
			access_token: u.access_token,
			account_id: memberships[0]?.account_id ?? null,
			available_name: u.display_name ?? u.name,
			avatar_url: '',
			confirmed: u.confirmed,
			display_name: u.display_name,
			message_signature: null,
			email: u.email,
			id: u.id,
			name: u.name,
			provider: 'email',
			pubsub_token: u.pubsub_token,
			role: memberships[0]?.role ?? null,
			ui_settings: {},
			uid: u.email,
			accounts: memberships.map((au) => ({ id: au.account_id, name: this.accounts.get(au.account_id)?.name, active_at: null, role: au.role })),
		};
		if (Object.keys(u.custom_attributes).length) out.custom_attributes = u.custom_attributes;
		return out;
	}

	// ---- Application API ----

	private application(req: SandboxRequest, account: CwAccount, member: CwAccountUser, path: string, body: Body): SandboxResponse {
		if (path === '/agents' || path.startsWith('/agents/')) return this.agents(req, account, member, path, body);
		if (path === '/contacts' || path.startsWith('/contacts/')) return this.contactsRoute(req, account, path, body);
		return railsNotFound();
	}

	private agents(req: SandboxRequest, account: CwAccount, member: CwAccountUser, path: string, body: Body): SandboxResponse {
		const members = () => this.accountUsers.filter((au) => au.account_id === account.id);
		if (path === '/agents' && req.method === 'GET') {
			const list = members()
				.map((au) => ({ au, user: this.users.get(au.user_id) }))
				.filter((x): x is { au: CwAccountUser; user: CwUser } => !!x.user)
				.sort((a, b) => a.user.name.localeCompare(b.user.name))
				.map(({ au, user }) => this.agentJson(user, au));
			return ok(list);
		}
		if (member.role !== 'administrator') return { status: 401, body: { error: 'You are not authorized to do this action' } };
		if (path === '/agents' && req.method === 'POST') {
			if (Object.keys(body).length === 0) return { status: 422, body: { error: 'param is missing or the value is empty: agent' } };
			if (members().length >= account.agentLimit) return { status: 402, body: { error: 'Account limit exceeded. Please purchase more licenses' } };
			const email = typeof body.email === 'string' ? body.email.trim() : '';
			if (body.role !== 'agent' && body.role !== 'administrator') return invalid(['Role is not included in the list'], ['role']);
			let user = [...this.users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
			if (!user) {
				const errors = this.userErrors({ name: body.name, email }, false);
				if (errors.messages.length) return invalid(errors.messages, errors.attributes);
				user = this.addUser({ name: String(body.name), email, confirmed: false, ownedByApp: false });
			}
			if (this.membership(account.id, user.id)) return invalid(['User has already been taken'], ['user_id']);
			const au: CwAccountUser = {
				account_id: account.id,
				user_id: user.id,
				role: body.role,
				availability: isAvailability(body.availability) ? body.availability : 'offline',
				auto_offline: typeof body.auto_offline === 'boolean' ? body.auto_offline : true,
			};
			this.accountUsers.push(au);
			return ok(this.agentJson(user, au));
		}
		const m = /^\/agents\/(\d+)$/.exec(path);
		const au = m ? this.membership(account.id, Number(m[1])) : undefined;
		const user = au ? this.users.get(au.user_id) : undefined;
		if (!au || !user) return appNotFound();
		if (req.method === 'PATCH') {
			if (body.role !== undefined && body.role !== 'agent' && body.role !== 'administrator') {
				return invalid(['Role is not included in the list'], ['role']);
			}
			if (typeof body.name === 'string') user.name = body.name;
			if (body.role === 'agent' || body.role === 'administrator') au.role = body.role;
			// The controller reads `availability`; `availability_status` (the spec's name) is not permitted.
			if (isAvailability(body.availability)) au.availability = body.availability;
			if (typeof body.auto_offline === 'boolean') au.auto_offline = body.auto_offline;
			return ok(this.agentJson(user, au));
		}
		if (req.method === 'DELETE') {
			this.accountUsers = this.accountUsers.filter((x) => x !== au);
			if (!this.accountUsers.some((x) => x.user_id === user.id)) this.users.delete(user.id);
			return empty();
		}
		return railsNotFound();
	}

	private agentJson(user: CwUser, au: CwAccountUser): Record<string, unknown> {
		return {
			id: user.id,
			account_id: au.account_id,
			availability_status: au.availability,
			auto_offline: au.auto_offline,
			confirmed: user.confirmed,
			email: user.email,
			provider: 'email',
			available_name: user.display_name ?? user.name,
			name: user.name,
			role: au.role,
			thumbnail: '',
		};
	}

	private contactsRoute(req: SandboxRequest, account: CwAccount, path: string, body: Body): SandboxResponse {
		const inAccount = () => [...this.contacts.values()].filter((c) => c.account_id === account.id).sort((a, b) => a.id - b.id);
		const page = Math.max(1, Number(req.query.page ?? 1) || 1);
		if (path === '/contacts' && req.method === 'GET') {
			// tagged_with(params[:labels], any: true)
			const labels = ([] as string[]).concat(req.query['labels[]'] ?? req.query.labels ?? []).map((l) => l.toLowerCase());
			const resolved = inAccount().filter(
				(c) => (c.email || c.phone_number || c.identifier) && (!labels.length || c.labels.some((l) => labels.includes(l.toLowerCase()))),
			);
			return this.page(sortContacts(resolved, req.query.sort), page);
		}
		if (path === '/contacts' && req.method === 'POST') return this.createContact(account, body);
		if (path === '/contacts/search' && req.method === 'GET') {
			const q = typeof req.query.q === 'string' ? req.query.q.trim() : '';
			if (!q) return { status: 422, body: { error: 'Specify search string with parameter q' } };
			const needle = q.toLowerCase();
			const hits = inAccount().filter((c) =>
				[c.name, c.email, c.phone_number, c.identifier, c.additional_attributes.company_name].some(
					(v) => typeof v === 'string' && v.toLowerCase().includes(needle),
				),
			);
			return this.page(hits, page);
		}
		if (path === '/contacts/filter' && req.method === 'POST') {
			const conditions = Array.isArray(body.payload) ? (body.payload as Body[]) : [];
			if (!conditions.length) return { status: 422, body: { error: 'param is missing or the value is empty: payload' } };
			return this.page(inAccount().filter((c) => matchesFilter(c, conditions)), page);
		}
		const m = /^\/contacts\/(\d+)(\/labels)?$/.exec(path);
		const contact = m ? this.contacts.get(Number(m[1])) : undefined;
		if (!contact || contact.account_id !== account.id) return appNotFound();
		if (m?.[2]) {
			// LabelConcern: index lists them; create replaces the whole list (update_labels).
			if (req.method === 'POST') {
				if (!Array.isArray(body.labels)) return { status: 422, body: { error: 'param is missing or the value is empty: labels' } };
				contact.labels = [...new Set(body.labels.map((l) => String(l).toLowerCase()))];
			} else if (req.method !== 'GET') return railsNotFound();
			return ok({ payload: contact.labels });
		}
		if (req.method === 'GET') return ok({ payload: contactJson(contact) });
		if (req.method === 'PUT') {
			const errors = this.contactErrors(account, body, contact.id);
			if (errors.messages.length) return invalid(errors.messages, errors.attributes);
			applyContact(contact, body);
			return ok({ payload: contactJson(contact) });
		}
		if (req.method === 'DELETE') {
			this.contacts.delete(contact.id);
			return empty();
		}
		return railsNotFound();
	}

	private page(list: CwContact[], page: number): SandboxResponse {
		const slice = list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
		return ok({ meta: { count: list.length, current_page: page }, payload: slice.map(contactJson) });
	}

	private createContact(account: CwAccount, body: Body): SandboxResponse {
		const inboxId = body.inbox_id === undefined ? undefined : Number(body.inbox_id);
		if (inboxId !== undefined && !INBOXES[inboxId]) return appNotFound();
		const errors = this.contactErrors(account, body);
		if (errors.messages.length) return invalid(errors.messages, errors.attributes);
		const contact = this.addContact({ account_id: account.id });
		applyContact(contact, body);
		const contactInbox = inboxId !== undefined
			? { inbox: INBOXES[inboxId], source_id: `source-${contact.id}` }
			: { inbox: null, source_id: null };
		return ok({ payload: { contact: contactJson(contact), contact_inbox: contactInbox } });
	}

	private contactErrors(account: CwAccount, body: Body, selfId?: number): { messages: string[]; attributes: string[] } {
		const messages: string[] = [];
		const attributes: string[] = [];
		const others = [...this.contacts.values()].filter((c) => c.account_id === account.id && c.id !== selfId);
		if (typeof body.email === 'string' && body.email !== '') {
			if (!EMAIL.test(body.email)) {
				messages.push('Email Invalid email');
				attributes.push('email');
			} else if (others.some((c) => c.email?.toLowerCase() === String(body.email).toLowerCase())) {
				messages.push('Email has already been taken');
				attributes.push('email');
			}
		}
		if (typeof body.phone_number === 'string' && body.phone_number !== '' && !E164.test(body.phone_number)) {
			messages.push('Phone number should be in e164 format');
			attributes.push('phone_number');
		}
		if (typeof body.identifier === 'string' && body.identifier !== '' && others.some((c) => c.identifier === body.identifier)) {
			messages.push('Identifier has already been taken');
			attributes.push('identifier');
		}
		return { messages, attributes };
	}

	private membership(accountId: number, userId: number): CwAccountUser | undefined {
		return this.accountUsers.find((au) => au.account_id === accountId && au.user_id === userId);
	}
}

function isObject(v: unknown): v is Record<string, unknown> {
	return !!v && typeof v === 'object' && !Array.isArray(v);
}

function isAvailability(v: unknown): v is CwAccountUser['availability'] {
	return v === 'online' || v === 'busy' || v === 'offline';
}

function applyContact(contact: CwContact, body: Body): void {
	for (const key of ['name', 'email', 'phone_number', 'identifier'] as const) {
		if (typeof body[key] === 'string') contact[key] = body[key] as string;
	}
	if (typeof body.blocked === 'boolean') contact.blocked = body.blocked;
	// Both attribute objects are merged into what the contact has.
	if (isObject(body.custom_attributes)) contact.custom_attributes = { ...contact.custom_attributes, ...body.custom_attributes };
	if (isObject(body.additional_attributes)) {
		contact.additional_attributes = { ...contact.additional_attributes, ...body.additional_attributes };
	}
}

/** Sift's sort: a field name, "-" first for descending; without one the database order (here: by ID). */
function sortContacts(list: CwContact[], sort: unknown): CwContact[] {
	const raw = typeof sort === 'string' ? sort : '';
	const field = raw.replace(/^-/, '');
	if (!['email', 'name', 'phone_number'].includes(field)) return list;
	const value = (c: CwContact) => c[field as 'email'];
	// Postgres puts NULLs last when ascending.
	const sorted = [...list].sort((a, b) => {
		const [x, y] = [value(a), value(b)];
		if (x === y) return 0;
		if (x === null) return 1;
		if (y === null) return -1;
		return x < y ? -1 : 1;
	});
	return raw.startsWith('-') ? sorted.reverse() : sorted;
}

function contactJson(c: CwContact): Record<string, unknown> {
	return {
		additional_attributes: c.additional_attributes,
		availability_status: 'offline',
		email: c.email,
		id: c.id,
		name: c.name,
		phone_number: c.phone_number,
		identifier: c.identifier,
		blocked: c.blocked,
		thumbnail: '',
		custom_attributes: c.custom_attributes,
		last_activity_at: null,
		created_at: c.created_at,
	};
}

const STANDARD_KEYS = ['name', 'email', 'phone_number', 'identifier'];
const ADDITIONAL_KEYS = ['country_code', 'city', 'company_name'];

/** Conditions chained left to right by query_operator, AND binding tighter than OR, as in SQL. */
function matchesFilter(contact: CwContact, conditions: Body[]): boolean {
	const groups: boolean[][] = [[]];
	conditions.forEach((condition, i) => {
		groups[groups.length - 1].push(matchesCondition(contact, condition));
		const op = String(conditions[i].query_operator ?? '').toUpperCase();
		if (op === 'OR' && i < conditions.length - 1) groups.push([]);
	});
	return groups.some((group) => group.every(Boolean));
}

function matchesCondition(contact: CwContact, condition: Body): boolean {
	const key = String(condition.attribute_key ?? '');
	const raw = STANDARD_KEYS.includes(key)
		? contact[key as 'name']
		: ADDITIONAL_KEYS.includes(key)
			? contact.additional_attributes[key]
			: contact.custom_attributes[key];
	const value = raw === null || raw === undefined ? '' : String(raw).toLowerCase();
	const values = (Array.isArray(condition.values) ? condition.values : []).map((v) => String(v).toLowerCase());
	switch (condition.filter_operator) {
		case 'equal_to':
			return values.includes(value);
		case 'not_equal_to':
			return !values.includes(value);
		case 'contains':
			return values.some((v) => value.includes(v));
		case 'does_not_contain':
			return values.every((v) => !value.includes(v));
		default:
			return false;
	}
}
