/** Application API: agents and contacts (with labels, contact inboxes, merge and import). */
import type { SandboxResponse } from '../types';
import type { AccountCall, ChatwootSandbox } from './chatwoot';
import {
	agentJson,
	contactJson,
	contactWebhookData,
	conversationJson,
	slimInbox,
} from './chatwoot-json';
import { userErrors } from './chatwoot-platform';
import {
	appNotFound,
	type Body,
	couldNotCreate,
	type CwAccountUser,
	type CwContact,
	empty,
	invalid,
	isObject,
	ok,
	queryList,
	queryText,
	railsNotFound,
	route,
	unauthorized,
	wrapped,
} from './chatwoot-store';

const PAGE_SIZE = 15;
const E164 = /^\+[1-9]\d{1,14}$/;
const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** Answers agent and contact routes; undefined for any other path. */
export function peopleApi(cw: ChatwootSandbox, call: AccountCall): SandboxResponse | undefined {
	const { path } = call;
	if (path === '/agents' || path.startsWith('/agents/')) return agents(cw, call);
	if (path === '/contacts' || path.startsWith('/contacts/')) return contacts(cw, call);
	if (path === '/actions/contact_merge' && call.req.method === 'POST') return merge(cw, call);
	return undefined;
}

function isAvailability(v: unknown): v is CwAccountUser['availability'] {
	return v === 'online' || v === 'busy' || v === 'offline';
}

function agents(
	cw: ChatwootSandbox,
	{ req, account, member, path, body }: AccountCall,
): SandboxResponse {
	const members = () => cw.accountUsers.filter((au) => au.account_id === account.id);
	if (path === '/agents' && req.method === 'GET') {
		const list = members()
			.map((au) => ({ au, user: cw.users.get(au.user_id) }))
			.filter((x): x is { au: CwAccountUser; user: NonNullable<typeof x.user> } => !!x.user)
			.sort((a, b) => a.user.name.localeCompare(b.user.name))
			.map(({ au, user }) => agentJson(user, au));
		return ok(list);
	}
	if (member?.role !== 'administrator')
		return unauthorized('You are not authorized to do this action');
	if (path === '/agents' && req.method === 'POST') {
		if (Object.keys(body).length === 0)
			return { status: 422, body: { error: 'param is missing or the value is empty: agent' } };
		if (members().length >= account.agentLimit)
			return {
				status: 402,
				body: { error: 'Account limit exceeded. Please purchase more licenses' },
			};
		const email = typeof body.email === 'string' ? body.email.trim() : '';
		if (body.role !== 'agent' && body.role !== 'administrator')
			return invalid(['Role is not included in the list'], ['role']);
		let user = [...cw.users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
		if (!user) {
			const errors = userErrors(cw, { name: body.name, email }, false);
			if (errors.messages.length) return invalid(errors.messages, errors.attributes);
			user = cw.addUser({ name: String(body.name), email, confirmed: false, ownedByApp: false });
		}
		if (cw.membership(account.id, user.id))
			return invalid(['User has already been taken'], ['user_id']);
		const au: CwAccountUser = {
			account_id: account.id,
			user_id: user.id,
			role: body.role,
			availability: isAvailability(body.availability) ? body.availability : 'offline',
			auto_offline: typeof body.auto_offline === 'boolean' ? body.auto_offline : true,
		};
		cw.accountUsers.push(au);
		return ok(agentJson(user, au));
	}
	const p = route(path, '/agents/:id');
	const au = p ? cw.membership(account.id, Number(p.id)) : undefined;
	const user = au ? cw.users.get(au.user_id) : undefined;
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
		return ok(agentJson(user, au));
	}
	if (req.method === 'DELETE') {
		cw.accountUsers = cw.accountUsers.filter((x) => x !== au);
		if (!cw.accountUsers.some((x) => x.user_id === user.id)) cw.users.delete(user.id);
		return empty();
	}
	return railsNotFound();
}

function page(list: CwContact[], n: number): SandboxResponse {
	const slice = list.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE);
	return ok({ meta: { count: list.length, current_page: n }, payload: slice.map(contactJson) });
}

const SORTS: Record<string, (c: CwContact) => string | number | null> = {
	name: (c) => c.name,
	email: (c) => c.email,
	phone_number: (c) => c.phone_number,
	last_activity_at: (c) => c.created_at,
};

/** Sift's sort: a field name, "-" first for descending; without one the database order (by ID). */
function sorted(list: CwContact[], sort: string | undefined): CwContact[] {
	if (!sort) return list;
	const key = SORTS[sort.replace(/^-/, '')];
	if (!key) return list;
	// Postgres puts NULLs last when ascending (first when descending).
	const ascending = [...list].sort((a, b) => {
		const [x, y] = [key(a), key(b)];
		if (x === y) return 0;
		if (x === null) return 1;
		if (y === null) return -1;
		return x < y ? -1 : 1;
	});
	return sort.startsWith('-') ? ascending.reverse() : ascending;
}

function contacts(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const { req, account, path, body } = call;
	const inAccount = () =>
		[...cw.contacts.values()]
			.filter((c) => c.account_id === account.id)
			.sort((a, b) => a.id - b.id);
	const pageNo = Math.max(1, Number(req.query.page ?? 1) || 1);
	if (path === '/contacts' && req.method === 'GET') {
		// tagged_with(params[:labels], any: true)
		const labels = queryList(req, 'labels').map((l) => l.toLowerCase());
		const resolved = inAccount().filter(
			(c) =>
				(c.email || c.phone_number || c.identifier) &&
				(!labels.length || (c.labels ?? []).some((l) => labels.includes(l.toLowerCase()))),
		);
		return page(sorted(resolved, queryText(req, 'sort')), pageNo);
	}
	if (path === '/contacts' && req.method === 'POST') return createContact(cw, call);
	if (path === '/contacts/search' && req.method === 'GET') {
		const q = typeof req.query.q === 'string' ? req.query.q.trim() : '';
		if (!q) return { status: 422, body: { error: 'Specify search string with parameter q' } };
		const needle = q.toLowerCase();
		const hits = inAccount().filter((c) =>
			[c.name, c.email, c.phone_number, c.identifier, c.additional_attributes.company_name].some(
				(v) => typeof v === 'string' && v.toLowerCase().includes(needle),
			),
		);
		return page(sorted(hits, queryText(req, 'sort')), pageNo);
	}
	if (path === '/contacts/filter' && req.method === 'POST') {
		const conditions = Array.isArray(body.payload) ? (body.payload as Body[]) : [];
		if (!conditions.length)
			return { status: 422, body: { error: 'param is missing or the value is empty: payload' } };
		return page(
			inAccount().filter((c) => matchesFilter(c as unknown as Body, conditions)),
			pageNo,
		);
	}
	if (path === '/contacts/import' && req.method === 'POST') {
		// ContactsController#import: a DataImport with the file, processed later; `head :ok`.
		const file = req.files?.find((f) => f.field === 'import_file');
		if (!file) return couldNotCreate('Import failed');
		importCsv(cw, account.id, file.data.toString('utf8'));
		return empty();
	}
	const p = route(path, '/contacts/:id') ?? route(path, '/contacts/:id/:sub');
	const contact = p ? cw.contacts.get(Number(p.id)) : undefined;
	if (!p || !contact || contact.account_id !== account.id) return appNotFound();
	if (p.sub === 'labels') {
		// LabelConcern: index lists them; create replaces the whole list (update_labels).
		if (req.method === 'POST') {
			if (!Array.isArray(body.labels))
				return { status: 422, body: { error: 'param is missing or the value is empty: labels' } };
			contact.labels = [...new Set(body.labels.map((l) => String(l).toLowerCase()))];
		} else if (req.method !== 'GET') return railsNotFound();
		return ok({ payload: contact.labels ?? [] });
	}
	if (p.sub === 'conversations' && req.method === 'GET') {
		return ok({
			payload: [...cw.conversations.values()]
				.filter((c) => c.contact_id === contact.id)
				.map((c) => conversationJson(cw, c)),
		});
	}
	if (p.sub === 'contactable_inboxes' && req.method === 'GET') {
		return ok({
			payload: [...cw.inboxes.values()]
				.filter((i) => i.account_id === account.id)
				.map((i) => ({
					inbox: slimInbox(i),
					source_id:
						cw.contactInboxes.find((ci) => ci.contact_id === contact.id && ci.inbox_id === i.id)
							?.source_id ?? `new-source-${i.id}`,
				})),
		});
	}
	if (p.sub === 'contact_inboxes' && req.method === 'POST') {
		const inbox = cw.inboxes.get(Number(body.inbox_id));
		if (!inbox || inbox.account_id !== account.id) return appNotFound();
		const sourceId =
			typeof body.source_id === 'string' && body.source_id
				? body.source_id
				: `generated-${cw.ids.take('sourceId')}`;
		let ci = cw.contactInboxes.find((x) => x.inbox_id === inbox.id && x.source_id === sourceId);
		if (!ci)
			cw.contactInboxes.push(
				(ci = {
					contact_id: contact.id,
					inbox_id: inbox.id,
					source_id: sourceId,
					pubsub_token: `pubsub-ci-${contact.id}-${inbox.id}`,
				}),
			);
		return ok({ source_id: ci.source_id, inbox: slimInbox(inbox) });
	}
	if (p.sub) return railsNotFound();
	if (req.method === 'GET') return ok({ payload: contactJson(contact) });
	if (req.method === 'PUT') {
		const errors = contactErrors(cw, account.id, body, contact.id);
		if (errors.messages.length) return invalid(errors.messages, errors.attributes);
		applyContact(contact, body);
		void cw.deliverer.deliver(account.id, 'contact_updated', {
			...contactWebhookData(cw, contact),
			changed_attributes: [],
		});
		return ok({ payload: contactJson(contact) });
	}
	if (req.method === 'DELETE') {
		cw.contacts.delete(contact.id);
		return empty();
	}
	return railsNotFound();
}

function createContact(cw: ChatwootSandbox, { account, body: raw }: AccountCall): SandboxResponse {
	const body = wrapped(raw, 'contact');
	const inboxId = body.inbox_id === undefined ? undefined : Number(body.inbox_id);
	const inbox = inboxId !== undefined ? cw.inboxes.get(inboxId) : undefined;
	if (inboxId !== undefined && (!inbox || inbox.account_id !== account.id)) return appNotFound();
	const errors = contactErrors(cw, account.id, body);
	if (errors.messages.length) return invalid(errors.messages, errors.attributes);
	const contact = cw.addContact({ account_id: account.id });
	applyContact(contact, body);
	let contactInbox: Body = { inbox: null, source_id: null };
	if (inbox) {
		const sourceId = `source-${contact.id}`;
		cw.contactInboxes.push({
			contact_id: contact.id,
			inbox_id: inbox.id,
			source_id: sourceId,
			pubsub_token: `pubsub-ci-${contact.id}`,
		});
		contactInbox = { inbox: slimInbox(inbox), source_id: sourceId };
	}
	void cw.deliverer.deliver(account.id, 'contact_created', contactWebhookData(cw, contact));
	return ok({ payload: { contact: contactJson(contact), contact_inbox: contactInbox } });
}

function merge(cw: ChatwootSandbox, { account, body }: AccountCall): SandboxResponse {
	const base = cw.contacts.get(Number(body.base_contact_id));
	const mergee = cw.contacts.get(Number(body.mergee_contact_id));
	if (!base || !mergee || base.account_id !== account.id || mergee.account_id !== account.id)
		return appNotFound();
	// ContactMergeAction: conversations, notes and labels move to the base; the mergee goes.
	for (const c of cw.conversations.values()) if (c.contact_id === mergee.id) c.contact_id = base.id;
	for (const ci of cw.contactInboxes) if (ci.contact_id === mergee.id) ci.contact_id = base.id;
	for (const key of ['name', 'email', 'phone_number', 'identifier'] as const)
		if (!base[key] && mergee[key]) base[key] = mergee[key];
	base.custom_attributes = { ...mergee.custom_attributes, ...base.custom_attributes };
	cw.contacts.delete(mergee.id);
	return ok(contactJson(base));
}

function importCsv(cw: ChatwootSandbox, accountId: number, text: string): void {
	const [header, ...rows] = text.split(/\r?\n/).filter((l) => l.trim());
	if (!header) return;
	const keys = header.split(',').map((h) => h.trim());
	for (const row of rows) {
		const values = row.split(',').map((v) => v.trim());
		const fields = Object.fromEntries(keys.map((k, i) => [k, values[i] ?? '']));
		// DataImport::ContactManager finds by identifier, email or phone number, else builds.
		const existing = [...cw.contacts.values()].find(
			(c) =>
				c.account_id === accountId &&
				((fields.identifier && c.identifier === fields.identifier) ||
					(fields.email && c.email === fields.email)),
		);
		applyContact(existing ?? cw.addContact({ account_id: accountId }), fields);
	}
}

function contactErrors(
	cw: ChatwootSandbox,
	accountId: number,
	body: Body,
	selfId?: number,
): { messages: string[]; attributes: string[] } {
	const messages: string[] = [];
	const attributes: string[] = [];
	const others = [...cw.contacts.values()].filter(
		(c) => c.account_id === accountId && c.id !== selfId,
	);
	if (typeof body.email === 'string' && body.email !== '') {
		if (!EMAIL.test(body.email)) {
			messages.push('Email Invalid email');
			attributes.push('email');
		} else if (others.some((c) => c.email?.toLowerCase() === String(body.email).toLowerCase())) {
			messages.push('Email has already been taken');
			attributes.push('email');
		}
	}
	if (
		typeof body.phone_number === 'string' &&
		body.phone_number !== '' &&
		!E164.test(body.phone_number)
	) {
		messages.push('Phone number should be in e164 format');
		attributes.push('phone_number');
	}
	if (
		typeof body.identifier === 'string' &&
		body.identifier !== '' &&
		others.some((c) => c.identifier === body.identifier)
	) {
		messages.push('Identifier has already been taken');
		attributes.push('identifier');
	}
	return { messages, attributes };
}

export function applyContact(contact: CwContact, body: Body): void {
	for (const key of ['name', 'email', 'phone_number', 'identifier'] as const) {
		if (typeof body[key] === 'string') contact[key] = body[key] as string;
	}
	if (typeof body.blocked === 'boolean') contact.blocked = body.blocked;
	// Both attribute objects are merged into what the contact has.
	if (isObject(body.custom_attributes))
		contact.custom_attributes = { ...contact.custom_attributes, ...body.custom_attributes };
	if (isObject(body.additional_attributes)) {
		contact.additional_attributes = {
			...contact.additional_attributes,
			...body.additional_attributes,
		};
	}
}

const STANDARD_KEYS = ['name', 'email', 'phone_number', 'identifier'];
const ADDITIONAL_KEYS = ['country_code', 'city', 'company_name'];

/** Conditions chained left to right by query_operator, AND binding tighter than OR, as in SQL. */
export function matchesFilter(
	record: Body,
	conditions: Body[],
	read: (record: Body, key: string) => unknown = readContactKey,
): boolean {
	const groups: boolean[][] = [[]];
	conditions.forEach((condition, i) => {
		groups[groups.length - 1].push(
			matchesCondition(read(record, String(condition.attribute_key ?? '')), condition),
		);
		const op = String(conditions[i].query_operator ?? '').toUpperCase();
		if (op === 'OR' && i < conditions.length - 1) groups.push([]);
	});
	return groups.some((group) => group.every(Boolean));
}

function readContactKey(record: Body, key: string): unknown {
	const contact = record as unknown as CwContact;
	return STANDARD_KEYS.includes(key)
		? contact[key as 'name']
		: ADDITIONAL_KEYS.includes(key)
			? contact.additional_attributes[key]
			: contact.custom_attributes[key];
}

function matchesCondition(raw: unknown, condition: Body): boolean {
	const value = raw === null || raw === undefined ? '' : String(raw).toLowerCase();
	const values = (Array.isArray(condition.values) ? condition.values : []).map((v) =>
		String(v).toLowerCase(),
	);
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
