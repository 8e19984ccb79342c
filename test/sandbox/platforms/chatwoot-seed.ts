/**
 * One of everything in account 1, with the IDs the samples (test/unit/Chatwoot/samples.ts) and
 * the example workflows name: an agent (user 2), a platform user (3), a web inbox (1) and an API
 * inbox (2, identifier cw-api-inbox) with a contact (1) in a conversation (1) of two messages, a
 * second contact (2), a team, a label, a canned response, a custom attribute and filter, an
 * automation rule, agent bots (1: the platform app's, 2: the account's, with the bot token), a
 * webhook, a help center portal, an integration hook, audit log entries and reporting events.
 */
import type { ChatwootSandbox } from './chatwoot';
import { addMessage, newConversation } from './chatwoot-conversations';
import {
	CHATWOOT_API_INBOX_IDENTIFIER,
	CHATWOOT_CONTACT_SOURCE_ID,
	type CwInbox,
} from './chatwoot-store';

export function seedWorld(cw: ChatwootSandbox): void {
	const agent = cw.addUser({ name: 'Ada Agent', email: 'ada@acme.test', ownedByApp: false });
	cw.addMember(1, agent.id, 'agent');
	const platformUser = cw.addUser({
		name: 'Paula Platform',
		email: 'paula@acme.test',
		ownedByApp: true,
	});
	cw.addMember(1, platformUser.id, 'agent');
	cw.addUser({ name: 'Pete Spare', email: 'pete@acme.test', ownedByApp: true });

	const inbox = (fields: Omit<CwInbox, 'id'>) => {
		const id = cw.ids.take('inbox');
		cw.inboxes.set(id, { id, ...fields });
		return id;
	};
	if (!cw.inboxes.size)
		inbox({
			account_id: 1,
			name: 'Website',
			channel_type: 'Channel::WebWidget',
			settings: { website_token: 'widget-token-1' },
			members: [1],
		});
	const apiInbox = inbox({
		account_id: 1,
		name: 'API Inbox',
		channel_type: 'Channel::Api',
		identifier: CHATWOOT_API_INBOX_IDENTIFIER,
		settings: {},
		members: [1, agent.id],
	});

	const ana = cw.addContact({
		name: 'Ana Souza',
		email: 'ana@example.com',
		phone_number: '+15551234567',
		identifier: 'crm-1',
		labels: ['support'],
	});
	cw.addContact({ name: 'Bob Duplicate', email: 'bob@example.com' });
	cw.contactInboxes.push({
		contact_id: ana.id,
		inbox_id: apiInbox,
		source_id: CHATWOOT_CONTACT_SOURCE_ID,
		pubsub_token: 'pubsub-ana',
	});
	const conversation = newConversation(cw, 1, apiInbox, ana.id, CHATWOOT_CONTACT_SOURCE_ID, {
		assignee_id: 1,
	});
	conversation.labels = ['support'];
	addMessage(cw, conversation, {
		content: 'Hello, I cannot log in',
		message_type: 0,
		sender: { id: ana.id, type: 'contact' },
	});
	addMessage(cw, conversation, {
		content: 'What is it about?',
		content_type: 'input_select',
		content_attributes: {
			items: [
				{ title: 'Billing', value: 'billing' },
				{ title: 'Login', value: 'login' },
			],
		},
		sender: { id: 1, type: 'user' },
	});

	const put = (kind: string, fields: Record<string, unknown>) => {
		const id = cw.ids.take(kind);
		cw.kind(kind).set(id, { id, account_id: 1, ...fields });
		return id;
	};
	put('team', {
		name: 'Support',
		description: 'First line',
		allow_auto_assign: true,
		members: [1],
	});
	put('label', {
		title: 'support',
		description: 'Needs help',
		color: '#1f93ff',
		show_on_sidebar: true,
	});
	put('cannedResponse', { short_code: 'welcome', content: 'Welcome to Acme!' });
	put('customAttribute', {
		attribute_display_name: 'Plan Tier',
		attribute_key: 'plan_tier',
		attribute_display_type: 0,
		attribute_model: 0,
	});
	put('customFilter', {
		name: 'Open ones',
		filter_type: 'conversation',
		query: { payload: [] },
		user_id: cw.tokenUserId,
	});
	put('automationRule', {
		name: 'Tag billing',
		event_name: 'message_created',
		active: true,
		conditions: [
			{
				attribute_key: 'content',
				filter_operator: 'contains',
				values: ['invoice'],
				query_operator: null,
			},
		],
		actions: [{ action_name: 'add_label', action_params: ['billing'] }],
	});
	cw.kind('agentBot').set(cw.ids.take('agentBot'), {
		id: 1,
		account_id: 0,
		name: 'Platform Router',
		outgoing_url: 'https://bots.example/router',
		ownedByApp: true,
		access_token: 'bot-token-1-a1b2',
	});
	const botId = cw.ids.take('agentBot');
	cw.kind('agentBot').set(botId, {
		id: botId,
		account_id: 1,
		name: 'Helper Bot',
		outgoing_url: 'https://bots.example/helper',
		access_token: cw.botToken,
	});
	cw.tokenBotId = botId;
	(cw.inboxes.get(apiInbox) as CwInbox).agent_bot_id = botId;
	const webhookId = cw.ids.take('webhook');
	cw.webhooks.set(webhookId, {
		id: webhookId,
		account_id: 1,
		url: 'https://example.com/hook',
		name: 'CRM',
		subscriptions: ['contact_created'],
		secret: 'whsec-seeded-1',
	});
	put('portal', {
		name: 'Handbook',
		slug: 'handbook',
		config: { allowed_locales: ['en'], default_locale: 'en' },
	});
	put('hook', {
		app_id: 'webhook',
		inbox_id: null,
		status: 1,
		settings: { url: 'https://hooks.example' },
	});
	for (const [action, auditable_type] of [
		['create', 'Inbox'],
		['update', 'Team'],
	]) {
		put('auditLog', {
			auditable_id: 1,
			auditable_type,
			action,
			user_id: 1,
			user_type: 'User',
			username: 'owner@acme.test',
			audited_changes: {},
			version: 1,
			created_at: 1_767_225_600,
		});
	}
	for (const name of ['first_response', 'resolution']) {
		put('reportingEvent', {
			name,
			value: 120,
			value_in_business_hours: 120,
			event_start_time: 1_767_300_000,
			event_end_time: 1_767_300_120,
			inbox_id: apiInbox,
			user_id: 1,
			conversation_id: conversation.id,
		});
	}
}
