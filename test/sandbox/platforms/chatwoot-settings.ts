/**
 * Application API: the account's settings and their records (inboxes and members, teams and
 * members, labels, canned responses, custom attributes and filters, automation rules, agent bots,
 * webhooks, integrations, help center), the account itself, the profile, audit logs and
 * reporting events.
 */
import type { SandboxRequest, SandboxResponse } from '../types';
import type { AccountCall, ChatwootSandbox } from './chatwoot';
import {
	accountJson,
	agentBotJson,
	agentJson,
	inboxJson,
	recordJson,
	teamJson,
	userJson,
	webhookJson,
} from './chatwoot-json';
import {
	appNotFound,
	type Body,
	couldNotCreate,
	type CwAccountUser,
	type CwInbox,
	type CwRecord,
	type CwUser,
	type CwWebhook,
	empty,
	invalid,
	isObject,
	numberOf,
	ok,
	queryText,
	railsNotFound,
	route,
	unauthorized,
	WEBHOOK_EVENTS,
	wrapped,
} from './chatwoot-store';

const ATTRIBUTE_MODELS = ['conversation_attribute', 'contact_attribute'];
const DISPLAY_TYPES = ['text', 'number', 'currency', 'percent', 'link', 'date', 'list', 'checkbox'];
const INTEGRATION_APPS = [
	'webhook',
	'dialogflow',
	'slack',
	'dyte',
	'google_translate',
	'openai',
	'linear',
];

export const settingsApi = {
	account(cw: ChatwootSandbox, call: AccountCall): SandboxResponse | undefined {
		const { path, req } = call;
		if (path === '/')
			return req.method === 'GET'
				? ok(accountJson(call.account))
				: req.method === 'PATCH'
					? updateAccount(call)
					: railsNotFound();
		const handlers: Array<[string, (cw: ChatwootSandbox, call: AccountCall) => SandboxResponse]> = [
			['/inbox_members', inboxMembers],
			['/inboxes', inboxes],
			['/teams', teams],
			['/labels', labels],
			['/canned_responses', cannedResponses],
			['/custom_attribute_definitions', customAttributes],
			['/custom_filters', customFilters],
			['/automation_rules', automationRules],
			['/agent_bots', agentBots],
			['/webhooks', webhooks],
			['/integrations', integrations],
			['/portals', portals],
			['/audit_logs', auditLogs],
			['/reporting_events', reportingEvents],
		];
		for (const [prefix, handler] of handlers)
			if (path === prefix || path.startsWith(`${prefix}/`)) return handler(cw, call);
		return undefined;
	},

	/** GET / PUT /api/v1/profile: the token's own user; the body comes as `profile[...]`. */
	profile(cw: ChatwootSandbox, req: SandboxRequest, user: CwUser, body: Body): SandboxResponse {
		if (req.method === 'GET') return ok(userJson(cw, user));
		if (req.method !== 'PUT') return railsNotFound();
		const profile = isObject(body.profile) ? body.profile : undefined;
		if (!profile) return couldNotCreate('param is missing or the value is empty: profile');
		if (profile.password !== undefined) {
			if (profile.current_password !== user.password)
				return couldNotCreate('Invalid current password');
			if (profile.password !== profile.password_confirmation)
				return invalid(["Password confirmation doesn't match Password"], ['password_confirmation']);
			user.password = String(profile.password);
		}
		for (const key of [
			'name',
			'display_name',
			'email',
			'message_signature',
			'phone_number',
		] as const) {
			if (typeof profile[key] === 'string') (user as unknown as Body)[key] = profile[key];
		}
		if (isObject(profile.ui_settings))
			user.ui_settings = { ...(user.ui_settings ?? {}), ...profile.ui_settings };
		return ok(userJson(cw, user));
	},
};

const admin = (call: AccountCall) => call.member?.role === 'administrator';
const notAllowed = () => unauthorized('You are not authorized to do this action');

function updateAccount({ account, body: raw, member }: AccountCall): SandboxResponse {
	if (member?.role !== 'administrator') return notAllowed();
	const body = wrapped(raw, 'account');
	for (const key of ['name', 'locale', 'domain', 'support_email'] as const)
		if (typeof body[key] === 'string') account[key] = body[key] as string;
	const settings = { ...(account.settings ?? {}) };
	for (const key of ['auto_resolve_after', 'auto_resolve_message', 'auto_resolve_ignore_waiting'])
		if (key in body) settings[key] = body[key];
	account.settings = settings;
	const custom = { ...(account.custom_attributes ?? {}) };
	for (const key of ['industry', 'company_size', 'timezone'])
		if (typeof body[key] === 'string') custom[key] = body[key];
	account.custom_attributes = custom;
	return ok(accountJson(account));
}

/** Plain CRUD over one kind of record; `shape` renders, `check` validates (messages, attributes). */
function crud(
	cw: ChatwootSandbox,
	call: AccountCall,
	o: {
		kind: string;
		base: string;
		wrap: string;
		permit: string[];
		shape: (r: CwRecord) => unknown;
		list: (records: CwRecord[]) => unknown;
		one?: (r: CwRecord) => unknown;
		check?: (fields: Body, self?: CwRecord) => string[];
		adminOnly?: boolean;
		filter?: (r: CwRecord) => boolean;
		create?: (r: CwRecord) => void;
		deleteStatus?: 200 | 204;
	},
): SandboxResponse {
	const { req, path, account } = call;
	const store = cw.kind(o.kind);
	const mine = () =>
		[...store.values()].filter((r) => r.account_id === account.id && (!o.filter || o.filter(r)));
	const fields = (): Body => {
		const body = wrapped(call.body, o.wrap);
		return Object.fromEntries(o.permit.filter((k) => k in body).map((k) => [k, body[k]]));
	};
	const one = o.one ?? o.shape;
	if (path === o.base) {
		if (req.method === 'GET') return ok(o.list(mine().map((r) => r)));
		if (req.method !== 'POST') return railsNotFound();
		if (o.adminOnly && !admin(call)) return notAllowed();
		const given = fields();
		const errors = o.check?.(given) ?? [];
		if (errors.length)
			return invalid(
				errors,
				errors.map((e) => e.split(' ')[0].toLowerCase()),
			);
		const record: CwRecord = { id: cw.ids.take(o.kind), account_id: account.id, ...given };
		o.create?.(record);
		store.set(record.id, record);
		return ok(one(record));
	}
	const p = route(path, `${o.base}/:id`);
	if (!p) return railsNotFound();
	const record = store.get(Number(p.id));
	if (!record || record.account_id !== account.id || (o.filter && !o.filter(record)))
		return appNotFound();
	if (req.method === 'GET') return ok(one(record));
	if (o.adminOnly && !admin(call)) return notAllowed();
	if (req.method === 'PATCH' || req.method === 'PUT') {
		const given = fields();
		const errors = o.check?.(given, record) ?? [];
		if (errors.length)
			return invalid(
				errors,
				errors.map((e) => e.split(' ')[0].toLowerCase()),
			);
		Object.assign(record, given);
		return ok(one(record));
	}
	if (req.method === 'DELETE') {
		store.delete(record.id);
		return o.deleteStatus === 204 ? { status: 204, raw: '' } : empty();
	}
	return railsNotFound();
}

const required = (
	fields: Body,
	self: CwRecord | undefined,
	key: string,
	label: string,
): string[] =>
	!self && (typeof fields[key] !== 'string' || !(fields[key] as string).trim())
		? [`${label} can't be blank`]
		: [];

const unique = (
	cw: ChatwootSandbox,
	kind: string,
	accountId: number,
	key: string,
	label: string,
	fields: Body,
	self?: CwRecord,
): string[] => {
	const value = fields[key];
	if (typeof value !== 'string') return [];
	const taken = [...cw.kind(kind).values()].some(
		(r) =>
			r.account_id === accountId &&
			r !== self &&
			String(r[key]).toLowerCase() === value.toLowerCase(),
	);
	return taken ? [`${label} has already been taken`] : [];
};

function labels(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const shape = (l: CwRecord) => ({
		id: l.id,
		title: l.title,
		description: l.description ?? null,
		color: l.color ?? '#1f93ff',
		show_on_sidebar: l.show_on_sidebar ?? true,
	});
	return crud(cw, call, {
		kind: 'label',
		base: '/labels',
		wrap: 'label',
		permit: ['title', 'description', 'color', 'show_on_sidebar'],
		shape,
		list: (all) => ({ payload: all.map(shape) }),
		adminOnly: true,
		check: (f, self) => {
			const errors = [
				...required(f, self, 'title', 'Title'),
				...unique(cw, 'label', call.account.id, 'title', 'Title', f, self),
			];
			if (typeof f.title === 'string' && !/^[\w-]+$/.test(f.title)) errors.push('Title is invalid');
			return errors;
		},
	});
}

function cannedResponses(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const shape = (c: CwRecord) => ({
		id: c.id,
		account_id: c.account_id,
		short_code: c.short_code,
		content: c.content,
		created_at: '2026-01-01T00:00:00.000Z',
		updated_at: '2026-01-01T00:00:00.000Z',
	});
	const search = queryText(call.req, 'search')?.toLowerCase();
	return crud(cw, call, {
		kind: 'cannedResponse',
		base: '/canned_responses',
		wrap: 'canned_response',
		permit: ['short_code', 'content'],
		shape,
		// CannedResponsesController#index filters by `search` (short code or content).
		list: (all) =>
			all
				.filter(
					(c) =>
						!search ||
						`${String(c.short_code)} ${String(c.content)}`.toLowerCase().includes(search),
				)
				.map(shape),
		check: (f, self) => [
			...required(f, self, 'short_code', 'Short code'),
			...required(f, self, 'content', 'Content'),
			...unique(cw, 'cannedResponse', call.account.id, 'short_code', 'Short code', f, self),
		],
	});
}

function customAttributes(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const shape = (d: CwRecord) => ({
		id: d.id,
		attribute_display_name: d.attribute_display_name,
		attribute_display_type:
			DISPLAY_TYPES[Number(d.attribute_display_type ?? 0)] ?? d.attribute_display_type,
		attribute_description: d.attribute_description ?? null,
		attribute_key: d.attribute_key,
		regex_pattern: d.regex_pattern ?? null,
		regex_cue: d.regex_cue ?? null,
		attribute_values: d.attribute_values ?? [],
		attribute_model: ATTRIBUTE_MODELS[Number(d.attribute_model ?? 0)] ?? d.attribute_model,
		default_value: null,
		created_at: '2026-01-01T00:00:00.000Z',
		updated_at: '2026-01-01T00:00:00.000Z',
	});
	const model = queryText(call.req, 'attribute_model');
	return crud(cw, call, {
		kind: 'customAttribute',
		base: '/custom_attribute_definitions',
		wrap: 'custom_attribute_definition',
		permit: [
			'attribute_display_name',
			'attribute_description',
			'attribute_display_type',
			'attribute_key',
			'attribute_model',
			'regex_pattern',
			'regex_cue',
			'attribute_values',
		],
		shape,
		list: (all) =>
			all.filter((d) => model === undefined || String(d.attribute_model ?? 0) === model).map(shape),
		deleteStatus: 204,
		check: (f, self) => {
			const errors = [
				...required(f, self, 'attribute_display_name', 'Attribute display name'),
				...required(f, self, 'attribute_key', 'Attribute key'),
			];
			const taken = [...cw.kind('customAttribute').values()].some(
				(d) =>
					d !== self &&
					d.account_id === call.account.id &&
					d.attribute_key === f.attribute_key &&
					String(d.attribute_model ?? 0) ===
						String(f.attribute_model ?? self?.attribute_model ?? 0),
			);
			if (f.attribute_key !== undefined && taken)
				errors.push('Attribute key has already been taken');
			return errors;
		},
	});
}

function customFilters(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const shape = (f: CwRecord) => ({
		id: f.id,
		name: f.name,
		filter_type: f.filter_type ?? 'conversation',
		query: f.query ?? {},
		created_at: '2026-01-01T00:00:00.000Z',
		updated_at: '2026-01-01T00:00:00.000Z',
	});
	const type = queryText(call.req, 'filter_type') ?? 'conversation';
	const me = call.owner.kind === 'user' ? call.owner.user.id : 0;
	return crud(cw, call, {
		kind: 'customFilter',
		base: '/custom_filters',
		wrap: 'custom_filter',
		// The controller permits filter_type (the spec says `type`); `type` is dropped.
		permit: ['name', 'filter_type', 'query'],
		shape,
		list: (all) => all.filter((f) => (f.filter_type ?? 'conversation') === type).map(shape),
		filter: (f) => f.user_id === me,
		create: (f) => (f.user_id = me),
		deleteStatus: 204,
		check: (f, self) => [
			...required(f, self, 'name', 'Name'),
			...(f.filter_type !== undefined &&
			!['conversation', 'contact', 'report'].includes(String(f.filter_type))
				? ['Filter type is not included in the list']
				: []),
		],
	});
}

function automationRules(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const shape = (r: CwRecord) => ({
		id: r.id,
		account_id: r.account_id,
		name: r.name,
		description: r.description ?? null,
		event_name: r.event_name,
		conditions: r.conditions ?? [],
		actions: r.actions ?? [],
		created_on: 1_767_225_600,
		active: r.active ?? true,
	});
	const raw = call.body;
	return crud(cw, call, {
		kind: 'automationRule',
		base: '/automation_rules',
		wrap: 'automation_rule',
		permit: ['name', 'description', 'event_name', 'active', 'conditions', 'actions'],
		shape,
		one: (r) => (call.req.method === 'POST' ? shape(r) : { payload: shape(r) }),
		list: (all) => ({ payload: all.map(shape) }),
		adminOnly: true,
		check: (f, self) => {
			if (self) return [];
			const errors = [...required(f, self, 'name', 'Name')];
			if (
				![
					'conversation_created',
					'conversation_updated',
					'conversation_resolved',
					'message_created',
					'conversation_opened',
				].includes(String(f.event_name))
			)
				errors.push('Event name is not included in the list');
			if (!Array.isArray(raw.conditions) || !raw.conditions.length)
				errors.push('Conditions Automation conditions should be present');
			if (!Array.isArray(raw.actions) || !raw.actions.length)
				errors.push('Actions Automation actions should be present');
			return errors;
		},
	});
}

function agentBots(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const { req, path, account } = call;
	const store = cw.kind('agentBot');
	// AgentBot.accessible_to(account): the account's bots and the installation-wide ones.
	const accessible = [...store.values()].filter(
		(b) => b.account_id === account.id || !b.account_id,
	);
	if (path === '/agent_bots' && req.method === 'GET') return ok(accessible.map(agentBotJson));
	if (!admin(call)) return notAllowed();
	const body = wrapped(call.body, 'agent_bot');
	const permit = (b: CwRecord) => {
		for (const key of ['name', 'description', 'outgoing_url', 'bot_config'])
			if (key in body) b[key] = body[key];
		if (body.bot_type !== undefined)
			b.bot_type = Number(body.bot_type) === 0 ? 'webhook' : body.bot_type;
		if (typeof body.avatar_url === 'string') b.avatar_url = body.avatar_url;
	};
	if (path === '/agent_bots' && req.method === 'POST') {
		if (typeof body.name !== 'string' || !body.name.trim())
			return invalid(["Name can't be blank"], ['name']);
		const id = cw.ids.take('agentBot');
		const bot: CwRecord = { id, account_id: account.id, access_token: `bot-token-${id}-a1b2` };
		permit(bot);
		store.set(id, bot);
		return ok(agentBotJson(bot));
	}
	const p = route(path, '/agent_bots/:id');
	const bot = p ? store.get(Number(p.id)) : undefined;
	if (!bot || (req.method === 'GET' ? !accessible.includes(bot) : bot.account_id !== account.id))
		return appNotFound();
	if (req.method === 'GET') return ok(agentBotJson(bot));
	if (req.method === 'PATCH') {
		permit(bot);
		return ok(agentBotJson(bot));
	}
	if (req.method === 'DELETE') {
		store.delete(bot.id);
		return empty();
	}
	return railsNotFound();
}

function webhooks(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const { req, path, account } = call;
	if (!admin(call)) return notAllowed();
	const mine = () => [...cw.webhooks.values()].filter((w) => w.account_id === account.id);
	const body = wrapped(call.body, 'webhook');
	const errors = (w: Partial<CwWebhook>, self?: CwWebhook): string[] => {
		const out: string[] = [];
		if (typeof w.url !== 'string' || !/^https?:\/\/\S+$/.test(w.url)) out.push('Url is invalid');
		else if (mine().some((x) => x !== self && x.url === w.url))
			out.push('Url has already been taken');
		const subs = w.subscriptions;
		if (!Array.isArray(subs) || !subs.length || subs.some((s) => !WEBHOOK_EVENTS.includes(s)))
			out.push('Subscriptions Invalid events');
		return out;
	};
	if (path === '/webhooks') {
		if (req.method === 'GET')
			return ok({ payload: { webhooks: mine().map((w) => webhookJson(cw, w)) } });
		if (req.method !== 'POST') return railsNotFound();
		const fields = {
			url: body.url as string,
			name: (body.name as string) ?? null,
			subscriptions: body.subscriptions as string[],
		};
		const problems = errors(fields);
		if (problems.length)
			return invalid(
				problems,
				problems.map((p) => p.split(' ')[0].toLowerCase()),
			);
		const id = cw.ids.take('webhook');
		const webhook: CwWebhook = {
			id,
			account_id: account.id,
			...fields,
			secret: `whsec-sandbox-${id}-${Math.random().toString(36).slice(2, 10)}`,
		};
		cw.webhooks.set(id, webhook);
		return ok({ payload: { webhook: webhookJson(cw, webhook) } });
	}
	const p = route(path, '/webhooks/:id');
	const webhook = p ? cw.webhooks.get(Number(p.id)) : undefined;
	if (!webhook || webhook.account_id !== account.id) return appNotFound();
	if (req.method === 'PATCH' || req.method === 'PUT') {
		const next = {
			...webhook,
			...(typeof body.url === 'string' ? { url: body.url } : {}),
			...(body.name !== undefined ? { name: body.name as string } : {}),
			...(body.subscriptions !== undefined
				? { subscriptions: body.subscriptions as string[] }
				: {}),
		};
		const problems = errors(next, webhook);
		if (problems.length)
			return invalid(
				problems,
				problems.map((x) => x.split(' ')[0].toLowerCase()),
			);
		Object.assign(webhook, next);
		return ok({ payload: { webhook: webhookJson(cw, webhook) } });
	}
	if (req.method === 'DELETE') {
		cw.webhooks.delete(webhook.id);
		return empty();
	}
	return railsNotFound();
}

function integrations(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const { req, path, account } = call;
	const hooks = cw.kind('hook');
	const hookJson = (h: CwRecord) => ({
		id: h.id,
		app_id: h.app_id,
		status: h.status !== 0,
		inbox: h.inbox_id ? { id: h.inbox_id, name: cw.inboxes.get(Number(h.inbox_id))?.name } : null,
		account_id: h.account_id,
		hook_type: h.inbox_id ? 'inbox' : 'account',
		settings: h.settings ?? {},
	});
	if (path === '/integrations/apps' && req.method === 'GET') {
		return ok({
			payload: INTEGRATION_APPS.map((id) => ({
				id,
				name: id.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()),
				description: `The ${id} integration`,
				enabled: [...hooks.values()].some((h) => h.account_id === account.id && h.app_id === id),
				hooks: [...hooks.values()]
					.filter((h) => h.account_id === account.id && h.app_id === id)
					.map(hookJson),
			})),
		});
	}
	if (!admin(call)) return notAllowed();
	const body = wrapped(call.body, 'hook');
	if (path === '/integrations/hooks' && req.method === 'POST') {
		if (!INTEGRATION_APPS.includes(String(body.app_id)))
			return invalid(['App is not included in the list'], ['app_id']);
		const hook: CwRecord = {
			id: cw.ids.take('hook'),
			account_id: account.id,
			app_id: body.app_id,
			inbox_id: numberOf(body.inbox_id) ?? null,
			status: numberOf(body.status) ?? 1,
			settings: isObject(body.settings) ? body.settings : {},
		};
		hooks.set(hook.id, hook);
		return ok(hookJson(hook));
	}
	const p = route(path, '/integrations/hooks/:id');
	const hook = p ? hooks.get(Number(p.id)) : undefined;
	if (!hook || hook.account_id !== account.id) return appNotFound();
	if (req.method === 'PATCH') {
		if (body.status !== undefined) hook.status = Number(body.status);
		if (isObject(body.settings)) hook.settings = body.settings;
		return ok(hookJson(hook));
	}
	if (req.method === 'DELETE') {
		hooks.delete(hook.id);
		return empty();
	}
	return railsNotFound();
}

function portals(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const { req, path, account } = call;
	const store = cw.kind('portal');
	const portalJson = (p: CwRecord) => ({
		id: p.id,
		color: p.color ?? null,
		custom_domain: p.custom_domain ?? null,
		header_text: p.header_text ?? null,
		homepage_link: p.homepage_link ?? null,
		name: p.name,
		page_title: p.page_title ?? null,
		slug: p.slug,
		archived: p.archived ?? false,
		account_id: p.account_id,
		config: {
			allowed_locales: (
				(p.config as Body | undefined)?.allowed_locales as string[] | undefined
			)?.map((code) => ({ code, articles_count: 0, categories_count: 0 })) ?? [
				{ code: 'en', articles_count: 0, categories_count: 0 },
			],
		},
		meta: {
			all_articles_count: 0,
			archived_articles_count: 0,
			published_count: 0,
			draft_articles_count: 0,
			categories_count: 0,
			default_locale: 'en',
		},
	});
	const body = wrapped(call.body, 'portal');
	const mine = () => [...store.values()].filter((p) => p.account_id === account.id);
	if (path === '/portals') {
		if (req.method === 'GET')
			return ok({
				payload: mine().map(portalJson),
				meta: { current_page: 1, portals_count: mine().length },
			});
		if (req.method !== 'POST') return railsNotFound();
		if (!admin(call)) return notAllowed();
		const errors: string[] = [];
		if (typeof body.name !== 'string' || !body.name) errors.push("Name can't be blank");
		if (typeof body.slug !== 'string' || !body.slug) errors.push("Slug can't be blank");
		else if ([...store.values()].some((p) => p.slug === body.slug))
			errors.push('Slug has already been taken');
		if (errors.length)
			return invalid(
				errors,
				errors.map((e) => e.split(' ')[0].toLowerCase()),
			);
		const portal: CwRecord = { id: cw.ids.take('portal'), account_id: account.id };
		for (const key of [
			'color',
			'custom_domain',
			'header_text',
			'homepage_link',
			'name',
			'page_title',
			'slug',
			'archived',
			'config',
		])
			if (key in body) portal[key] = body[key];
		store.set(portal.id, portal);
		return ok(portalJson(portal));
	}
	// PortalsController#fetch_portal: portals are found by slug.
	const p = route(path, '/portals/:slug') ?? route(path, '/portals/:slug/:sub');
	const portal = p ? mine().find((x) => x.slug === p.slug) : undefined;
	if (!p || !portal) return appNotFound();
	if (!p.sub) {
		if (req.method === 'GET') return ok(portalJson(portal));
		if (req.method !== 'PATCH') return railsNotFound();
		if (!admin(call)) return notAllowed();
		for (const key of [
			'color',
			'custom_domain',
			'header_text',
			'homepage_link',
			'name',
			'page_title',
			'slug',
			'archived',
			'config',
		])
			if (key in body) portal[key] = body[key];
		return ok(portalJson(portal));
	}
	if (p.sub === 'categories') return categories(cw, call, portal);
	if (p.sub === 'articles') return articles(cw, call, portal);
	return railsNotFound();
}

function categories(cw: ChatwootSandbox, call: AccountCall, portal: CwRecord): SandboxResponse {
	const store = cw.kind('category');
	const json = (c: CwRecord) => ({
		id: c.id,
		name: c.name,
		slug: c.slug,
		locale: c.locale,
		description: c.description ?? null,
		position: c.position ?? null,
		account_id: c.account_id,
		icon: c.icon ?? null,
		related_categories: [],
		meta: { articles_count: 0 },
	});
	const mine = [...store.values()].filter((c) => c.portal_id === portal.id);
	if (call.req.method === 'GET')
		return ok({
			payload: mine
				.filter((c) => !queryText(call.req, 'locale') || c.locale === queryText(call.req, 'locale'))
				.map(json),
			meta: { current_page: 1, categories_count: mine.length },
		});
	if (call.req.method !== 'POST') return railsNotFound();
	const body = wrapped(call.body, 'category');
	const errors: string[] = [];
	for (const [key, label] of [
		['name', 'Name'],
		['slug', 'Slug'],
		['locale', 'Locale'],
	])
		if (typeof body[key] !== 'string' || !body[key]) errors.push(`${label} can't be blank`);
	if (!errors.length && mine.some((c) => c.slug === body.slug && c.locale === body.locale))
		errors.push('Slug has already been taken');
	if (errors.length)
		return invalid(
			errors,
			errors.map((e) => e.split(' ')[0].toLowerCase()),
		);
	const category: CwRecord = {
		id: cw.ids.take('category'),
		account_id: call.account.id,
		portal_id: portal.id,
	};
	for (const key of [
		'name',
		'description',
		'position',
		'slug',
		'locale',
		'icon',
		'parent_category_id',
		'associated_category_id',
	])
		if (key in body) category[key] = body[key];
	store.set(category.id, category);
	return ok({ payload: json(category) });
}

function articles(cw: ChatwootSandbox, call: AccountCall, portal: CwRecord): SandboxResponse {
	const store = cw.kind('article');
	const author = cw.users.get(cw.tokenUserId);
	const au = cw.membership(call.account.id, cw.tokenUserId) as CwAccountUser;
	const json = (a: CwRecord) => ({
		id: a.id,
		slug: a.slug,
		title: a.title,
		content: a.content,
		description: a.description ?? null,
		status: ['draft', 'published', 'archived'][Number(a.status ?? 0)] ?? 'draft',
		position: a.position ?? null,
		account_id: a.account_id,
		updated_at: 1_767_225_600,
		meta: a.meta ?? {},
		category: { id: a.category_id ?? null, name: null, slug: null, locale: a.locale ?? 'en' },
		views: 0,
		author: author ? agentJson(author, au) : null,
		associated_articles: [],
	});
	const mine = [...store.values()].filter((a) => a.portal_id === portal.id);
	if (call.req.method === 'GET')
		return ok({
			payload: mine.map(json),
			meta: { all_articles_count: mine.length, current_page: 1 },
		});
	if (call.req.method !== 'POST') return railsNotFound();
	const body = wrapped(call.body, 'article');
	const errors: string[] = [];
	if (typeof body.title !== 'string' || !body.title) errors.push("Title can't be blank");
	if (typeof body.content !== 'string' || !body.content) errors.push("Content can't be blank");
	if (errors.length)
		return invalid(
			errors,
			errors.map((e) => e.split(' ')[0].toLowerCase()),
		);
	const article: CwRecord = {
		id: cw.ids.take('article'),
		account_id: call.account.id,
		portal_id: portal.id,
	};
	for (const key of [
		'title',
		'slug',
		'position',
		'content',
		'description',
		'category_id',
		'author_id',
		'associated_article_id',
		'status',
		'locale',
		'meta',
	])
		if (key in body) article[key] = body[key];
	if (!article.slug)
		article.slug = `${String(article.title)
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')}-${article.id}`;
	store.set(article.id, article);
	return ok({ payload: json(article) });
}

function inboxes(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const { req, path, account } = call;
	const mine = () =>
		[...cw.inboxes.values()]
			.filter((i) => i.account_id === account.id)
			.sort((a, b) => a.name.localeCompare(b.name));
	const body = wrapped(call.body, 'inbox');
	const SETTINGS = [
		'greeting_enabled',
		'greeting_message',
		'enable_email_collect',
		'csat_survey_enabled',
		'enable_auto_assignment',
		'working_hours_enabled',
		'out_of_office_message',
		'timezone',
		'allow_messages_after_resolved',
		'lock_to_single_conversation',
		'portal_id',
		'sender_name_type',
		'business_name',
	];
	const apply = (inbox: CwInbox) => {
		if (typeof body.name === 'string') inbox.name = body.name;
		for (const key of SETTINGS) if (key in body) inbox.settings[key] = body[key];
		if (isObject(body.channel))
			for (const [key, value] of Object.entries(body.channel))
				if (key !== 'type') inbox.settings[key] = value;
	};
	if (path === '/inboxes') {
		if (req.method === 'GET') return ok({ payload: mine().map(inboxJson) });
		if (req.method !== 'POST') return railsNotFound();
		if (!admin(call)) return notAllowed();
		const channel = isObject(body.channel) ? body.channel : {};
		if (channel.type !== 'web_widget' && channel.type !== 'api')
			return couldNotCreate('Invalid channel type');
		if (typeof body.name !== 'string' || !body.name)
			return invalid(["Name can't be blank"], ['name']);
		const id = cw.ids.take('inbox');
		const inbox: CwInbox = {
			id,
			account_id: account.id,
			name: body.name,
			channel_type: channel.type === 'api' ? 'Channel::Api' : 'Channel::WebWidget',
			identifier: channel.type === 'api' ? `api-inbox-${id}` : undefined,
			settings:
				channel.type === 'web_widget'
					? { website_token: `widget-token-${id}`, web_widget_script: '<script>…</script>' }
					: {},
			members: [],
		};
		apply(inbox);
		cw.inboxes.set(id, inbox);
		return ok(inboxJson(inbox));
	}
	const p = route(path, '/inboxes/:id') ?? route(path, '/inboxes/:id/:action');
	const inbox = p ? cw.inboxes.get(Number(p.id)) : undefined;
	if (!p || !inbox || inbox.account_id !== account.id) return appNotFound();
	if (!p.action) {
		if (req.method === 'GET') return ok(inboxJson(inbox));
		if (req.method === 'PATCH') {
			if (!admin(call)) return notAllowed();
			apply(inbox);
			return ok(inboxJson(inbox));
		}
		return railsNotFound();
	}
	if (p.action === 'agent_bot' && req.method === 'GET') {
		const bot = inbox.agent_bot_id ? cw.kind('agentBot').get(inbox.agent_bot_id) : undefined;
		return ok({ agent_bot: bot ? agentBotJson(bot) : {} });
	}
	if (p.action === 'set_agent_bot' && req.method === 'POST') {
		if (!admin(call)) return notAllowed();
		// InboxesController#fetch_agent_bot: a blank agent_bot removes the inbox's bot.
		if (
			call.body.agent_bot === null ||
			call.body.agent_bot === undefined ||
			call.body.agent_bot === ''
		)
			delete inbox.agent_bot_id;
		else {
			const bot = cw.kind('agentBot').get(Number(call.body.agent_bot));
			if (!bot) return appNotFound();
			inbox.agent_bot_id = bot.id;
		}
		return empty();
	}
	return railsNotFound();
}

function inboxMembers(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const { req, path, account, body } = call;
	const id = route(path, '/inbox_members/:inboxId')?.inboxId ?? body.inbox_id;
	const inbox = cw.inboxes.get(Number(id));
	if (!inbox || inbox.account_id !== account.id) return appNotFound();
	const agents = () => ({
		payload: inbox.members
			.map((userId) => ({ user: cw.users.get(userId), au: cw.membership(account.id, userId) }))
			.filter((x): x is { user: CwUser; au: CwAccountUser } => !!x.user && !!x.au)
			.map(({ user, au }) => agentJson(user, au)),
	});
	if (req.method === 'GET') return ok(agents());
	if (!admin(call)) return notAllowed();
	const userIds = Array.isArray(body.user_ids) ? body.user_ids.map(Number) : [];
	if (req.method === 'POST') inbox.members = [...new Set([...inbox.members, ...userIds])];
	else if (req.method === 'PATCH') inbox.members = [...new Set(userIds)];
	else if (req.method === 'DELETE') {
		inbox.members = inbox.members.filter((m) => !userIds.includes(m));
		return empty();
	} else return railsNotFound();
	return ok(agents());
}

function teams(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const { req, path, account, body } = call;
	const members = route(path, '/teams/:id/team_members');
	if (members) {
		const team = cw.kind('team').get(Number(members.id));
		if (!team || team.account_id !== account.id) return appNotFound();
		const current = () =>
			((team.members as number[] | undefined) ?? []).map((userId) => ({
				user: cw.users.get(userId),
				au: cw.membership(account.id, userId),
			}));
		const render = () =>
			current()
				.filter((x): x is { user: CwUser; au: CwAccountUser } => !!x.user && !!x.au)
				.map(({ user, au }) => agentJson(user, au));
		if (req.method === 'GET') return ok(render());
		if (!admin(call)) return notAllowed();
		const userIds = Array.isArray(body.user_ids) ? body.user_ids.map(Number) : [];
		// TeamMembersController#validate_member_id_params.
		if (userIds.some((u) => !cw.membership(account.id, u))) return unauthorized('Invalid User IDs');
		const had = (team.members as number[] | undefined) ?? [];
		if (req.method === 'POST') {
			team.members = [...new Set([...had, ...userIds])];
			return ok(
				userIds
					.filter((u) => !had.includes(u))
					.map((u) =>
						agentJson(cw.users.get(u) as CwUser, cw.membership(account.id, u) as CwAccountUser),
					),
			);
		}
		if (req.method === 'PATCH') {
			team.members = [...new Set(userIds)];
			return ok(render());
		}
		if (req.method === 'DELETE') {
			team.members = had.filter((u) => !userIds.includes(u));
			return empty();
		}
		return railsNotFound();
	}
	return crud(cw, call, {
		kind: 'team',
		base: '/teams',
		wrap: 'team',
		permit: ['name', 'description', 'allow_auto_assign'],
		shape: (t) => teamJson(cw, t),
		list: (all) => all.map((t) => teamJson(cw, t)),
		adminOnly: true,
		check: (f, self) => [
			...required(f, self, 'name', 'Name'),
			...unique(cw, 'team', account.id, 'name', 'Name', f, self),
		],
	});
}

function auditLogs(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	if (call.req.method !== 'GET' || call.path !== '/audit_logs') return railsNotFound();
	if (!admin(call)) return notAllowed();
	const all = [...cw.kind('auditLog').values()]
		.filter((l) => l.account_id === call.account.id)
		.sort((a, b) => b.id - a.id);
	const n = Math.max(1, Number(call.req.query.page ?? 1) || 1);
	return ok({
		per_page: 15,
		total_entries: all.length,
		current_page: n,
		audit_logs: all.slice((n - 1) * 15, n * 15),
	});
}

function reportingEvents(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	if (call.req.method !== 'GET' || call.path !== '/reporting_events') return railsNotFound();
	if (!admin(call)) return notAllowed();
	const q = (k: string) => queryText(call.req, k);
	const since = numberOf(q('since'));
	const until = numberOf(q('until'));
	const all = [...cw.kind('reportingEvent').values()]
		.filter((e) => e.account_id === call.account.id)
		.filter((e) => q('inbox_id') === undefined || String(e.inbox_id) === q('inbox_id'))
		.filter((e) => q('user_id') === undefined || String(e.user_id) === q('user_id'))
		.filter((e) => q('name') === undefined || e.name === q('name'))
		.filter((e) => since === undefined || Number(e.event_start_time) >= since)
		.filter((e) => until === undefined || Number(e.event_start_time) <= until)
		.sort((a, b) => b.id - a.id);
	const n = Math.max(1, Number(call.req.query.page ?? 1) || 1);
	return ok({
		payload: all.slice((n - 1) * 25, n * 25).map(recordJson),
		meta: { count: all.length, current_page: n, total_pages: Math.ceil(all.length / 25) },
	});
}
