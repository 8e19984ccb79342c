/** Records in the shapes Chatwoot's jbuilder views render them (4.10). */
import type { ChatwootSandbox } from './chatwoot';
import type {
	Body,
	CwAccount,
	CwAccountUser,
	CwContact,
	CwConversation,
	CwInbox,
	CwMessage,
	CwRecord,
	CwUser,
	CwWebhook,
} from './chatwoot-store';

export function contactJson(c: CwContact): Body {
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

export function agentJson(user: CwUser, au: CwAccountUser): Body {
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

/** `platform/api/v1/models/_user` (and `api/v1/models/_user` for the profile). */
export function userJson(cw: ChatwootSandbox, u: CwUser): Body {
	const memberships = cw.accountUsers.filter((au) => au.user_id === u.id);
	const out: Body = {
		access_token: u.access_token,
		account_id: memberships[0]?.account_id ?? null,
		available_name: u.display_name ?? u.name,
		avatar_url: '',
		confirmed: u.confirmed,
		display_name: u.display_name,
		message_signature: u.message_signature ?? null,
		email: u.email,
		id: u.id,
		name: u.name,
		provider: 'email',
		pubsub_token: u.pubsub_token,
		role: memberships[0]?.role ?? null,
		ui_settings: u.ui_settings ?? {},
		uid: u.email,
		accounts: memberships.map((au) => ({
			id: au.account_id,
			name: cw.accounts.get(au.account_id)?.name,
			active_at: null,
			role: au.role,
		})),
	};
	if (Object.keys(u.custom_attributes).length) out.custom_attributes = u.custom_attributes;
	return out;
}

/** `platform/api/v1/models/_account`. */
export function platformAccountJson(a: CwAccount): Body {
	return {
		id: a.id,
		name: a.name,
		locale: a.locale ?? 'en',
		domain: a.domain ?? null,
		support_email: a.support_email ?? null,
		features: {},
		custom_attributes: a.custom_attributes ?? {},
		limits: a.limits ?? {},
		status: a.status ?? 'active',
	};
}

/** `api/v1/accounts/show` (the account of the credential). */
export function accountJson(a: CwAccount): Body {
	return {
		id: a.id,
		name: a.name,
		locale: a.locale ?? 'en',
		domain: a.domain ?? null,
		support_email: a.support_email ?? null,
		status: a.status ?? 'active',
		features: {},
		settings: a.settings ?? {},
		custom_attributes: a.custom_attributes ?? {},
		created_at: '2025-01-01T00:00:00.000Z',
		cache_keys: {},
	};
}

export function inboxJson(i: CwInbox): Body {
	return {
		id: i.id,
		account_id: i.account_id,
		name: i.name,
		channel_type: i.channel_type,
		channel_id: i.id,
		avatar_url: '',
		greeting_enabled: false,
		greeting_message: null,
		enable_auto_assignment: true,
		enable_email_collect: true,
		csat_survey_enabled: false,
		working_hours_enabled: false,
		out_of_office_message: null,
		timezone: 'UTC',
		allow_messages_after_resolved: true,
		lock_to_single_conversation: false,
		sender_name_type: 'friendly',
		business_name: null,
		...i.settings,
		...(i.identifier ? { inbox_identifier: i.identifier } : {}),
	};
}

export function slimInbox(i: CwInbox): Body {
	return { id: i.id, name: i.name, channel_type: i.channel_type, channel_id: i.id, avatar_url: '' };
}

export function messageJson(cw: ChatwootSandbox, m: CwMessage): Body {
	const sender =
		m.sender.type === 'contact'
			? { ...contactJson(cw.contacts.get(m.sender.id) as CwContact), type: 'contact' }
			: m.sender.type === 'agent_bot'
				? { id: m.sender.id, name: cw.kind('agentBot').get(m.sender.id)?.name, type: 'agent_bot' }
				: { id: m.sender.id, name: cw.users.get(m.sender.id)?.name, type: 'user' };
	const out: Body = {
		id: m.id,
		content: m.content,
		inbox_id: m.inbox_id,
		conversation_id: cw.conversations.get(m.conversation_id)?.display_id,
		message_type: m.message_type,
		content_type: m.content_type,
		status: 'sent',
		content_attributes: m.content_attributes,
		created_at: m.created_at,
		private: m.private,
		source_id: null,
		sender,
	};
	if (m.attachments.length) out.attachments = m.attachments;
	return out;
}

/** `api/v1/conversations/partials/_conversation`. */
export function conversationJson(cw: ChatwootSandbox, c: CwConversation): Body {
	const contact = cw.contacts.get(c.contact_id);
	const assignee = c.assignee_id ? cw.users.get(c.assignee_id) : undefined;
	const team = c.team_id ? cw.kind('team').get(c.team_id) : undefined;
	const messages = [...cw.messages.values()].filter(
		(m) => m.conversation_id === c.id && !m.deleted,
	);
	return {
		meta: {
			sender: contact ? { ...contactJson(contact), type: 'contact' } : null,
			channel: cw.inboxes.get(c.inbox_id)?.channel_type,
			assignee: assignee ? { id: assignee.id, name: assignee.name, email: assignee.email } : null,
			team: team ? { id: team.id, name: team.name } : null,
			hmac_verified: false,
		},
		id: c.display_id,
		messages: messages.slice(-1).map((m) => messageJson(cw, m)),
		account_id: c.account_id,
		uuid: `cw-conversation-${c.id}`,
		additional_attributes: c.additional_attributes,
		agent_last_seen_at: 0,
		assignee_last_seen_at: 0,
		can_reply: true,
		contact_last_seen_at: c.contact_last_seen_at ?? 0,
		custom_attributes: c.custom_attributes,
		inbox_id: c.inbox_id,
		labels: c.labels,
		muted: false,
		snoozed_until: c.snoozed_until,
		status: c.status,
		created_at: c.created_at,
		timestamp: c.created_at,
		first_reply_created_at: null,
		unread_count: 0,
		last_non_activity_message: null,
		last_activity_at: c.created_at,
		priority: c.priority,
		waiting_since: 0,
	};
}

export function teamJson(cw: ChatwootSandbox, t: CwRecord): Body {
	const members = (t.members as number[] | undefined) ?? [];
	return {
		id: t.id,
		name: t.name,
		description: t.description ?? null,
		allow_auto_assign: t.allow_auto_assign ?? true,
		account_id: t.account_id,
		is_member: members.includes(cw.tokenUserId),
	};
}

/** `api/v1/models/_agent_bot`; the platform view (`platform/.../_agent_bot`) is a subset. */
export function agentBotJson(b: CwRecord): Body {
	return {
		id: b.id,
		name: b.name,
		description: b.description ?? null,
		thumbnail: b.avatar_url ?? '',
		outgoing_url: b.outgoing_url ?? null,
		bot_type: b.bot_type ?? 'webhook',
		bot_config: b.bot_config ?? {},
		account_id: b.account_id || null,
		access_token: b.access_token,
		system_bot: false,
	};
}

export function webhookJson(cw: ChatwootSandbox, w: CwWebhook): Body {
	const out: Body = {
		id: w.id,
		name: w.name,
		url: w.url,
		account_id: w.account_id,
		subscriptions: w.subscriptions,
	};
	// Chatwoot 4.11.2 added a signing secret per webhook, shown to administrators.
	if (cw.signWebhooks) out.secret = w.secret;
	return out;
}

/** Plain records (labels, canned responses, custom attributes…): their fields as stored. */
export function recordJson(r: CwRecord): Body {
	const { account_id, ...rest } = r;
	return { ...rest, account_id };
}

const accountRef = (cw: ChatwootSandbox, id: number) => ({
	id,
	name: cw.accounts.get(id)?.name ?? null,
});

/** Contact#webhook_data. */
export function contactWebhookData(cw: ChatwootSandbox, c: CwContact): Body {
	return {
		account: accountRef(cw, c.account_id),
		additional_attributes: c.additional_attributes,
		avatar: '',
		custom_attributes: c.custom_attributes,
		email: c.email,
		id: c.id,
		identifier: c.identifier,
		name: c.name,
		phone_number: c.phone_number,
		thumbnail: '',
		blocked: c.blocked,
	};
}

/** Message#webhook_data (message_type as its name, the conversation and inbox alongside). */
export function messageWebhookData(cw: ChatwootSandbox, m: CwMessage): Body {
	const conversation = cw.conversations.get(m.conversation_id) as CwConversation;
	const inbox = cw.inboxes.get(m.inbox_id);
	const contact = cw.contacts.get(conversation.contact_id);
	return {
		account: accountRef(cw, m.account_id),
		additional_attributes: {},
		content_attributes: m.content_attributes,
		content_type: m.content_type,
		content: m.content,
		conversation: {
			...conversationJson(cw, conversation),
			contact_inbox: { source_id: conversation.source_id },
		},
		created_at: new Date(m.created_at * 1000).toISOString(),
		id: m.id,
		inbox: { id: m.inbox_id, name: inbox?.name ?? null },
		message_type: ['incoming', 'outgoing', 'activity', 'template'][m.message_type],
		private: m.private,
		sender:
			m.sender.type === 'contact' && contact
				? { ...contactWebhookData(cw, contact), type: 'contact' }
				: { id: m.sender.id, name: cw.users.get(m.sender.id)?.name ?? null, type: m.sender.type },
		source_id: null,
		...(m.attachments.length ? { attachments: m.attachments } : {}),
	};
}
