/** Chatwoot's Client API (no token): an API inbox's contacts, their conversations and messages. */
import type { SandboxRequest, SandboxResponse } from '../types';
import type { ChatwootSandbox } from './chatwoot';
import { addMessage, newConversation } from './chatwoot-conversations';
import { messageJson } from './chatwoot-json';
import { applyContact } from './chatwoot-people';
import {
	type Body,
	type CwContactInbox,
	type CwConversation,
	type CwInbox,
	empty,
	isObject,
	now,
	ok,
	railsNotFound,
	route,
} from './chatwoot-store';

/** Public controllers answer a missing inbox, contact or conversation with Rails' 404 (find_by!). */
const notFound = railsNotFound;

export function clientApi(
	cw: ChatwootSandbox,
	req: SandboxRequest,
	path: string,
	body: Body,
): SandboxResponse {
	const p = route(path, '/inboxes/:inbox') ?? matchDeep(path);
	if (!p) return railsNotFound();
	const inbox = [...cw.inboxes.values()].find(
		(i) => i.channel_type === 'Channel::Api' && i.identifier === p.inbox,
	);
	if (!inbox) return notFound();
	const rest = path.slice(`/inboxes/${encodeURIComponent(p.inbox)}`.length) || '/';
	if (rest === '/' && req.method === 'GET') {
		return ok({
			identifier: inbox.identifier,
			name: inbox.name,
			timezone: 'UTC',
			working_hours: [],
			working_hours_enabled: false,
			csat_survey_enabled: false,
			greeting_enabled: false,
			identity_validation_enabled: false,
		});
	}
	if (rest === '/contacts' && req.method === 'POST') return createContact(cw, inbox, body);
	const c =
		route(rest, '/contacts/:source') ??
		route(rest, '/contacts/:source/conversations') ??
		route(rest, '/contacts/:source/conversations/:id') ??
		route(rest, '/contacts/:source/conversations/:id/:action') ??
		route(rest, '/contacts/:source/conversations/:id/messages/:messageId');
	if (!c) return railsNotFound();
	const contactInbox = cw.contactInboxes.find(
		(ci) => ci.inbox_id === inbox.id && ci.source_id === c.source,
	);
	const contact = contactInbox ? cw.contacts.get(contactInbox.contact_id) : undefined;
	if (!contactInbox || !contact) return notFound();
	if (rest === `/contacts/${encodeURIComponent(c.source)}`) {
		if (req.method === 'GET') return ok(publicContact(contact, contactInbox));
		if (req.method === 'PATCH') {
			applyContact(contact, body);
			return ok(publicContact(contact, contactInbox));
		}
		return railsNotFound();
	}
	const conversations = () =>
		[...cw.conversations.values()].filter(
			(x) => x.contact_id === contact.id && x.inbox_id === inbox.id,
		);
	if (!c.id) {
		if (req.method === 'GET')
			return ok(conversations().map((x) => publicConversation(cw, x, inbox)));
		if (req.method === 'POST') {
			const conversation = newConversation(
				cw,
				inbox.account_id,
				inbox.id,
				contact.id,
				contactInbox.source_id,
				{ custom_attributes: body.custom_attributes },
			);
			return ok(publicConversation(cw, conversation, inbox));
		}
		return railsNotFound();
	}
	const conversation = conversations().find((x) => x.display_id === Number(c.id));
	if (!conversation) return notFound();
	if (!c.action && !c.messageId)
		return req.method === 'GET' ? ok(publicConversation(cw, conversation, inbox)) : railsNotFound();
	if (c.action === 'toggle_status' && req.method === 'POST') {
		// Public ConversationsController#toggle_status only resolves (and leaves a resolved one be).
		if (conversation.status !== 'resolved') conversation.status = 'resolved';
		return ok(publicConversation(cw, conversation, inbox));
	}
	if (c.action === 'toggle_typing' && req.method === 'POST') {
		const status = body.typing_status ?? req.query.typing_status;
		if (status === 'on' || status === 'off')
			void cw.deliverer.deliver(inbox.account_id, `conversation_typing_${status}`, {
				conversation: { id: conversation.display_id },
				is_private: false,
			});
		return empty();
	}
	if (c.action === 'update_last_seen' && req.method === 'POST') {
		conversation.contact_last_seen_at = now();
		return empty();
	}
	const all = [...cw.messages.values()]
		.filter((m) => m.conversation_id === conversation.id && !m.private)
		.sort((a, b) => a.id - b.id);
	if (c.action === 'messages') {
		if (req.method === 'GET') return ok(all.map((m) => messageJson(cw, m)));
		if (req.method === 'POST') {
			const message = addMessage(cw, conversation, {
				content: typeof body.content === 'string' ? body.content : null,
				message_type: 0,
				sender: { id: contact.id, type: 'contact' },
			});
			return ok({
				...messageJson(cw, message),
				...(typeof body.echo_id === 'string' ? { echo_id: body.echo_id } : {}),
			});
		}
		return railsNotFound();
	}
	if (c.messageId && req.method === 'PATCH') {
		const message = all.find((m) => m.id === Number(c.messageId));
		if (!message) return notFound();
		if (isObject(body.submitted_values))
			message.content_attributes = {
				...message.content_attributes,
				submitted_values: [body.submitted_values],
			};
		return ok(messageJson(cw, message));
	}
	return railsNotFound();
}

function matchDeep(path: string): Record<string, string> | undefined {
	const m = /^\/inboxes\/([^/]+)\//.exec(path);
	return m ? { inbox: decodeURIComponent(m[1]) } : undefined;
}

function createContact(cw: ChatwootSandbox, inbox: CwInbox, body: Body): SandboxResponse {
	const contact = cw.addContact({ account_id: inbox.account_id });
	applyContact(contact, body);
	const contactInbox: CwContactInbox = {
		contact_id: contact.id,
		inbox_id: inbox.id,
		source_id: `client-source-${contact.id}-${cw.ids.take('sourceId')}`,
		pubsub_token: `pubsub-client-${contact.id}`,
	};
	cw.contactInboxes.push(contactInbox);
	return ok(publicContact(contact, contactInbox));
}

function publicContact(
	contact: { id: number; name: string | null; email: string | null; phone_number: string | null },
	ci: CwContactInbox,
): Body {
	return {
		id: contact.id,
		source_id: ci.source_id,
		name: contact.name,
		email: contact.email,
		phone_number: contact.phone_number,
		pubsub_token: ci.pubsub_token,
	};
}

function publicConversation(cw: ChatwootSandbox, c: CwConversation, inbox: CwInbox): Body {
	const messages = [...cw.messages.values()]
		.filter((m) => m.conversation_id === c.id && !m.private)
		.map((m) => messageJson(cw, m));
	return {
		id: c.display_id,
		inbox_id: inbox.id,
		status: c.status,
		contact_last_seen_at: c.contact_last_seen_at,
		messages,
		contact: { id: c.contact_id },
	};
}
