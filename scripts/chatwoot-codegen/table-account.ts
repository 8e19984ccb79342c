/** Application API (user access token): the account and its settings. */
import type { FieldRule, GeneratedOperation } from './types';

const AVATAR_OMITTED = 'The avatar upload (multipart) is not offered: give Avatar URL instead.';

const accountFields: Record<string, FieldRule | 'omit'> = {
	name: { description: 'The name of the account' },
	locale: { description: 'The language of the account, e.g. en or pt_BR', placeholder: 'en' },
	domain: { description: 'The email domain of the account, e.g. example.com' },
	support_email: {
		displayName: 'Support Email',
		kind: 'email',
		description: 'The address replies to customers come from',
	},
	auto_resolve_after: {
		displayName: 'Auto Resolve After (Minutes)',
		kind: 'integer',
		description: 'Resolve conversations left without activity this many minutes',
	},
	auto_resolve_message: {
		displayName: 'Auto Resolve Message',
		kind: 'text',
		description: 'The message Chatwoot sends when it resolves a conversation by itself',
	},
	auto_resolve_ignore_waiting: {
		displayName: 'Auto Resolve Ignores Waiting',
		kind: 'boolean',
		description: "Whether conversations waiting for an agent's reply are left open",
	},
	industry: { description: 'The industry of the company, e.g. Technology' },
	company_size: {
		displayName: 'Company Size',
		description: 'The size of the company, e.g. 50-100',
	},
	timezone: { description: 'The time zone of the account, e.g. Europe/Berlin', placeholder: 'UTC' },
};

const agentBotFields: Record<string, FieldRule | 'omit'> = {
	name: { description: 'The name of the agent bot' },
	description: { description: 'What the bot does' },
	outgoing_url: {
		displayName: 'Outgoing URL',
		description: 'Where Chatwoot sends the events of the conversations the bot handles',
	},
	avatar: 'omit',
	avatar_url: { displayName: 'Avatar URL', description: 'A JPEG or PNG image for the bot, by URL' },
	bot_type: {
		displayName: 'Bot Type',
		kind: 'numberOptions',
		options: [['Webhook', 0]],
		default: 0,
		description: 'How the bot works; Chatwoot offers webhook bots',
	},
	bot_config: {
		displayName: 'Bot Config',
		kind: 'json',
		description: 'Settings for the bot as JSON',
	},
};

const automationFields: Record<string, FieldRule | 'omit'> = {
	name: { description: 'The name of the rule' },
	description: { description: 'What the rule does' },
	event_name: {
		displayName: 'Event',
		options: [
			['Conversation Created', 'conversation_created'],
			['Conversation Resolved', 'conversation_resolved'],
			['Conversation Updated', 'conversation_updated'],
			['Message Created', 'message_created'],
		],
		default: 'conversation_created',
		description: 'When the rule runs',
	},
	active: { kind: 'boolean', default: true, description: 'Whether the rule runs' },
	actions: {
		kind: 'jsonList',
		description:
			'What the rule does, as a JSON list, e.g. [{"action_name": "add_label", "action_params": ["support"]}]',
	},
	conditions: {
		kind: 'jsonList',
		description:
			'When the rule acts, as a JSON list, e.g. [{"attribute_key": "content", "filter_operator": "contains", "values": ["help"], "query_operator": null}]',
	},
};

const cannedFields: Record<string, FieldRule | 'omit'> = {
	short_code: {
		displayName: 'Short Code',
		description: 'What agents type after / to insert the response, e.g. welcome',
	},
	content: {
		kind: 'text',
		description: 'The text of the response; {{contact.name}} and other variables are filled in',
	},
};

const customAttributeFields: Record<string, FieldRule | 'omit'> = {
	attribute_display_name: { displayName: 'Display Name', description: 'The name agents see' },
	attribute_display_type: {
		displayName: 'Type',
		kind: 'numberOptions',
		options: [
			['Checkbox', 7],
			['Currency', 2],
			['Date', 5],
			['Link', 4],
			['List', 6],
			['Number', 1],
			['Percent', 3],
			['Text', 0],
		],
		default: 0,
		description: 'What kind of value the attribute holds',
	},
	attribute_description: { displayName: 'Description', description: 'What the attribute is for' },
	attribute_key: {
		displayName: 'Key',
		description: 'The key the value is stored under, e.g. plan_tier (unique per model)',
	},
	attribute_values: {
		displayName: 'List Values',
		kind: 'textList',
		description: 'For a list attribute: the values to pick from, comma-separated',
	},
	attribute_model: {
		displayName: 'Applies To',
		kind: 'numberOptions',
		options: [
			['Contacts', 1],
			['Conversations', 0],
		],
		default: 0,
		description: 'Whether contacts or conversations carry the attribute',
	},
	regex_pattern: {
		displayName: 'Regex Pattern',
		description: 'For a text attribute: a pattern values must match',
	},
	regex_cue: {
		displayName: 'Regex Cue',
		description: 'For a text attribute: what agents see when a value does not match the pattern',
	},
};

const FILTER_TYPES: Array<[string, string]> = [
	['Contact', 'contact'],
	['Conversation', 'conversation'],
	['Report', 'report'],
];

const customFilterFields: Record<string, FieldRule | 'omit'> = {
	name: { description: 'The name of the saved filter' },
	type: 'omit',
	query: {
		kind: 'json',
		description:
			'The filter as Chatwoot saves it, e.g. {"payload": [{"attribute_key": "status", "filter_operator": "equal_to", "values": ["open"], "query_operator": null}]}',
	},
};
const filterTypeField: FieldRule & { kind: 'options' } = {
	kind: 'options',
	in: 'body',
	displayName: 'Filter Type',
	options: FILTER_TYPES,
	default: 'conversation',
	description: 'What the filter applies to',
};

const inboxFields: Record<string, FieldRule | 'omit'> = {
	name: { description: 'The name of the inbox' },
	avatar: 'omit',
	greeting_enabled: {
		displayName: 'Greeting Enabled',
		kind: 'boolean',
		description: 'Whether new visitors get the greeting message',
	},
	greeting_message: {
		displayName: 'Greeting Message',
		kind: 'text',
		description: 'The greeting shown to new visitors',
	},
	enable_email_collect: {
		displayName: 'Collect Email',
		kind: 'boolean',
		description: 'Whether the widget asks visitors for their email',
	},
	csat_survey_enabled: {
		displayName: 'CSAT Survey Enabled',
		kind: 'boolean',
		description: 'Whether a satisfaction survey follows resolved conversations',
	},
	enable_auto_assignment: {
		displayName: 'Auto Assignment',
		kind: 'boolean',
		description: 'Whether new conversations are assigned to agents automatically',
	},
	working_hours_enabled: {
		displayName: 'Working Hours Enabled',
		kind: 'boolean',
		description: 'Whether the inbox keeps working hours',
	},
	out_of_office_message: {
		displayName: 'Out of Office Message',
		kind: 'text',
		description: 'The message shown outside working hours',
	},
	timezone: { description: 'The time zone of the working hours, e.g. America/New_York' },
	allow_messages_after_resolved: {
		displayName: 'Allow Messages After Resolved',
		kind: 'boolean',
		description: 'Whether customers may write again in a resolved conversation',
	},
	lock_to_single_conversation: {
		displayName: 'Lock to Single Conversation',
		kind: 'boolean',
		description: 'Whether a contact keeps one conversation in this inbox',
	},
	portal_id: {
		displayName: 'Help Center Portal ID',
		kind: 'id',
		description: 'The ID of a help center portal to show in the widget',
	},
	sender_name_type: {
		displayName: 'Sender Name Type',
		options: [
			['Friendly (Agent Name)', 'friendly'],
			['Professional (Business Name)', 'professional'],
		],
		default: 'friendly',
		description: 'How replies are signed',
	},
	business_name: {
		displayName: 'Business Name',
		description: 'The name replies are signed with when the sender name type is professional',
	},
	'channel.website_url': {
		param: 'websiteUrl',
		displayName: 'Website URL',
		description: 'For a website inbox: the site the widget runs on',
	},
	'channel.welcome_title': {
		param: 'welcomeTitle',
		displayName: 'Welcome Title',
		description: 'For a website inbox: the heading of the widget',
	},
	'channel.welcome_tagline': {
		param: 'welcomeTagline',
		displayName: 'Welcome Tagline',
		description: 'For a website inbox: the line under the heading',
	},
	'channel.widget_color': {
		param: 'widgetColor',
		displayName: 'Widget Color',
		kind: 'color',
		description: 'For a website inbox: the color of the widget',
	},
};

const labelFields: Record<string, FieldRule | 'omit'> = {
	title: { description: 'The label, e.g. billing (letters, digits, - and _)' },
	description: { description: 'What the label is for' },
	color: { kind: 'color', description: 'The color of the label' },
	show_on_sidebar: {
		displayName: 'Show on Sidebar',
		kind: 'boolean',
		default: true,
		description: "Whether the label appears in the agents' sidebar",
	},
};

const teamFields: Record<string, FieldRule | 'omit'> = {
	name: { description: 'The name of the team' },
	description: { description: 'What the team does' },
	allow_auto_assign: {
		displayName: 'Allow Auto Assign',
		kind: 'boolean',
		description:
			'Whether a conversation given to the team goes on to one of its agents automatically',
	},
};

const WEBHOOK_EVENTS: Array<[string, string]> = [
	['Contact Created', 'contact_created'],
	['Contact Updated', 'contact_updated'],
	['Conversation Created', 'conversation_created'],
	['Conversation Status Changed', 'conversation_status_changed'],
	['Conversation Typing Off', 'conversation_typing_off'],
	['Conversation Typing On', 'conversation_typing_on'],
	['Conversation Updated', 'conversation_updated'],
	['Inbox Created', 'inbox_created'],
	['Inbox Updated', 'inbox_updated'],
	['Message Created', 'message_created'],
	['Message Updated', 'message_updated'],
	['Web Widget Triggered', 'webwidget_triggered'],
];
const EVENTS_NOTE =
	'Events follow the server (Webhook::ALLOWED_WEBHOOK_EVENTS): the spec also lacks inbox_created, inbox_updated and the typing events.';

const webhookFields: Record<string, FieldRule | 'omit'> = {
	url: {
		displayName: 'URL',
		description: 'Where Chatwoot posts the events (http or https)',
		placeholder: 'https://example.com/chatwoot',
	},
	name: { description: 'A name to tell the webhook apart' },
	subscriptions: {
		displayName: 'Events',
		kind: 'multiOptions',
		options: WEBHOOK_EVENTS,
		description: 'The events Chatwoot sends to the URL',
	},
};

const integrationHookFields: Record<string, FieldRule | 'omit'> = {
	app_id: {
		displayName: 'App ID',
		kind: 'string',
		description:
			'The ID of the integration app, as Get Many of Integration lists it (e.g. dialogflow)',
	},
	inbox_id: {
		displayName: 'Inbox ID',
		kind: 'id',
		description: 'For an inbox-level app: the inbox to connect',
	},
	status: {
		kind: 'numberOptions',
		options: [
			['Disabled', 0],
			['Enabled', 1],
		],
		default: 1,
		description: 'Whether the integration is on',
	},
	settings: { kind: 'json', description: 'The settings the app needs, as JSON' },
};

export const ACCOUNT_OPERATIONS: GeneratedOperation[] = [
	// ---- Account ----
	{
		spec: 'get-account-details',
		resource: 'account',
		operation: 'get',
		name: 'Get',
		action: 'Get the account',
		description: 'Get the settings of the account in the credential',
	},
	{
		spec: 'update-account',
		resource: 'account',
		operation: 'update',
		name: 'Update',
		action: 'Update the account',
		description:
			'Change the name, locale, domain, support email, auto-resolve settings or company details of the account',
		fields: accountFields,
	},
	// ---- Audit Log ----
	{
		spec: 'get-account-audit-logs',
		resource: 'auditLog',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many audit log entries',
		description:
			'List who changed what in the account, newest first (Chatwoot Enterprise with audit logs on)',
		list: { at: 'audit_logs', what: 'entries', pageSize: 15, total: 'total_entries' },
	},
	// ---- Agent Bot ----
	{
		spec: 'list-all-account-agent-bots',
		resource: 'agentBot',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many agent bots',
		description: 'List the agent bots the account can use',
		list: { at: 'array', what: 'agent bots' },
	},
	{
		spec: 'create-an-account-agent-bot',
		resource: 'agentBot',
		operation: 'create',
		name: 'Create',
		action: 'Create an agent bot',
		description: 'Create an agent bot that receives conversation events at its outgoing URL',
		fields: { ...agentBotFields, name: { ...(agentBotFields.name as FieldRule), required: true } },
		notes: [
			AVATAR_OMITTED,
			'The spec marks nothing required; the AgentBot model needs a name, so the node asks for it.',
		],
		lookup: { path: '/agent_bots', at: 'array', key: 'name' },
	},
	{
		spec: 'get-details-of-a-single-account-agent-bot',
		resource: 'agentBot',
		operation: 'get',
		name: 'Get',
		action: 'Get an agent bot',
		description: 'Get an agent bot the account can use',
		ids: { id: 'agentBot' },
	},
	{
		spec: 'update-an-account-agent-bot',
		resource: 'agentBot',
		operation: 'update',
		name: 'Update',
		action: 'Update an agent bot',
		description:
			'Change the name, description, outgoing URL or avatar of an agent bot of the account',
		ids: { id: 'agentBot' },
		fields: agentBotFields,
		notes: [AVATAR_OMITTED],
	},
	{
		spec: 'delete-an-account-agent-bot',
		resource: 'agentBot',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete an agent bot',
		description: 'Delete an agent bot of the account',
		ids: { id: 'agentBot' },
		output: 'deleted',
	},
	// ---- Automation Rule ----
	{
		spec: 'get-account-automation-rule',
		resource: 'automationRule',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many automation rules',
		description: 'List the automation rules of the account',
		list: { at: 'payload', what: 'rules' },
		notes: [
			'The spec offers a page parameter; the server returns every rule at once and ignores it.',
		],
		fields: { page: 'omit' },
	},
	{
		spec: 'add-new-automation-rule-to-account',
		resource: 'automationRule',
		operation: 'create',
		name: 'Create',
		action: 'Create an automation rule',
		description: 'Create a rule that acts on conversations and messages when its conditions match',
		fields: {
			...automationFields,
			name: { ...(automationFields.name as FieldRule), required: true },
			event_name: { ...(automationFields.event_name as FieldRule), required: true },
			actions: { ...(automationFields.actions as FieldRule), required: true },
			conditions: { ...(automationFields.conditions as FieldRule), required: true },
		},
		notes: [
			'The spec marks nothing required; the AutomationRule model validates name, event, conditions and actions, so the node asks for them.',
		],
		lookup: { path: '/automation_rules', at: 'payload', key: 'name' },
	},
	{
		spec: 'get-details-of-a-single-automation-rule',
		resource: 'automationRule',
		operation: 'get',
		name: 'Get',
		action: 'Get an automation rule',
		description: 'Get an automation rule of the account',
		ids: { id: 'automationRule' },
	},
	{
		spec: 'update-automation-rule-in-account',
		resource: 'automationRule',
		operation: 'update',
		name: 'Update',
		action: 'Update an automation rule',
		description: 'Change the name, event, conditions, actions or state of an automation rule',
		ids: { id: 'automationRule' },
		fields: automationFields,
	},
	{
		spec: 'delete-automation-rule-from-account',
		resource: 'automationRule',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete an automation rule',
		description: 'Delete an automation rule of the account',
		ids: { id: 'automationRule' },
		output: 'deleted',
	},
	// ---- Canned Response ----
	{
		spec: 'get-account-canned-response',
		resource: 'cannedResponse',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many canned responses',
		description: 'List the canned responses of the account',
		list: { at: 'array', what: 'canned responses' },
		extra: {
			search: {
				kind: 'string',
				in: 'query',
				displayName: 'Search',
				description: 'Only responses whose short code or text contains this',
			},
		},
		notes: ['The server also filters by `search` (short code or content); the spec leaves it out.'],
	},
	{
		spec: 'add-new-canned-response-to-account',
		resource: 'cannedResponse',
		operation: 'create',
		name: 'Create',
		action: 'Create a canned response',
		description: 'Create a saved reply agents insert by its short code',
		fields: {
			short_code: { ...(cannedFields.short_code as FieldRule), required: true },
			content: { ...(cannedFields.content as FieldRule), required: true },
		},
		notes: ['The spec marks nothing required; the CannedResponse model validates both fields.'],
		lookup: { path: '/canned_responses', at: 'array', key: 'short_code' },
	},
	{
		spec: 'update-canned-response-in-account',
		resource: 'cannedResponse',
		operation: 'update',
		name: 'Update',
		action: 'Update a canned response',
		description: 'Change the short code or text of a canned response',
		ids: { id: 'cannedResponse' },
		fields: cannedFields,
	},
	{
		spec: 'delete-canned-response-from-account',
		resource: 'cannedResponse',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a canned response',
		description: 'Delete a canned response of the account',
		ids: { id: 'cannedResponse' },
		output: 'deleted',
	},
	// ---- Custom Attribute ----
	{
		spec: 'get-account-custom-attribute',
		resource: 'customAttribute',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many custom attributes',
		description: 'List the custom attribute definitions for contacts or for conversations',
		fields: {
			attribute_model: {
				displayName: 'Applies To',
				options: [
					['Contacts', '1'],
					['Conversations', '0'],
				],
				default: '0',
				description: 'Whether to list the attributes of contacts or of conversations',
			},
		},
		list: { at: 'array', what: 'attributes' },
	},
	{
		spec: 'add-new-custom-attribute-to-account',
		resource: 'customAttribute',
		operation: 'create',
		name: 'Create',
		action: 'Create a custom attribute',
		description: 'Define a custom attribute for contacts or conversations',
		fields: {
			...customAttributeFields,
			attribute_display_name: {
				...(customAttributeFields.attribute_display_name as FieldRule),
				required: true,
			},
			attribute_key: { ...(customAttributeFields.attribute_key as FieldRule), required: true },
			attribute_display_type: {
				...(customAttributeFields.attribute_display_type as FieldRule),
				required: true,
			},
			attribute_model: { ...(customAttributeFields.attribute_model as FieldRule), required: true },
		},
		notes: [
			'The spec marks nothing required; the model validates the display name, key, type and model.',
		],
		lookup: {
			path: '/custom_attribute_definitions',
			at: 'array',
			key: 'attribute_key',
			query: { attribute_model: 'attributeModel' },
		},
	},
	{
		spec: 'get-details-of-a-single-custom-attribute',
		resource: 'customAttribute',
		operation: 'get',
		name: 'Get',
		action: 'Get a custom attribute',
		description: 'Get a custom attribute definition',
		ids: { id: 'customAttribute' },
	},
	{
		spec: 'update-custom-attribute-in-account',
		resource: 'customAttribute',
		operation: 'update',
		name: 'Update',
		action: 'Update a custom attribute',
		description: 'Change a custom attribute definition',
		ids: { id: 'customAttribute' },
		fields: customAttributeFields,
	},
	{
		spec: 'delete-custom-attribute-from-account',
		resource: 'customAttribute',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a custom attribute',
		description: 'Delete a custom attribute definition (the values stored on records stay)',
		ids: { id: 'customAttribute' },
		output: 'deleted',
	},
	// ---- Custom Filter ----
	{
		spec: 'list-all-filters',
		resource: 'customFilter',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many custom filters',
		description: "List the saved filters of the token's user, of one type",
		fields: {
			filter_type: {
				displayName: 'Filter Type',
				options: FILTER_TYPES,
				default: 'conversation',
				top: true,
				description: 'Which saved filters to list',
			},
		},
		list: { at: 'array', what: 'filters' },
	},
	{
		spec: 'create-a-custom-filter',
		resource: 'customFilter',
		operation: 'create',
		name: 'Create',
		action: 'Create a custom filter',
		description: "Save a filter for the token's user",
		fields: {
			...customFilterFields,
			filter_type: 'omit',
			name: { ...(customFilterFields.name as FieldRule), required: true },
			query: { ...(customFilterFields.query as FieldRule), required: true },
		},
		extra: { filter_type: { ...filterTypeField, required: true, top: true } },
		notes: [
			'The spec names the type `type` (and also lists a filter_type query parameter); the server permits custom_filter[filter_type] only, so the node sends filter_type in the body.',
		],
		unverifiable: 'Saved filters may share a name: nothing tells a new one apart.',
	},
	{
		spec: 'get-details-of-a-single-custom-filter',
		resource: 'customFilter',
		operation: 'get',
		name: 'Get',
		action: 'Get a custom filter',
		description: "Get a saved filter of the token's user",
		ids: { custom_filter_id: 'customFilter' },
	},
	{
		spec: 'update-a-custom-filter',
		resource: 'customFilter',
		operation: 'update',
		name: 'Update',
		action: 'Update a custom filter',
		description: 'Change the name, type or query of a saved filter',
		ids: { custom_filter_id: 'customFilter' },
		fields: customFilterFields,
		extra: { filter_type: filterTypeField },
		notes: [
			'The spec names the type `type`; the server permits custom_filter[filter_type], which the node sends.',
		],
	},
	{
		spec: 'delete-a-custom-filter',
		resource: 'customFilter',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a custom filter',
		description: "Delete a saved filter of the token's user",
		ids: { custom_filter_id: 'customFilter' },
		output: 'deleted',
	},
	// ---- Inbox ----
	{
		spec: 'listAllInboxes',
		resource: 'inbox',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many inboxes',
		description: 'List the inboxes of the account',
		list: { at: 'payload', what: 'inboxes' },
	},
	{
		spec: 'inboxCreation',
		resource: 'inbox',
		operation: 'create',
		name: 'Create',
		action: 'Create an inbox',
		description: 'Create a website or API inbox',
		fields: {
			...inboxFields,
			name: { ...(inboxFields.name as FieldRule), required: true },
			'channel.type': {
				param: 'channelType',
				displayName: 'Channel',
				options: [
					['API', 'api'],
					['Website', 'web_widget'],
				],
				default: 'web_widget',
				required: true,
				description:
					"The kind of inbox. Email, SMS, WhatsApp, LINE and Telegram inboxes need the provider's details: create those in Chatwoot.",
			},
		},
		notes: [
			'The spec lists seven channel types; the server builds only web_widget and api from this endpoint without provider credentials, so the node offers those two.',
			'The avatar upload (multipart) is not offered.',
		],
		extra: {
			'channel.webhook_url': {
				parent: 'channel',
				param: 'webhookUrl',
				kind: 'string',
				in: 'body',
				displayName: 'Webhook URL',
				description: 'For an API inbox: where Chatwoot posts the messages agents send',
			},
		},
		lookup: { path: '/inboxes', at: 'payload', key: 'name' },
	},
	{
		spec: 'GetInbox',
		resource: 'inbox',
		operation: 'get',
		name: 'Get',
		action: 'Get an inbox',
		description: 'Get an inbox of the account',
		ids: { id: 'inbox' },
	},
	{
		spec: 'updateInbox',
		resource: 'inbox',
		operation: 'update',
		name: 'Update',
		action: 'Update an inbox',
		description:
			'Change the name, greeting, working hours, assignment and widget settings of an inbox',
		ids: { id: 'inbox' },
		fields: inboxFields,
		notes: ['The avatar upload (multipart) is not offered.'],
	},
	{
		spec: 'getInboxAgentBot',
		resource: 'inbox',
		operation: 'getAgentBot',
		name: 'Get Agent Bot',
		action: 'Get the agent bot of an inbox',
		description: 'Get the agent bot connected to an inbox (agent_bot is empty when there is none)',
		ids: { id: 'inbox' },
	},
	{
		spec: 'updateAgentBot',
		resource: 'inbox',
		operation: 'setAgentBot',
		name: 'Set Agent Bot',
		action: 'Set the agent bot of an inbox',
		description: 'Connect an agent bot to an inbox, or disconnect the one it has',
		ids: { id: 'inbox' },
		fields: {
			agent_bot: {
				displayName: 'Agent Bot ID',
				kind: 'id',
				required: false,
				top: true,
				description: "The bot to connect; leave empty to disconnect the inbox's bot",
				nullWhenEmpty: true,
			},
		},
		notes: [
			'The spec marks agent_bot required; the server takes an empty value as "remove the bot", so the node sends null for an empty field.',
		],
		idempotent: 'Connecting the same bot twice leaves one connection.',
		output: {
			code: '(_response, value) => ({ inbox_id: value.inboxId, agent_bot: value.agentBot ?? null })',
		},
	},
	{
		spec: 'get-inbox-members',
		resource: 'inbox',
		operation: 'getMembers',
		name: 'Get Members',
		action: 'Get the agents of an inbox',
		description: 'List the agents who work in an inbox',
		ids: { inbox_id: 'inbox' },
		list: { at: 'payload', what: 'agents' },
	},
	{
		spec: 'add-new-agent-to-inbox',
		resource: 'inbox',
		operation: 'addMembers',
		name: 'Add Members',
		action: 'Add agents to an inbox',
		description: 'Let more agents work in an inbox (the ones it has stay)',
		fields: {
			inbox_id: { displayName: 'Inbox', kind: 'locator', idKind: 'inbox', top: true },
			user_ids: {
				displayName: 'Agent IDs',
				kind: 'idList',
				description: 'The user IDs of the agents, comma-separated',
			},
		},
		idempotent: 'Chatwoot adds only agents the inbox lacks.',
		output: {
			code: "(response) => ({ members: listAt(response, 'payload') })",
			imports: ['listAt'],
		},
	},
	{
		spec: 'update-agents-in-inbox',
		resource: 'inbox',
		operation: 'setMembers',
		name: 'Set Members',
		action: 'Set the agents of an inbox',
		description: "Make these agents the inbox's members: agents not listed are removed from it",
		fields: {
			inbox_id: { displayName: 'Inbox', kind: 'locator', idKind: 'inbox', top: true },
			user_ids: {
				displayName: 'Agent IDs',
				kind: 'idList',
				description: 'The user IDs of all the agents the inbox should have, comma-separated',
			},
		},
		notes: [
			'The spec types inbox_id as a string here; it is the same numeric inbox ID as elsewhere.',
		],
		output: {
			code: "(response) => ({ members: listAt(response, 'payload') })",
			imports: ['listAt'],
		},
	},
	{
		spec: 'delete-agent-in-inbox',
		resource: 'inbox',
		operation: 'removeMembers',
		name: 'Remove Members',
		action: 'Remove agents from an inbox',
		description: 'Stop agents working in an inbox',
		fields: {
			inbox_id: { displayName: 'Inbox', kind: 'locator', idKind: 'inbox', top: true },
			user_ids: {
				displayName: 'Agent IDs',
				kind: 'idList',
				description: 'The user IDs of the agents to remove, comma-separated',
			},
		},
		output: { code: '(_response, value) => ({ inbox_id: value.inboxId, removed: value.userIds })' },
	},
	// ---- Integration ----
	{
		spec: 'get-details-of-all-integrations',
		resource: 'integration',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many integrations',
		description: 'List the integration apps of the account, with their hooks',
		list: { at: 'payload', what: 'integrations' },
	},
	{
		spec: 'create-an-integration-hook',
		resource: 'integrationHook',
		operation: 'create',
		name: 'Create',
		action: 'Create an integration hook',
		description: 'Connect an integration app to the account or to an inbox',
		fields: {
			...integrationHookFields,
			app_id: { ...(integrationHookFields.app_id as FieldRule), required: true },
		},
		notes: [
			"The spec types app_id as an integer; Chatwoot's apps are named by text IDs (dialogflow, slack…), which the server takes.",
		],
		unverifiable:
			'Hooks have no name of their own, and the app list does not say which hook is new.',
	},
	{
		spec: 'update-an-integrations-hook',
		resource: 'integrationHook',
		operation: 'update',
		name: 'Update',
		action: 'Update an integration hook',
		description: 'Turn an integration hook on or off, or change its settings',
		ids: { hook_id: 'integrationHook' },
		fields: { status: integrationHookFields.status, settings: integrationHookFields.settings },
	},
	{
		spec: 'delete-an-integration-hook',
		resource: 'integrationHook',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete an integration hook',
		description: 'Disconnect an integration app',
		ids: { hook_id: 'integrationHook' },
		output: 'deleted',
	},
	// ---- Label ----
	{
		spec: 'list-all-labels',
		resource: 'label',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many labels',
		description: 'List the labels of the account',
		list: { at: 'payload', what: 'labels' },
	},
	{
		spec: 'create-a-label',
		resource: 'label',
		operation: 'create',
		name: 'Create',
		action: 'Create a label',
		description: 'Create a label for tagging conversations and contacts',
		fields: { ...labelFields, title: { ...(labelFields.title as FieldRule), required: true } },
		notes: ['The spec marks nothing required; the Label model validates the title.'],
		lookup: { path: '/labels', at: 'payload', key: 'title' },
	},
	{
		spec: 'get-details-of-a-single-label',
		resource: 'label',
		operation: 'get',
		name: 'Get',
		action: 'Get a label',
		description: 'Get a label of the account',
		ids: { id: 'label' },
	},
	{
		spec: 'update-a-label',
		resource: 'label',
		operation: 'update',
		name: 'Update',
		action: 'Update a label',
		description: 'Change the title, description, color or sidebar setting of a label',
		ids: { id: 'label' },
		fields: labelFields,
	},
	{
		spec: 'delete-a-label',
		resource: 'label',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a label',
		description: 'Delete a label of the account',
		ids: { id: 'label' },
		output: 'deleted',
	},
	// ---- Profile ----
	{
		spec: 'fetchProfile',
		resource: 'profile',
		operation: 'get',
		name: 'Get',
		action: 'Get the profile',
		description: 'Get the profile of the user whose token the credential holds',
	},
	{
		spec: 'updateProfile',
		resource: 'profile',
		operation: 'update',
		name: 'Update',
		action: 'Update the profile',
		description:
			"Change the name, email, signature, phone number, password or UI settings of the token's user",
		fields: {
			'profile.name': {
				param: 'name',
				displayName: 'Name',
				description: 'The full name of the user',
			},
			'profile.email': {
				param: 'email',
				displayName: 'Email',
				kind: 'email',
				description: 'The email address of the user',
			},
			'profile.display_name': {
				param: 'displayName',
				displayName: 'Display Name',
				description: 'The name customers see',
			},
			'profile.message_signature': {
				param: 'messageSignature',
				displayName: 'Message Signature',
				kind: 'text',
				description: "The signature added to the user's messages",
			},
			'profile.phone_number': {
				param: 'phoneNumber',
				displayName: 'Phone Number',
				placeholder: '+15551234567',
				description: 'In E.164 format: + and the country code',
			},
			'profile.current_password': {
				param: 'currentPassword',
				displayName: 'Current Password',
				kind: 'password',
				description: 'Needed to set a new password',
			},
			'profile.password': {
				param: 'password',
				displayName: 'New Password',
				kind: 'password',
				description: 'The new password (with Current Password and Password Confirmation)',
			},
			'profile.password_confirmation': {
				param: 'passwordConfirmation',
				displayName: 'Password Confirmation',
				kind: 'password',
				description: 'The new password again',
			},
			'profile.ui_settings': {
				param: 'uiSettings',
				displayName: 'UI Settings',
				kind: 'json',
				description: 'Dashboard preferences as JSON',
			},
		},
		notes: ['The avatar upload (multipart) is not offered.'],
	},
	// ---- Team ----
	{
		spec: 'list-all-teams',
		resource: 'team',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many teams',
		description: 'List the teams of the account',
		list: { at: 'array', what: 'teams' },
	},
	{
		spec: 'create-a-team',
		resource: 'team',
		operation: 'create',
		name: 'Create',
		action: 'Create a team',
		description: 'Create a team that conversations can be assigned to',
		fields: { ...teamFields, name: { ...(teamFields.name as FieldRule), required: true } },
		notes: [
			'The spec marks nothing required; the Team model validates the name (unique in the account).',
		],
		lookup: { path: '/teams', at: 'array', key: 'name' },
	},
	{
		spec: 'get-details-of-a-single-team',
		resource: 'team',
		operation: 'get',
		name: 'Get',
		action: 'Get a team',
		description: 'Get a team of the account',
		ids: { team_id: 'team' },
	},
	{
		spec: 'update-a-team',
		resource: 'team',
		operation: 'update',
		name: 'Update',
		action: 'Update a team',
		description: 'Change the name, description or auto-assign setting of a team',
		ids: { team_id: 'team' },
		fields: teamFields,
	},
	{
		spec: 'delete-a-team',
		resource: 'team',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a team',
		description: 'Delete a team of the account',
		ids: { team_id: 'team' },
		output: 'deleted',
	},
	{
		spec: 'get-team-members',
		resource: 'team',
		operation: 'getMembers',
		name: 'Get Members',
		action: 'Get the agents of a team',
		description: 'List the agents in a team',
		ids: { team_id: 'team' },
		list: { at: 'array', what: 'agents' },
	},
	{
		spec: 'add-new-agent-to-team',
		resource: 'team',
		operation: 'addMembers',
		name: 'Add Members',
		action: 'Add agents to a team',
		description: 'Put more agents in a team (the ones it has stay)',
		ids: { team_id: 'team' },
		fields: {
			user_ids: {
				displayName: 'Agent IDs',
				kind: 'idList',
				description: 'The user IDs of the agents, comma-separated',
			},
		},
		idempotent: 'Chatwoot adds only agents the team lacks.',
		output: { code: "(response) => ({ members: listAt(response, 'array') })", imports: ['listAt'] },
	},
	{
		spec: 'update-agents-in-team',
		resource: 'team',
		operation: 'setMembers',
		name: 'Set Members',
		action: 'Set the agents of a team',
		description: 'Make these agents the team: agents not listed leave it',
		ids: { team_id: 'team' },
		fields: {
			user_ids: {
				displayName: 'Agent IDs',
				kind: 'idList',
				description: 'The user IDs of all the agents the team should have, comma-separated',
			},
		},
		output: { code: "(response) => ({ members: listAt(response, 'array') })", imports: ['listAt'] },
	},
	{
		spec: 'delete-agent-in-team',
		resource: 'team',
		operation: 'removeMembers',
		name: 'Remove Members',
		action: 'Remove agents from a team',
		description: 'Take agents out of a team',
		ids: { team_id: 'team' },
		fields: {
			user_ids: {
				displayName: 'Agent IDs',
				kind: 'idList',
				description: 'The user IDs of the agents to remove, comma-separated',
			},
		},
		output: { code: '(_response, value) => ({ team_id: value.teamId, removed: value.userIds })' },
	},
	// ---- Webhook ----
	{
		spec: 'list-all-webhooks',
		resource: 'webhook',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many webhooks',
		description: 'List the webhooks of the account',
		list: { at: 'payload.webhooks', what: 'webhooks' },
		notes: ['The spec shows a bare array; the server wraps it as {payload: {webhooks: [...]}}.'],
	},
	{
		spec: 'create-a-webhook',
		resource: 'webhook',
		operation: 'create',
		name: 'Create',
		action: 'Create a webhook',
		description:
			'Have Chatwoot post the chosen events to a URL (the Chatwoot Trigger node does this for a workflow)',
		fields: {
			...webhookFields,
			url: { ...(webhookFields.url as FieldRule), required: true },
			subscriptions: { ...(webhookFields.subscriptions as FieldRule), required: true },
		},
		notes: [
			EVENTS_NOTE,
			'The server answers {payload: {webhook}}; newer Chatwoot also returns the signing secret there.',
		],
		output: { key: 'webhook' },
		lookup: { path: '/webhooks', at: 'payload.webhooks', key: 'url' },
	},
	{
		spec: 'update-a-webhook',
		resource: 'webhook',
		operation: 'update',
		name: 'Update',
		action: 'Update a webhook',
		description: 'Change the URL, name or events of a webhook',
		ids: { webhook_id: 'webhook' },
		fields: webhookFields,
		notes: [EVENTS_NOTE],
		output: { key: 'webhook' },
	},
	{
		spec: 'delete-a-webhook',
		resource: 'webhook',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a webhook',
		description: "Stop Chatwoot posting events to a webhook's URL",
		ids: { webhook_id: 'webhook' },
		output: 'deleted',
	},
	// ---- Reporting Event ----
	{
		spec: 'get-account-reporting-events',
		resource: 'reportingEvent',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many reporting events',
		description:
			"List the account's reporting events (first response, resolution, reply times), newest first; administrators only, Chatwoot Enterprise",
		fields: {
			since: { kind: 'unixTime', asText: true, description: 'Only events from this moment on' },
			until: { kind: 'unixTime', asText: true, description: 'Only events up to this moment' },
			inbox_id: { displayName: 'Inbox ID', kind: 'id', description: 'Only events of this inbox' },
			user_id: { displayName: 'Agent ID', kind: 'id', description: 'Only events of this agent' },
			name: {
				displayName: 'Event Name',
				description: 'Only events with this name, e.g. first_response, resolution or reply_time',
			},
		},
		list: { at: 'payload', what: 'events', pageSize: 25, total: 'meta.count' },
	},
];
