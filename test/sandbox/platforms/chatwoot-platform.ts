/** Chatwoot's Platform API (platform app token): users, accounts, account users, agent bots. */
import type { SandboxRequest, SandboxResponse } from '../types';
import type { ChatwootSandbox } from './chatwoot';
import { agentBotJson, platformAccountJson, userJson } from './chatwoot-json';
import {
	type Body,
	type CwAccount,
	type CwUser,
	empty,
	invalid,
	isObject,
	ok,
	railsNotFound,
	route,
	unauthorized,
} from './chatwoot-store';

const PASSWORD_SPECIALS = "!@#$%^&*()_+-=[]{}|'";
const EMAIL = /^[^@\s]+@[^@\s]+$/;
const notOwned = () => unauthorized('Non permissible resource');

export function platformApi(
	cw: ChatwootSandbox,
	req: SandboxRequest,
	path: string,
	body: Body,
): SandboxResponse {
	const m = req.method;
	if (path === '/users' && m === 'POST') return createUser(cw, body);
	let p = route(path, '/users/:id') ?? route(path, '/users/:id/:action');
	if (p) {
		const user = cw.users.get(Number(p.id));
		if (!user) return railsNotFound();
		if (!user.ownedByApp) return notOwned();
		if (p.action === 'login')
			return m === 'GET' ? ok({ url: cw.loginUrl(req, user) }) : railsNotFound();
		if (p.action === 'token') {
			if (m !== 'POST') return railsNotFound();
			return ok({
				access_token: user.access_token,
				expiry: null,
				user: {
					id: user.id,
					name: user.name,
					display_name: user.display_name,
					email: user.email,
					pubsub_token: user.pubsub_token,
				},
			});
		}
		if (p.action) return railsNotFound();
		if (m === 'GET') return ok(userJson(cw, user));
		if (m === 'PATCH') return updateUser(cw, user, body);
		if (m === 'DELETE') {
			cw.users.delete(user.id);
			cw.accountUsers = cw.accountUsers.filter((au) => au.user_id !== user.id);
			return empty();
		}
		return railsNotFound();
	}
	if (path === '/accounts') {
		if (m === 'GET')
			return ok([...cw.accounts.values()].filter((a) => a.ownedByApp).map(platformAccountJson));
		if (m === 'POST') return createAccount(cw, body);
	}
	p = route(path, '/accounts/:id/account_users');
	if (p) {
		const account = cw.accounts.get(Number(p.id));
		if (!account) return railsNotFound();
		if (!account.ownedByApp) return notOwned();
		return accountUsers(cw, req, account, body);
	}
	p = route(path, '/accounts/:id');
	if (p) {
		const account = cw.accounts.get(Number(p.id));
		if (!account) return railsNotFound();
		if (!account.ownedByApp) return notOwned();
		if (m === 'GET') return ok(platformAccountJson(account));
		if (m === 'PATCH') return updateAccount(account, body);
		if (m === 'DELETE') {
			cw.accounts.delete(account.id);
			return empty();
		}
		return railsNotFound();
	}
	const bots = cw.kind('agentBot');
	if (path === '/agent_bots') {
		if (m === 'GET') return ok([...bots.values()].filter((b) => b.ownedByApp).map(platformBotJson));
		if (m === 'POST') {
			if (typeof body.name !== 'string' || !body.name.trim())
				return invalid(["Name can't be blank"], ['name']);
			const id = cw.ids.take('agentBot');
			const bot = {
				id,
				account_id: Number(body.account_id ?? 0),
				name: body.name,
				description: body.description ?? null,
				outgoing_url: body.outgoing_url ?? null,
				ownedByApp: true,
				access_token: `bot-token-${id}-a1b2`,
			};
			bots.set(id, bot);
			return ok(platformBotJson(bot));
		}
	}
	p = route(path, '/agent_bots/:id');
	if (p) {
		const bot = bots.get(Number(p.id));
		if (!bot) return railsNotFound();
		if (!bot.ownedByApp) return notOwned();
		if (m === 'GET') return ok(platformBotJson(bot));
		if (m === 'PATCH') {
			for (const key of ['name', 'description', 'outgoing_url', 'avatar_url'])
				if (typeof body[key] === 'string') bot[key] = body[key];
			if (body.account_id !== undefined) bot.account_id = Number(body.account_id);
			return ok(platformBotJson(bot));
		}
		if (m === 'DELETE') {
			bots.delete(bot.id);
			return empty();
		}
	}
	return railsNotFound();
}

/** `platform/api/v1/models/_agent_bot` (it renders the name as outgoing_url: a bug of 4.10 kept out here). */
function platformBotJson(b: Body): Body {
	const { id, name, description, outgoing_url, account_id, access_token } = agentBotJson(
		b as never,
	);
	return { id, name, description, outgoing_url, account_id, access_token };
}

function createUser(cw: ChatwootSandbox, body: Body): SandboxResponse {
	const email = typeof body.email === 'string' ? body.email.trim() : '';
	// Users::create: User.from_email(email) || User.new(params): a taken email returns that user as it is.
	const existing = [...cw.users.values()].find(
		(u) => u.email.toLowerCase() === email.toLowerCase(),
	);
	if (email && existing) {
		existing.ownedByApp = true;
		return ok(userJson(cw, existing));
	}
	const errors = userErrors(cw, body, true);
	if (errors.messages.length) return invalid(errors.messages, errors.attributes);
	const user = cw.addUser({
		name: String(body.name),
		email,
		display_name: typeof body.display_name === 'string' ? body.display_name : null,
		password: String(body.password),
		custom_attributes: isObject(body.custom_attributes) ? body.custom_attributes : {},
	});
	return ok(userJson(cw, user));
}

function updateUser(cw: ChatwootSandbox, user: CwUser, body: Body): SandboxResponse {
	const errors = userErrors(cw, body, false, user.id);
	if (errors.messages.length) return invalid(errors.messages, errors.attributes);
	if (typeof body.name === 'string') user.name = body.name;
	if (typeof body.display_name === 'string') user.display_name = body.display_name;
	if (typeof body.email === 'string') user.email = body.email.trim();
	if (typeof body.password === 'string') user.password = body.password;
	if (isObject(body.custom_attributes))
		user.custom_attributes = { ...user.custom_attributes, ...body.custom_attributes };
	return ok(userJson(cw, user));
}

export function userErrors(
	cw: ChatwootSandbox,
	body: Body,
	creating: boolean,
	selfId?: number,
): { messages: string[]; attributes: string[] } {
	const messages: string[] = [];
	const attributes: string[] = [];
	const add = (attribute: string, message: string) => {
		messages.push(message);
		if (!attributes.includes(attribute)) attributes.push(attribute);
	};
	if (creating || body.name !== undefined) {
		if (typeof body.name !== 'string' || body.name.trim() === '')
			add('name', "Name can't be blank");
	}
	if (creating || body.email !== undefined) {
		const email = typeof body.email === 'string' ? body.email.trim() : '';
		if (!email) add('email', "Email can't be blank");
		else if (!EMAIL.test(email)) add('email', 'Email is invalid');
		else if (
			[...cw.users.values()].some(
				(u) => u.id !== selfId && u.email.toLowerCase() === email.toLowerCase(),
			)
		) {
			add('email', 'Email has already been taken');
		}
	}
	if (creating || body.password !== undefined) {
		const password = typeof body.password === 'string' ? body.password : '';
		if (password.length < 6) add('password', 'Password is too short (minimum is 6 characters)');
		if (!/[A-Z]/.test(password))
			add('password', 'Password must contain at least 1 uppercase character');
		if (!/[a-z]/.test(password))
			add('password', 'Password must contain at least 1 lowercase character');
		if (!/[0-9]/.test(password)) add('password', 'Password must contain at least 1 digit');
		if (![...password].some((c) => PASSWORD_SPECIALS.includes(c)))
			add('password', 'Password must contain at least 1 special character');
	}
	return { messages, attributes };
}

function createAccount(cw: ChatwootSandbox, body: Body): SandboxResponse {
	if (typeof body.name !== 'string' || !body.name.trim())
		return invalid(["Name can't be blank"], ['name']);
	const account: CwAccount = {
		id: cw.ids.take('account'),
		name: body.name,
		ownedByApp: true,
		agentLimit: 100,
	};
	const result = updateAccount(account, body);
	if (result.status === 200) cw.accounts.set(account.id, account);
	return result;
}

function updateAccount(account: CwAccount, body: Body): SandboxResponse {
	if (body.status !== undefined && body.status !== 'active' && body.status !== 'suspended') {
		return { status: 422, body: { error: `'${String(body.status)}' is not a valid status` } };
	}
	for (const key of ['name', 'locale', 'domain', 'support_email'] as const)
		if (typeof body[key] === 'string') account[key] = body[key] as string;
	if (body.status === 'active' || body.status === 'suspended') account.status = body.status;
	if (isObject(body.limits)) account.limits = body.limits;
	if (isObject(body.custom_attributes))
		account.custom_attributes = { ...(account.custom_attributes ?? {}), ...body.custom_attributes };
	return ok(platformAccountJson(account));
}

function accountUsers(
	cw: ChatwootSandbox,
	req: SandboxRequest,
	account: CwAccount,
	body: Body,
): SandboxResponse {
	if (req.method === 'GET') {
		return ok(
			cw.accountUsers
				.filter((au) => au.account_id === account.id)
				.map(({ account_id, user_id, role }) => ({ account_id, user_id, role })),
		);
	}
	const userId = Number(body.user_id ?? req.query.user_id);
	if (req.method === 'POST') {
		if (!body.user_id)
			return { status: 422, body: { error: 'param is missing or the value is empty: user_id' } };
		if (body.role !== 'agent' && body.role !== 'administrator')
			return invalid(['Role is not included in the list'], ['role']);
		if (!cw.users.has(userId)) return invalid(['User must exist'], ['user']);
		// find_or_initialize_by(user_id) then update role: repeating it changes nothing more.
		let membership = cw.membership(account.id, userId);
		if (!membership) {
			membership = {
				account_id: account.id,
				user_id: userId,
				role: body.role,
				availability: 'offline',
				auto_offline: true,
			};
			cw.accountUsers.push(membership);
		}
		membership.role = body.role;
		return ok({ account_id: account.id, user_id: userId, role: membership.role });
	}
	if (req.method === 'DELETE') {
		const membership = cw.membership(account.id, userId);
		if (!membership) return railsNotFound();
		cw.accountUsers = cw.accountUsers.filter((au) => au !== membership);
		return empty();
	}
	return railsNotFound();
}
