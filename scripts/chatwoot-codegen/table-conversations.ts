/** Application API: contacts (the new operations), conversations and messages. */
import type { FieldRule, GeneratedOperation } from './types';

const STATUS_OPTIONS: Array<[string, string]> = [
	['All', 'all'],
	['Open', 'open'],
	['Pending', 'pending'],
	['Resolved', 'resolved'],
	['Snoozed', 'snoozed'],
];
const PRIORITY_OPTIONS: Array<[string, string]> = [
	['High', 'high'],
	['Low', 'low'],
	['Medium', 'medium'],
	['None', 'none'],
	['Urgent', 'urgent'],
];
const SORT_OPTIONS: Array<[string, string]> = [
	['Email (A-Z)', 'email'],
	['Email (Z-A)', '-email'],
	['Last Activity (Newest First)', '-last_activity_at'],
	['Last Activity (Oldest First)', 'last_activity_at'],
	['Name (A-Z)', 'name'],
	['Name (Z-A)', '-name'],
	['Phone Number (Ascending)', 'phone_number'],
	['Phone Number (Descending)', '-phone_number'],
];

const conversationQuery: Record<string, FieldRule | 'omit'> = {
	status: {
		options: STATUS_OPTIONS,
		default: 'open',
		description: 'Only conversations with this status',
	},
	q: {
		displayName: 'Search Text',
		description: 'Only conversations with a message containing this text',
	},
	inbox_id: {
		displayName: 'Inbox ID',
		kind: 'id',
		description: 'Only conversations of this inbox',
	},
	team_id: { displayName: 'Team ID', kind: 'id', description: 'Only conversations of this team' },
	labels: {
		kind: 'textList',
		description: 'Only conversations with any of these labels, comma-separated',
	},
};

const BOT_NOTE =
	'An agent bot token may call this (AccessTokenAuthHelper::BOT_ACCESSIBLE_ENDPOINTS).';

export const CONVERSATION_OPERATIONS: GeneratedOperation[] = [
	// ---- Contact (operations added to the hand-written ones) ----
	{
		spec: 'contactList',
		resource: 'contact',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many contacts',
		description: 'List the contacts that have an email, phone number or identifier, 15 to a page',
		fields: {
			sort: { options: SORT_OPTIONS, default: 'name', description: 'The order of the list' },
			page: 'omit',
		},
		list: { at: 'payload', what: 'contacts', pageSize: 15, total: 'meta.count' },
	},
	{
		spec: 'contactConversations',
		resource: 'contact',
		operation: 'getConversations',
		name: 'Get Conversations',
		action: 'Get the conversations of a contact',
		description: 'List the conversations of a contact',
		ids: { id: 'contact' },
		list: { at: 'payload', what: 'conversations' },
	},
	{
		spec: 'list-all-labels-of-a-contact',
		resource: 'contact',
		operation: 'getLabels',
		name: 'Get Labels',
		action: 'Get the labels of a contact',
		description: 'Get the labels of a contact',
		ids: { id: 'contact' },
		output: {
			code: "(response, value) => ({ contact_id: value.contactId, labels: listAt(response, 'payload').map((l) => l.value) })",
			imports: ['listAt'],
		},
	},
	{
		spec: 'contact-add-labels',
		resource: 'contact',
		operation: 'setLabels',
		name: 'Set Labels',
		action: 'Set the labels of a contact',
		description: 'Give a contact exactly these labels: labels not listed are taken off',
		ids: { id: 'contact' },
		fields: {
			labels: {
				kind: 'textList',
				allowEmpty: true,
				description:
					'The labels, comma-separated (e.g. vip, billing); an empty list takes every label off',
			},
		},
		notes: [
			'The spec calls this "Add Labels"; the server (LabelConcern#create) replaces the list, as the spec\'s own note says.',
		],
		idempotent: 'The label list is replaced: sending it twice gives the same list.',
		output: {
			code: "(response, value) => ({ contact_id: value.contactId, labels: listAt(response, 'payload').map((l) => l.value) })",
			imports: ['listAt'],
		},
	},
	{
		spec: 'contactInboxCreation',
		resource: 'contact',
		operation: 'addToInbox',
		name: 'Add to Inbox',
		action: 'Add a contact to an inbox',
		description:
			'Make a contact reachable in an inbox (Chatwoot creates a contact inbox with a source ID)',
		ids: { id: 'contact' },
		fields: {
			inbox_id: { displayName: 'Inbox', kind: 'locator', idKind: 'inbox', top: true },
			source_id: {
				displayName: 'Source ID',
				description:
					"The contact's ID in that channel (e.g. a phone number for SMS); Chatwoot makes one up when empty",
			},
		},
		idempotent: 'With a source ID Chatwoot finds the contact inbox it made before.',
		idempotentWhen: 'source_id',
		unverifiable:
			'Without a source ID Chatwoot makes up a new one each time: nothing finds the first again.',
	},
	{
		spec: 'contactableInboxesGet',
		resource: 'contact',
		operation: 'getContactableInboxes',
		name: 'Get Contactable Inboxes',
		action: 'Get the inboxes that can reach a contact',
		description:
			"List the inboxes a conversation with the contact can start in, with the contact's source ID in each",
		ids: { id: 'contact' },
		list: { at: 'payload', what: 'inboxes' },
	},
	{
		spec: 'contactMerge',
		resource: 'contact',
		operation: 'merge',
		name: 'Merge',
		action: 'Merge two contacts',
		description:
			'Move everything of one contact into another and delete the first (cannot be undone)',
		fields: {
			base_contact_id: {
				displayName: 'Contact to Keep',
				kind: 'locator',
				idKind: 'contact',
				top: true,
				param: 'baseContactId',
			},
			mergee_contact_id: {
				displayName: 'Contact to Merge Into It',
				kind: 'locator',
				idKind: 'contact',
				top: true,
				param: 'mergeeContactId',
			},
		},
		idempotent:
			'After a merge the merged contact is gone, so a second send can only fail; it cannot merge twice.',
	},
	// ---- Conversation ----
	{
		spec: 'conversationList',
		resource: 'conversation',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many conversations',
		description: 'List conversations, 25 to a page, newest activity first',
		fields: {
			...conversationQuery,
			assignee_type: {
				displayName: 'Assignee',
				options: [
					['All', 'all'],
					['Assigned', 'assigned'],
					['Assigned to Me', 'me'],
					['Unassigned', 'unassigned'],
				],
				default: 'all',
				description: "Whose conversations to list (me: the token's user)",
			},
			page: 'omit',
		},
		list: { at: 'data.payload', what: 'conversations', pageSize: 25 },
	},
	{
		spec: 'conversationListMeta',
		resource: 'conversation',
		operation: 'getCounts',
		name: 'Get Counts',
		action: 'Count conversations',
		description:
			'Count the conversations that are mine, assigned, unassigned and all, for the filters',
		fields: conversationQuery,
		output: { code: "(response) => recordOf(response, 'meta')", imports: ['recordOf'] },
	},
	{
		spec: 'newConversation',
		resource: 'conversation',
		operation: 'create',
		name: 'Create',
		action: 'Create a conversation',
		description: 'Start a conversation with a contact in an inbox, optionally with a first message',
		bot: true,
		fields: {
			inbox_id: {
				displayName: 'Inbox',
				kind: 'locator',
				idKind: 'inbox',
				top: true,
				required: true,
			},
			contact_id: {
				displayName: 'Contact',
				kind: 'locator',
				idKind: 'contact',
				top: true,
				required: true,
			},
			source_id: {
				displayName: 'Source ID',
				required: false,
				description:
					"The contact's ID in the inbox's channel; Chatwoot finds or makes the contact inbox when empty",
			},
			additional_attributes: {
				displayName: 'Additional Attributes',
				kind: 'json',
				description: 'Extra details as JSON, e.g. {"browser": "Chrome"}',
			},
			custom_attributes: {
				displayName: 'Custom Attributes',
				kind: 'json',
				description: 'Custom attributes of the conversation as JSON',
			},
			status: {
				options: [
					['Open', 'open'],
					['Pending', 'pending'],
					['Resolved', 'resolved'],
				],
				default: 'open',
				description: 'The status the conversation starts with',
			},
			assignee_id: {
				displayName: 'Assignee ID',
				kind: 'id',
				description: 'The agent to assign the conversation to',
			},
			team_id: {
				displayName: 'Team ID',
				kind: 'id',
				description: 'The team to assign the conversation to',
			},
			snoozed_until: {
				displayName: 'Snoozed Until',
				kind: 'isoTime',
				description: 'For a snoozed start: when the conversation reopens',
			},
			'message.content': {
				param: 'message',
				displayName: 'First Message',
				kind: 'text',
				description: 'A message to start the conversation with',
			},
			'message.template_params': {
				param: 'templateParams',
				displayName: 'WhatsApp Template Params',
				kind: 'json',
				description:
					'For a WhatsApp inbox: the approved template to send, as JSON with name, category, language and processed_params',
			},
		},
		notes: [
			BOT_NOTE,
			'The spec requires source_id; the server (ConversationsController#contact_inbox) also takes inbox_id with contact_id and finds or makes the contact inbox, so the node asks for the inbox and the contact and leaves the source ID optional.',
		],
		unverifiable:
			'A contact may have several conversations in an inbox: nothing tells a new one apart.',
	},
	{
		spec: 'get-details-of-a-conversation',
		resource: 'conversation',
		operation: 'get',
		name: 'Get',
		action: 'Get a conversation',
		description: 'Get a conversation by its number',
		ids: { conversation_id: 'conversation' },
	},
	{
		spec: 'update-conversation',
		resource: 'conversation',
		operation: 'update',
		name: 'Update',
		action: 'Update a conversation',
		description: 'Change the priority or the SLA policy of a conversation',
		bot: true,
		ids: { conversation_id: 'conversation' },
		fields: {
			priority: {
				options: PRIORITY_OPTIONS,
				default: 'none',
				description: 'The priority of the conversation',
			},
			sla_policy_id: {
				displayName: 'SLA Policy ID',
				kind: 'id',
				description: 'The SLA policy to apply (Chatwoot Enterprise)',
			},
		},
		notes: [BOT_NOTE],
	},
	{
		spec: 'toggle-status-of-a-conversation',
		resource: 'conversation',
		operation: 'toggleStatus',
		name: 'Toggle Status',
		action: 'Change the status of a conversation',
		description: 'Open, resolve, set pending or snooze a conversation',
		bot: true,
		ids: { conversation_id: 'conversation' },
		fields: {
			status: {
				options: [
					['Open', 'open'],
					['Pending', 'pending'],
					['Resolved', 'resolved'],
					['Snoozed', 'snoozed'],
				],
				default: 'resolved',
				description: 'The status to set',
			},
			snoozed_until: {
				displayName: 'Snoozed Until',
				kind: 'unixTime',
				description:
					"For Snoozed: when the conversation reopens (otherwise at the customer's next reply)",
			},
		},
		notes: [BOT_NOTE],
		idempotent: 'The status is set, not switched, since the node always sends it.',
		output: { code: '(response) => recordOf(response)', imports: ['recordOf'] },
	},
	{
		spec: 'toggle-priority-of-a-conversation',
		resource: 'conversation',
		operation: 'togglePriority',
		name: 'Toggle Priority',
		action: 'Change the priority of a conversation',
		description: 'Set the priority of a conversation',
		bot: true,
		ids: { conversation_id: 'conversation' },
		fields: {
			priority: { options: PRIORITY_OPTIONS, default: 'none', description: 'The priority to set' },
		},
		notes: [BOT_NOTE],
		idempotent: 'The priority is set, not switched.',
		output: {
			code: '(_response, value) => ({ conversation_id: value.conversationId, priority: value.priority })',
		},
	},
	{
		spec: 'toggle-typing-status-of-a-conversation',
		resource: 'conversation',
		operation: 'toggleTypingStatus',
		name: 'Toggle Typing Status',
		action: 'Show or hide the agent typing',
		description:
			"Tell the customer (or, for private notes, the other agents) that the token's user is typing or stopped",
		ids: { conversation_id: 'conversation' },
		fields: {
			typing_status: {
				displayName: 'Typing Status',
				options: [
					['On', 'on'],
					['Off', 'off'],
				],
				default: 'on',
				description: 'Whether the user is typing now',
			},
			is_private: {
				displayName: 'Private Note',
				kind: 'boolean',
				description: 'Whether the typing is for a private note (shown to agents only)',
			},
		},
		notes: [
			'The spec lists agent bot tokens here; the server does not let bots call toggle_typing_status, so the node offers the user access token only.',
		],
		idempotent: 'Typing on or off is a state: saying it twice changes nothing.',
		output: {
			code: '(_response, value) => ({ conversation_id: value.conversationId, typing_status: value.typingStatus })',
		},
	},
	{
		spec: 'update-custom-attributes-of-a-conversation',
		resource: 'conversation',
		operation: 'updateCustomAttributes',
		name: 'Update Custom Attributes',
		action: 'Set the custom attributes of a conversation',
		description: 'Replace the custom attributes of a conversation with these',
		bot: true,
		ids: { conversation_id: 'conversation' },
		fields: {
			custom_attributes: {
				displayName: 'Custom Attributes',
				kind: 'json',
				description: 'All the custom attributes the conversation should have, as JSON',
			},
		},
		notes: [
			'The server (ConversationsController#custom_attributes) replaces the whole object; it also lets agent bot tokens call this, which the spec does not say.',
		],
		idempotent: 'The attributes are replaced: sending them twice gives the same result.',
	},
	{
		spec: 'assign-a-conversation',
		resource: 'conversation',
		operation: 'assign',
		name: 'Assign',
		action: 'Assign a conversation',
		description: 'Give a conversation to an agent or a team',
		bot: true,
		ids: { conversation_id: 'conversation' },
		fields: {
			assignee_id: {
				displayName: 'Agent ID',
				kind: 'id',
				description: 'The agent to assign; when set, Team ID is ignored',
			},
			team_id: {
				displayName: 'Team ID',
				kind: 'id',
				description: 'The team to assign (when no agent is given)',
			},
		},
		notes: [BOT_NOTE],
		idempotent: 'Assigning the same agent or team twice changes nothing more.',
		output: {
			code: '(response, value) => ({ conversation_id: value.conversationId, assignee: asObject(response) })',
			imports: ['asObject'],
		},
	},
	{
		spec: 'list-all-labels-of-a-conversation',
		resource: 'conversation',
		operation: 'getLabels',
		name: 'Get Labels',
		action: 'Get the labels of a conversation',
		description: 'Get the labels of a conversation',
		ids: { conversation_id: 'conversation' },
		output: {
			code: "(response, value) => ({ conversation_id: value.conversationId, labels: listAt(response, 'payload').map((l) => l.value) })",
			imports: ['listAt'],
		},
	},
	{
		spec: 'conversation-add-labels',
		resource: 'conversation',
		operation: 'setLabels',
		name: 'Set Labels',
		action: 'Set the labels of a conversation',
		description: 'Give a conversation exactly these labels: labels not listed are taken off',
		ids: { conversation_id: 'conversation' },
		fields: {
			labels: {
				kind: 'textList',
				allowEmpty: true,
				description:
					'The labels, comma-separated (e.g. billing, urgent); an empty list takes every label off',
			},
		},
		notes: [
			'The spec calls this "Add Labels"; the server (LabelConcern#create) replaces the list, as the spec\'s own note says.',
		],
		idempotent: 'The label list is replaced: sending it twice gives the same list.',
		output: {
			code: "(response, value) => ({ conversation_id: value.conversationId, labels: listAt(response, 'payload').map((l) => l.value) })",
			imports: ['listAt'],
		},
	},
	{
		spec: 'get-conversation-reporting-events',
		resource: 'conversation',
		operation: 'getReportingEvents',
		name: 'Get Reporting Events',
		action: 'Get the reporting events of a conversation',
		description:
			'List the reporting events (first response, resolution, reply times) of a conversation, oldest first (Chatwoot Enterprise)',
		ids: { conversation_id: 'conversation' },
		list: { at: 'array', what: 'events' },
	},
	// ---- Message ----
	{
		spec: 'delete-a-message',
		resource: 'message',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a message',
		description:
			'Delete a message and its attachments (Chatwoot keeps a "This message was deleted" placeholder)',
		ids: { conversation_id: 'conversation', message_id: 'message' },
		output: 'deleted',
	},
];
