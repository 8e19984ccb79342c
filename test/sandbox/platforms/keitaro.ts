import type { SandboxCredential, SandboxPlatform, SandboxRequest, SandboxResponse } from '../types';

export const KEITARO_SANDBOX_KEY = 'sandbox-keitaro-key-5f3a';

export interface KeitaroSandboxUser {
	id: number;
	login: string;
	type: 'USER' | 'ADMIN';
	state: 'active' | 'deleted';
	password: string;
	preferences: Record<string, unknown>;
	access_data: Record<string, unknown>;
	key_count: number;
}

const defaultAccess = () => ({
	offers_access_type: 'full_access',
	campaigns_access_type: 'full_access',
	landings_access_type: 'full_access',
	traffic_sources_access_type: 'full_access',
	streams_access_type: 'full_access',
	affiliate_networks_access_type: 'full_access',
	domains_access_type: 'full_access',
	resources: [] as string[],
	reports: [] as string[],
	allowed_resources: [] as string[],
});

const ACCESS_LEVELS = [
	'full_access',
	'read_only',
	'to_groups_and_selected',
	'created_by_user_groups_and_selected',
];

/**
 * Keitaro's Admin API as documented (admin_api/v1, spec copy of 2022): Api-Key header,
 * 402 outside the Business edition, 406 field maps on validation, DELETE answering 201.
 */
export class KeitaroSandbox implements SandboxPlatform {
	readonly name = 'keitaro';
	readonly prefix = '/keitaro';
	apiKey = KEITARO_SANDBOX_KEY;
	edition: 'business' | 'pro' = 'business';
	users = new Map<number, KeitaroSandboxUser>();
	private nextId = 1;

	reset(): void {
		this.users.clear();
		this.nextId = 1;
		this.edition = 'business';
		this.apiKey = KEITARO_SANDBOX_KEY;
	}

	credentials(sandboxUrl: string): SandboxCredential[] {
		return [
			{
				name: 'Keitaro (sandbox)',
				type: 'keitaroApi',
				data: { url: `${sandboxUrl}${this.prefix}`, apiKey: this.apiKey },
			},
		];
	}

	snapshot(): unknown {
		return [...this.users.values()].map(publicUser);
	}

	/** Seed a user directly (tests). */
	addUser(login: string, extra: Partial<KeitaroSandboxUser> = {}): KeitaroSandboxUser {
		const user: KeitaroSandboxUser = {
			id: this.nextId++,
			login,
			type: 'USER',
			state: 'active',
			password: 'seeded',
			preferences: { language: 'en', timezone: 'UTC', first_weekday: '1' },
			access_data: defaultAccess(),
			key_count: 0,
			...extra,
		};
		this.users.set(user.id, user);
		return user;
	}

	handle(req: SandboxRequest): SandboxResponse {
		if (!req.path.startsWith('/admin_api/v1/'))
			return { status: 404, body: { error: 'Not found' } };
		if (req.headers['api-key'] !== this.apiKey)
			return { status: 401, body: { error: 'Access denied' } };
		if (this.edition !== 'business')
			return { status: 402, body: { error: 'Admin API is not available in that edition' } };
		if (req.bodyError) return { status: 400, body: { error: 'Malformed JSON' } };
		const path = req.path.slice('/admin_api/v1'.length);
		const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<
			string,
			unknown
		>;

		if (path === '/users' && req.method === 'GET')
			return { status: 200, body: [...this.users.values()].map(publicUser) };
		if (path === '/users' && req.method === 'POST') return this.create(body);
		const m = /^\/users\/(\d+)(\/access)?$/.exec(path);
		if (!m) return { status: 404, body: { error: 'Not found' } };
		const user = this.users.get(Number(m[1]));
		if (!user) return { status: 404, body: { error: 'User not found' } };
		if (m[2]) {
			if (req.method !== 'PUT') return { status: 405, body: { error: 'Method not allowed' } };
			return this.setAccess(user, body);
		}
		if (req.method === 'GET') return { status: 200, body: publicUser(user) };
		if (req.method === 'PUT') return this.update(user, body);
		if (req.method === 'DELETE') {
			this.users.delete(user.id);
			return { status: 201, raw: '' };
		}
		return { status: 405, body: { error: 'Method not allowed' } };
	}

	private create(body: Record<string, unknown>): SandboxResponse {
		const errors: Record<string, string[]> = {};
		for (const field of ['login', 'type', 'new_password', 'new_password_confirmation']) {
			if (typeof body[field] !== 'string' || body[field] === '')
				errors[field] = ['This field is required'];
		}
		this.checkCommon(body, errors);
		if (Object.keys(errors).length) return { status: 406, body: errors };
		const user = this.addUser(String(body.login), {
			type: body.type as 'USER' | 'ADMIN',
			password: String(body.new_password),
		});
		if (body.preferences && typeof body.preferences === 'object')
			user.preferences = { ...user.preferences, ...(body.preferences as object) };
		return { status: 200, body: publicUser(user) };
	}

	private update(user: KeitaroSandboxUser, body: Record<string, unknown>): SandboxResponse {
		const errors: Record<string, string[]> = {};
		this.checkCommon(body, errors, user.id);
		if (Object.keys(errors).length) return { status: 406, body: errors };
		if (typeof body.login === 'string') user.login = body.login;
		if (body.type === 'USER' || body.type === 'ADMIN') user.type = body.type;
		if (typeof body.new_password === 'string') user.password = body.new_password;
		// Keitaro replaces the preferences object it is given.
		if (body.preferences && typeof body.preferences === 'object')
			user.preferences = { ...(body.preferences as object) };
		return { status: 200, body: publicUser(user) };
	}

	private checkCommon(
		body: Record<string, unknown>,
		errors: Record<string, string[]>,
		selfId?: number,
	): void {
		if (body.type !== undefined && body.type !== 'USER' && body.type !== 'ADMIN')
			errors.type = ['Invalid type'];
		if (body.new_password !== undefined && body.new_password !== body.new_password_confirmation) {
			errors.new_password_confirmation = ['Passwords do not match'];
		}
		if (typeof body.login === 'string') {
			const taken = [...this.users.values()].some(
				(u) => u.login.toLowerCase() === String(body.login).toLowerCase() && u.id !== selfId,
			);
			if (taken) errors.login = ['Login already exists'];
		}
	}

	private setAccess(user: KeitaroSandboxUser, body: Record<string, unknown>): SandboxResponse {
		const access = body.access_data;
		if (!access || typeof access !== 'object')
			return { status: 400, body: { error: 'access_data is required' } };
		for (const [k, v] of Object.entries(access)) {
			if (k.endsWith('_access_type') && !ACCESS_LEVELS.includes(String(v)))
				return { status: 400, body: { error: `Invalid value for ${k}` } };
		}
		// The whole access_data is replaced by what was sent.
		user.access_data = { ...(access as Record<string, unknown>), allowed_resources: [] };
		return { status: 200, body: publicUser(user) };
	}
}

export function publicUser(u: KeitaroSandboxUser): Record<string, unknown> {
	const { password: _password, ...rest } = u;
	return rest;
}
