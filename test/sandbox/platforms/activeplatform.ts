import type { SandboxCredential, SandboxPlatform, SandboxRequest, SandboxResponse } from '../types';

export const ACTIVEPLATFORM_SANDBOX_TOKEN = 'ap-sandbox-token-9d41c7e2b';
/** An account that is always there (the examples sync its users); seeded ones get IDs from 2000501. */
export const ACTIVEPLATFORM_DEMO_ACCOUNT = 2000500;

export interface APSandboxUser {
	id: number;
	first_name: string;
	middle_name: string;
	last_name: string;
	email: string;
	password: string;
	status: 'active' | 'inactive';
	/** Stored by key; read back as {name, value} with the attribute's display name. */
	custom: Array<{ key: string; value: string }>;
	created_at: string;
	updated_at: string;
}

export interface APSandboxAccount {
	id: number;
	name: string;
	status: string;
}

export interface APSandboxAccess {
	account_id: number;
	user_id: number;
	role: 'user' | 'admin' | 'owner';
}

const ROLES = ['user', 'admin', 'owner'];
const SORT_FIELDS = ['id', 'email', 'first_name', 'last_name', 'created_at', 'updated_at'];
const DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * ActivePlatform's vendor API as documented (api-guide 6.0): api_token in the query string,
 * form-encoded bodies with custom_attributes[][key]/[value], bare-array lists paged by
 * page/per_page, {"error": "..."} bodies. What the docs leave open is chosen here and named
 * in docs/readme-activeplatform.md: 401 for a bad token, Grape-style 400 "x is missing",
 * 404 "Couldn't find ...", 422 for conflicts; per_page defaults to 25 and is capped at 100.
 */
export class ActivePlatformSandbox implements SandboxPlatform {
	readonly name = 'activeplatform';
	readonly prefix = '/activeplatform';
	token = ACTIVEPLATFORM_SANDBOX_TOKEN;
	/** Lists as the docs show them (bare array), or wrapped with paging metadata. */
	listShape: 'array' | 'envelope' = 'array';
	/** Attribute keys the operator set up, with their display names. */
	attributes: Record<string, string> = { age: 'Age', crm_id: 'CRM ID', department: 'Department' };
	users = new Map<number, APSandboxUser>();
	accounts = new Map<number, APSandboxAccount>([[ACTIVEPLATFORM_DEMO_ACCOUNT, demoAccount()]]);
	accesses: APSandboxAccess[] = [];
	/** Form pairs of each form-encoded request, in wire order (the shared log keeps only the nested body). */
	forms: Array<Array<[string, string]>> = [];
	private nextUserId = 2021001;
	private nextAccountId = 2000501;
	private clock = Date.parse('2024-05-01T09:00:00Z');

	reset(): void {
		this.token = ACTIVEPLATFORM_SANDBOX_TOKEN;
		this.listShape = 'array';
		this.users.clear();
		this.accounts = new Map([[ACTIVEPLATFORM_DEMO_ACCOUNT, demoAccount()]]);
		this.accesses = [];
		this.forms = [];
		this.nextUserId = 2021001;
		this.nextAccountId = 2000501;
		this.clock = Date.parse('2024-05-01T09:00:00Z');
	}

	credentials(sandboxUrl: string): SandboxCredential[] {
		return [
			{
				name: 'ActivePlatform (sandbox)',
				type: 'activePlatformApi',
				data: { url: `${sandboxUrl}${this.prefix}`, apiToken: this.token },
			},
		];
	}

	snapshot(): unknown {
		return {
			users: [...this.users.values()].map((u) => this.publicUser(u)),
			accounts: [...this.accounts.values()],
			accesses: this.accesses,
		};
	}

	/** Seed a user directly (tests). */
	addUser(email: string, extra: Partial<APSandboxUser> = {}): APSandboxUser {
		const now = this.tick();
		const user: APSandboxUser = {
			id: this.nextUserId++,
			first_name: 'Test',
			middle_name: '',
			last_name: 'User',
			email,
			password: 'seeded-password',
			// The docs' create example answers "active"; "inactive" comes from the operator panel.
			status: 'active',
			custom: [],
			created_at: now,
			updated_at: now,
			...extra,
		};
		this.users.set(user.id, user);
		return user;
	}

	addAccount(name: string): APSandboxAccount {
		const account = { id: this.nextAccountId++, name, status: 'active' };
		this.accounts.set(account.id, account);
		return account;
	}

	attach(userId: number, accountId: number, role: APSandboxAccess['role'] = 'user'): void {
		this.accesses.push({ account_id: accountId, user_id: userId, role });
	}

	handle(req: SandboxRequest): SandboxResponse {
		if (req.form) this.forms.push(req.form);
		const token = req.query.api_token;
		if (token === undefined || token === '')
			return { status: 401, body: { error: 'api_token is missing' } };
		if (token !== this.token) return { status: 401, body: { error: 'Unauthorized' } };
		if (req.bodyError) return { status: 400, body: { error: 'body is invalid' } };
		// The docs write paths with .json and some examples without: both work.
		const path = req.path.replace(/\.json$/, '');
		const params = this.params(req);

		if (path === '/api/vendor/v1/users') {
			if (req.method === 'GET') return this.list(params);
			if (req.method === 'POST') return this.create(params);
		}
		let m = /^\/api\/vendor\/v1\/users\/(\d+)(\/accounts)?$/.exec(path);
		if (m) {
			const user = this.users.get(Number(m[1]));
			if (!user) return notFound('User', m[1]);
			if (m[2] && req.method === 'GET') return { status: 200, body: this.accountsOf(user.id) };
			if (!m[2] && req.method === 'GET') return { status: 200, body: this.publicUser(user) };
			if (!m[2] && req.method === 'PUT') return this.update(user, params);
			return { status: 405, body: { error: '405 Not Allowed' } };
		}
		m = /^\/api\/vendor\/v1\/accounts\/(\d+)\/users$/.exec(path);
		if (m && req.method === 'GET') {
			if (!this.accounts.has(Number(m[1]))) return notFound('Account', m[1]);
			const ids = this.accesses.filter((a) => a.account_id === Number(m![1])).map((a) => a.user_id);
			return { status: 200, body: ids.map((id) => this.publicUser(this.users.get(id)!)) };
		}
		if (path === '/api/v2/vendor/account_accesses' && req.method === 'POST')
			return this.attachRequest(params);
		if (path === '/api/v2/vendor/account_accesses/detach' && req.method === 'DELETE')
			return this.detachRequest(params);
		return { status: 404, body: { error: '404 Not Found' } };
	}

	/** Query and body merged, the way Grape/Rails read params (body wins). */
	private params(req: SandboxRequest): Record<string, unknown> {
		const body =
			req.body && typeof req.body === 'object' && !Array.isArray(req.body)
				? (req.body as Record<string, unknown>)
				: {};
		const query: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(req.query)) if (k !== 'api_token') query[k] = v;
		return { ...query, ...body };
	}

	private list(params: Record<string, unknown>): SandboxResponse {
		const q = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : undefined);
		const status = q('filters[status]');
		if (status !== undefined && status !== 'active' && status !== 'inactive')
			return invalid('filters[status] does not have a valid value');
		for (const f of ['created_at', 'updated_at']) {
			const v = q(`filters[${f}]`);
			if (v !== undefined && !DATE.test(v)) return invalid(`filters[${f}] is invalid`);
		}
		const sortField = q('sorting[field]') ?? 'id';
		if (!SORT_FIELDS.includes(sortField))
			return invalid('sorting[field] does not have a valid value');
		const page = Number(q('page') ?? '1');
		const perPageRaw = Number(q('per_page') ?? '25');
		if (!Number.isInteger(page) || page < 1) return invalid('page is invalid');
		if (!Number.isInteger(perPageRaw) || perPageRaw < 1) return invalid('per_page is invalid');
		const perPage = Math.min(perPageRaw, 100);

		const email = q('filters[email]')?.toLowerCase();
		const day = (v: string | undefined) => v?.slice(0, 10);
		let users = [...this.users.values()].filter(
			(u) =>
				// Partial, case-insensitive: the docs do not say, and this is the harder case for callers.
				(!email || u.email.toLowerCase().includes(email)) &&
				(!status || u.status === status) &&
				(!q('filters[created_at]') || u.created_at.startsWith(day(q('filters[created_at]'))!)) &&
				(!q('filters[updated_at]') || u.updated_at.startsWith(day(q('filters[updated_at]'))!)),
		);
		const key = sortField as keyof APSandboxUser;
		users = users.sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0));
		if (q('sorting[reversed]') === 'true') users.reverse();
		const slice = users.slice((page - 1) * perPage, page * perPage).map((u) => this.publicUser(u));
		if (this.listShape === 'array') return { status: 200, body: slice };
		return {
			status: 200,
			body: {
				users: slice,
				meta: {
					page,
					per_page: perPage,
					total_count: users.length,
					total_pages: Math.ceil(users.length / perPage),
				},
			},
		};
	}

	private create(params: Record<string, unknown>): SandboxResponse {
		const missing = ['first_name', 'last_name', 'password', 'email'].filter(
			(f) => !nonEmpty(params[f]),
		);
		if (missing.length) return invalid(missing.map((f) => `${f} is missing`).join(', '));
		const email = String(params.email);
		if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return invalid('email is invalid');
		const problem =
			this.checkPassword(params.password) ?? this.checkAttributes(params.custom_attributes);
		if (problem) return problem;
		if ([...this.users.values()].some((u) => u.email.toLowerCase() === email.toLowerCase())) {
			return { status: 422, body: { error: 'Email has already been taken' } };
		}
		const user = this.addUser(email, {
			first_name: String(params.first_name),
			middle_name: nonEmpty(params.middle_name) ? String(params.middle_name) : '',
			last_name: String(params.last_name),
			password: String(params.password),
			custom: attributeList(params.custom_attributes),
		});
		return { status: 201, body: this.publicUser(user) };
	}

	private update(user: APSandboxUser, params: Record<string, unknown>): SandboxResponse {
		if (params.password !== undefined) {
			const problem = this.checkPassword(params.password);
			if (problem) return problem;
		}
		const problem = this.checkAttributes(params.custom_attributes);
		if (problem) return problem;
		// email is not an update parameter: like any undeclared parameter, it is ignored.
		for (const f of ['first_name', 'middle_name', 'last_name'] as const) {
			if (typeof params[f] === 'string') user[f] = params[f] as string;
		}
		if (typeof params.password === 'string') user.password = params.password;
		for (const attr of attributeList(params.custom_attributes)) {
			const existing = user.custom.find((c) => c.key === attr.key);
			if (existing) existing.value = attr.value;
			else user.custom.push(attr);
		}
		user.updated_at = this.tick();
		return { status: 200, body: this.publicUser(user) };
	}

	private attachRequest(params: Record<string, unknown>): SandboxResponse {
		const missing = ['account_id', 'user_id'].filter((f) => !nonEmpty(params[f]));
		if (missing.length) return invalid(missing.map((f) => `${f} is missing`).join(', '));
		const role = nonEmpty(params.role) ? String(params.role) : 'user';
		if (!ROLES.includes(role)) return invalid('role does not have a valid value');
		const user = this.users.get(Number(params.user_id));
		if (!user) return notFound('User', params.user_id);
		const account = this.accounts.get(Number(params.account_id));
		if (!account) return notFound('Account', params.account_id);
		if (this.accesses.some((a) => a.account_id === account.id && a.user_id === user.id)) {
			return { status: 422, body: { error: 'User is already attached to the account' } };
		}
		if (
			role === 'owner' &&
			this.accesses.some((a) => a.account_id === account.id && a.role === 'owner')
		) {
			return { status: 422, body: { error: 'Account already has an owner' } };
		}
		this.attach(user.id, account.id, role as APSandboxAccess['role']);
		return { status: 201, raw: '' };
	}

	private detachRequest(params: Record<string, unknown>): SandboxResponse {
		const missing = ['account_id', 'user_id'].filter((f) => !nonEmpty(params[f]));
		if (missing.length) return invalid(missing.map((f) => `${f} is missing`).join(', '));
		const user = this.users.get(Number(params.user_id));
		if (!user) return notFound('User', params.user_id);
		const account = this.accounts.get(Number(params.account_id));
		if (!account) return notFound('Account', params.account_id);
		const access = this.accesses.find((a) => a.account_id === account.id && a.user_id === user.id);
		if (!access) return { status: 422, body: { error: 'User is not attached to the account' } };
		if (access.role === 'owner') return { status: 422, body: { error: "Owner can't be detached" } };
		this.accesses = this.accesses.filter((a) => a !== access);
		return { status: 204, raw: '' };
	}

	private accountsOf(userId: number): unknown[] {
		return this.accesses
			.filter((a) => a.user_id === userId)
			.map((a) => ({ ...this.accounts.get(a.account_id)!, role: a.role }));
	}

	private checkPassword(value: unknown): SandboxResponse | undefined {
		// Stands in for the operator's Password settings.
		if (typeof value !== 'string' || value.length < 8)
			return invalid('password is too short (minimum is 8 characters)');
		return undefined;
	}

	private checkAttributes(value: unknown): SandboxResponse | undefined {
		if (value === undefined) return undefined;
		if (!Array.isArray(value)) return invalid('custom_attributes is invalid');
		for (const entry of value as Array<Record<string, unknown>>) {
			if (!entry || typeof entry !== 'object' || !nonEmpty(entry.key))
				return invalid('custom_attributes[key] is missing');
			if (!(String(entry.key) in this.attributes)) return notFound('Attribute', entry.key, 'key');
		}
		return undefined;
	}

	publicUser(u: APSandboxUser): Record<string, unknown> {
		return {
			id: u.id,
			first_name: u.first_name,
			middle_name: u.middle_name,
			last_name: u.last_name,
			email: u.email,
			status: u.status,
			custom_attributes: u.custom.map((c) => ({
				name: this.attributes[c.key] ?? c.key,
				value: c.value,
			})),
			created_at: u.created_at,
			updated_at: u.updated_at,
		};
	}

	/** Each write moves the clock a minute, so created_at/updated_at differ and sort. */
	private tick(): string {
		this.clock += 60_000;
		// ActivePlatform writes ISO 8601 with the server's offset, e.g. 2016-10-07T14:15:47.746+03:00.
		return new Date(this.clock + 3 * 3600_000).toISOString().replace('Z', '+03:00');
	}
}

function demoAccount(): APSandboxAccount {
	return { id: ACTIVEPLATFORM_DEMO_ACCOUNT, name: 'Demo Company', status: 'active' };
}

function nonEmpty(value: unknown): boolean {
	return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

function attributeList(value: unknown): Array<{ key: string; value: string }> {
	if (!Array.isArray(value)) return [];
	return (value as Array<Record<string, unknown>>).map((e) => ({
		key: String(e.key),
		value: String(e.value ?? ''),
	}));
}

/** Grape-style parameter errors: HTTP 400, messages joined by ", ". */
function invalid(message: string): SandboxResponse {
	return { status: 400, body: { error: message } };
}

/** ActiveRecord's text, trailing space included, as the docs' examples show it. */
function notFound(model: string, id: unknown, field = 'id'): SandboxResponse {
	return { status: 404, body: { error: `Couldn't find ${model} with '${field}'=${String(id)} ` } };
}
