/** Application API: conversations (list, filter, counts, status, labels, assignments) and messages. */
import type { SandboxResponse } from '../types';
import type { AccountCall, ChatwootSandbox } from './chatwoot';
import {
	agentJson,
	conversationJson,
	messageJson,
	messageWebhookData,
	teamJson,
} from './chatwoot-json';
import { matchesFilter } from './chatwoot-people';
import {
	appNotFound,
	type Body,
	couldNotCreate,
	type CwConversation,
	type CwMessage,
	isObject,
	now,
	numberOf,
	ok,
	queryList,
	queryText,
	railsNotFound,
	route,
	unauthorized,
	empty,
} from './chatwoot-store';

const PAGE_SIZE = 25;
const PRIORITIES = ['urgent', 'high', 'medium', 'low'];

export function conversationsApi(
	cw: ChatwootSandbox,
	call: AccountCall,
): SandboxResponse | undefined {
	const { req, path } = call;
	if (path === '/conversations' && req.method === 'GET') return list(cw, call);
	if (path === '/conversations/meta' && req.method === 'GET')
		return ok({ meta: counts(call, filtered(cw, call)) });
	if (path === '/conversations' && req.method === 'POST') return create(cw, call);
	if (path === '/conversations/filter' && req.method === 'POST') return filter(cw, call);
	const p =
		route(path, '/conversations/:id') ??
		route(path, '/conversations/:id/:action') ??
		route(path, '/conversations/:id/messages/:messageId');
	if (!p) return undefined;
	const conversation = [...cw.conversations.values()].find(
		(c) => c.account_id === call.account.id && c.display_id === Number(p.id),
	);
	if (!conversation) return appNotFound();
	if (p.messageId || p.action === 'messages') return messages(cw, call, conversation, p.messageId);
	return act(cw, call, conversation, p.action);
}

function filtered(cw: ChatwootSandbox, { req, account }: AccountCall): CwConversation[] {
	const status = queryText(req, 'status') ?? 'open';
	const inboxId = numberOf(queryText(req, 'inbox_id'));
	const teamId = numberOf(queryText(req, 'team_id'));
	const labels = queryList(req, 'labels');
	const q = queryText(req, 'q')?.toLowerCase();
	return [...cw.conversations.values()]
		.filter((c) => c.account_id === account.id)
		.filter((c) => status === 'all' || c.status === status)
		.filter((c) => inboxId === undefined || c.inbox_id === inboxId)
		.filter((c) => teamId === undefined || c.team_id === teamId)
		.filter((c) => !labels.length || labels.some((l) => c.labels.includes(l)))
		.filter(
			(c) =>
				!q ||
				[...cw.messages.values()].some(
					(m) => m.conversation_id === c.id && (m.content ?? '').toLowerCase().includes(q),
				),
		)
		.sort((a, b) => b.created_at - a.created_at || b.id - a.id);
}

function counts(call: AccountCall, list: CwConversation[]): Body {
	const me = call.owner.kind === 'user' ? call.owner.user.id : undefined;
	return {
		mine_count: list.filter((c) => c.assignee_id === me).length,
		assigned_count: list.filter((c) => c.assignee_id !== null).length,
		unassigned_count: list.filter((c) => c.assignee_id === null).length,
		all_count: list.length,
	};
}

function list(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const all = filtered(cw, call);
	const me = call.owner.kind === 'user' ? call.owner.user.id : undefined;
	const type = queryText(call.req, 'assignee_type') ?? 'me';
	const byAssignee = all.filter((c) =>
		type === 'all'
			? true
			: type === 'me'
				? c.assignee_id === me
				: type === 'unassigned'
					? c.assignee_id === null
					: c.assignee_id !== null,
	);
	const n = Math.max(1, Number(call.req.query.page ?? 1) || 1);
	const pageOf = byAssignee.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE);
	return ok({
		data: { meta: counts(call, all), payload: pageOf.map((c) => conversationJson(cw, c)) },
	});
}

function filter(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const conditions = Array.isArray(call.body.payload) ? (call.body.payload as Body[]) : [];
	if (!conditions.length)
		return { status: 422, body: { error: 'param is missing or the value is empty: payload' } };
	const matching = [...cw.conversations.values()]
		.filter((c) => c.account_id === call.account.id)
		.filter((c) =>
			matchesFilter(c as unknown as Body, conditions, (record, key) =>
				key in record ? record[key] : (record.custom_attributes as Body)[key],
			),
		);
	const n = Math.max(1, Number(call.req.query.page ?? 1) || 1);
	const { mine_count, unassigned_count, all_count } = counts(call, matching);
	return ok({
		meta: { mine_count, unassigned_count, all_count },
		payload: matching.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE).map((c) => conversationJson(cw, c)),
	});
}

function create(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const { body, account } = call;
	// ConversationsController#contact_inbox: inbox + contact find or make one; else look up source_id.
	let contactInbox = undefined as (typeof cw.contactInboxes)[number] | undefined;
	if (body.inbox_id !== undefined && body.contact_id !== undefined) {
		const inbox = cw.inboxes.get(Number(body.inbox_id));
		const contact = cw.contacts.get(Number(body.contact_id));
		if (!inbox || inbox.account_id !== account.id || !contact || contact.account_id !== account.id)
			return appNotFound();
		const sourceId =
			typeof body.source_id === 'string' && body.source_id
				? body.source_id
				: `generated-${cw.ids.take('sourceId')}`;
		contactInbox = cw.contactInboxes.find(
			(ci) => ci.inbox_id === inbox.id && ci.source_id === sourceId,
		);
		if (contactInbox && contactInbox.contact_id !== contact.id)
			return couldNotCreate('source_id should be unique');
		if (!contactInbox)
			cw.contactInboxes.push(
				(contactInbox = {
					contact_id: contact.id,
					inbox_id: inbox.id,
					source_id: sourceId,
					pubsub_token: `pubsub-${sourceId}`,
				}),
			);
	} else {
		contactInbox = cw.contactInboxes.find((ci) => ci.source_id === body.source_id);
		if (!contactInbox) return appNotFound();
	}
	const conversation = newConversation(
		cw,
		account.id,
		contactInbox.inbox_id,
		contactInbox.contact_id,
		contactInbox.source_id,
		body,
	);
	if (isObject(body.message) && typeof body.message.content === 'string') {
		addMessage(cw, conversation, {
			content: body.message.content,
			message_type: 1,
			sender: senderOf(call),
		});
	}
	return ok(conversationJson(cw, conversation));
}

export function newConversation(
	cw: ChatwootSandbox,
	accountId: number,
	inboxId: number,
	contactId: number,
	sourceId: string,
	body: Body = {},
): CwConversation {
	const id = cw.ids.take('conversation');
	const displayId =
		[...cw.conversations.values()].filter((c) => c.account_id === accountId).length + 1;
	const status =
		body.status === 'resolved' || body.status === 'pending' || body.status === 'snoozed'
			? body.status
			: 'open';
	const conversation: CwConversation = {
		id,
		display_id: displayId,
		account_id: accountId,
		inbox_id: inboxId,
		contact_id: contactId,
		source_id: sourceId,
		status,
		priority: null,
		assignee_id: numberOf(body.assignee_id) ?? null,
		team_id: numberOf(body.team_id) ?? null,
		labels: [],
		custom_attributes: isObject(body.custom_attributes) ? body.custom_attributes : {},
		additional_attributes: isObject(body.additional_attributes) ? body.additional_attributes : {},
		snoozed_until: null,
		created_at: now(),
		contact_last_seen_at: null,
	};
	cw.conversations.set(id, conversation);
	void cw.deliverer.deliver(accountId, 'conversation_created', conversationJson(cw, conversation));
	return conversation;
}

function senderOf(call: AccountCall): CwMessage['sender'] {
	if (call.owner.kind === 'bot') return { id: call.owner.bot.id, type: 'agent_bot' };
	return { id: call.owner.kind === 'user' ? call.owner.user.id : 0, type: 'user' };
}

export function addMessage(
	cw: ChatwootSandbox,
	conversation: CwConversation,
	fields: Partial<CwMessage> & { sender: CwMessage['sender'] },
): CwMessage {
	const id = cw.ids.take('message');
	const message: CwMessage = {
		id,
		conversation_id: conversation.id,
		account_id: conversation.account_id,
		inbox_id: conversation.inbox_id,
		content: null,
		message_type: 1,
		content_type: 'text',
		content_attributes: {},
		private: false,
		created_at: now(),
		attachments: [],
		...fields,
	};
	cw.messages.set(id, message);
	void cw.deliverer.deliver(
		conversation.account_id,
		'message_created',
		messageWebhookData(cw, message),
	);
	return message;
}

function act(
	cw: ChatwootSandbox,
	call: AccountCall,
	c: CwConversation,
	action: string | undefined,
): SandboxResponse {
	const { req, body } = call;
	if (!action) {
		if (req.method === 'GET') return ok(conversationJson(cw, c));
		if (req.method === 'PATCH') {
			// ConversationsController#permitted_update_params: priority only (sla_policy_id in Enterprise).
			if (body.priority !== undefined)
				c.priority = body.priority === 'none' ? null : String(body.priority);
			return ok(conversationJson(cw, c));
		}
		return railsNotFound();
	}
	if (req.method === 'GET' && action === 'labels') return ok({ payload: c.labels });
	if (req.method === 'GET' && action === 'reporting_events') {
		return ok([
			{
				id: 1,
				name: 'first_response',
				value: 120,
				value_in_business_hours: 120,
				event_start_time: c.created_at,
				event_end_time: c.created_at + 120,
				account_id: c.account_id,
				inbox_id: c.inbox_id,
				user_id: 2,
				conversation_id: c.id,
			},
		]);
	}
	if (req.method !== 'POST') return railsNotFound();
	switch (action) {
		case 'toggle_status': {
			const before = c.status;
			const status = body.status;
			if (
				status === 'open' ||
				status === 'resolved' ||
				status === 'pending' ||
				status === 'snoozed'
			)
				c.status = status;
			else c.status = c.status === 'open' ? 'resolved' : 'open';
			c.snoozed_until = c.status === 'snoozed' ? (numberOf(body.snoozed_until) ?? null) : null;
			if (before !== c.status)
				void cw.deliverer.deliver(c.account_id, 'conversation_status_changed', {
					...conversationJson(cw, c),
					changed_attributes: [{ status: { previous_value: before, current_value: c.status } }],
				});
			return ok({
				meta: {},
				payload: {
					success: true,
					conversation_id: c.display_id,
					current_status: c.status,
					snoozed_until: c.snoozed_until,
				},
			});
		}
		case 'toggle_priority':
			if (
				body.priority !== undefined &&
				body.priority !== 'none' &&
				!PRIORITIES.includes(String(body.priority))
			)
				return couldNotCreate('Invalid priority');
			c.priority =
				body.priority === 'none' || body.priority === undefined ? null : String(body.priority);
			return empty();
		case 'toggle_typing_status':
			if (body.typing_status !== 'on' && body.typing_status !== 'off') return empty();
			void cw.deliverer.deliver(c.account_id, `conversation_typing_${body.typing_status}`, {
				conversation: conversationJson(cw, c),
				is_private: body.is_private === true,
			});
			return empty();
		case 'custom_attributes':
			c.custom_attributes = isObject(body.custom_attributes) ? body.custom_attributes : {};
			return ok({ custom_attributes: c.custom_attributes });
		case 'labels':
			c.labels = Array.isArray(body.labels) ? body.labels.map(String) : [];
			return ok({ payload: c.labels });
		case 'assignments': {
			if (body.assignee_id !== undefined) {
				const au = cw.membership(c.account_id, Number(body.assignee_id));
				const user = au ? cw.users.get(au.user_id) : undefined;
				c.assignee_id = user ? user.id : null;
				return user && au ? ok(agentJson(user, au)) : ok(null);
			}
			if (body.team_id !== undefined) {
				const team = cw.kind('team').get(Number(body.team_id));
				c.team_id = team ? team.id : null;
				return ok(team ? teamJson(cw, team) : null);
			}
			return ok(null);
		}
		default:
			return railsNotFound();
	}
}

function messages(
	cw: ChatwootSandbox,
	call: AccountCall,
	c: CwConversation,
	messageId: string | undefined,
): SandboxResponse {
	const { req, body } = call;
	const all = [...cw.messages.values()]
		.filter((m) => m.conversation_id === c.id)
		.sort((a, b) => a.id - b.id);
	if (messageId) {
		const message = all.find((m) => m.id === Number(messageId));
		if (!message) return appNotFound();
		if (req.method !== 'DELETE') return railsNotFound();
		if (
			call.member?.role !== 'administrator' &&
			!(
				message.sender.type === 'user' &&
				call.owner.kind === 'user' &&
				message.sender.id === call.owner.user.id
			)
		) {
			return unauthorized('You are not authorized to do this action');
		}
		// MessagesController#destroy keeps a placeholder and drops the attachments.
		Object.assign(message, {
			content: 'This message was deleted',
			content_type: 'text',
			content_attributes: { deleted: true },
			attachments: [],
			deleted: true,
		});
		return ok(messageJson(cw, message));
	}
	if (req.method === 'GET') {
		// MessageFinder: the newest 20, 20 before an id, or up to 100 after one; oldest first.
		const after = numberOf(queryText(req, 'after'));
		const before = numberOf(queryText(req, 'before'));
		let pageOf: CwMessage[];
		if (after !== undefined) pageOf = all.filter((m) => m.id > after).slice(0, 100);
		else if (before !== undefined) pageOf = all.filter((m) => m.id < before).slice(-20);
		else pageOf = all.slice(-20);
		const contact = cw.contacts.get(c.contact_id);
		return ok({
			meta: {
				labels: c.labels,
				additional_attributes: c.additional_attributes,
				contact: contact ? { id: contact.id, name: contact.name } : null,
			},
			payload: pageOf.map((m) => messageJson(cw, m)),
		});
	}
	if (req.method !== 'POST') return railsNotFound();
	const type = body.message_type === 'incoming' ? 0 : 1;
	if (type === 0 && cw.inboxes.get(c.inbox_id)?.channel_type !== 'Channel::Api')
		return couldNotCreate('Incoming messages are only allowed in Api inboxes');
	const files = req.files?.filter((f) => f.field === 'attachments[]') ?? [];
	const contentAttributes =
		typeof body.content_attributes === 'string'
			? (JSON.parse(body.content_attributes) as Body)
			: isObject(body.content_attributes)
				? body.content_attributes
				: {};
	const message = addMessage(cw, c, {
		content: typeof body.content === 'string' ? body.content : null,
		message_type: type,
		private: body.private === true || body.private === 'true',
		content_type: typeof body.content_type === 'string' ? body.content_type : 'text',
		content_attributes: contentAttributes,
		sender: type === 0 ? { id: c.contact_id, type: 'contact' } : senderOf(call),
		attachments: files.map((f, i) => ({
			id: i + 1,
			file_type: f.contentType.startsWith('image/') ? 'image' : 'file',
			data_url: `http://sandbox.invalid/files/${encodeURIComponent(f.filename)}`,
			file_size: f.data.length,
			extension: f.filename.split('.').pop() ?? null,
		})),
	});
	return ok(messageJson(cw, message));
}
