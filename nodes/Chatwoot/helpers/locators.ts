import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { idLocator, type ListSearch } from '../../shared/locator';
import { CHATWOOT_PAGE_SIZE } from './lists';
import { listAt, type ListPath } from './responses';

/**
 * The records whose IDs the node takes, each as a resource locator: "From List" where Chatwoot
 * can list them, "By ID" always. The operations read the value through the shared id checks,
 * which also take the plain numbers older workflows hold.
 */
export interface IdKind {
	/** The parameter name the operations use. */
	param: string;
	displayName: string;
	description: string;
	/** The node's listSearch method, where Chatwoot has a list endpoint. */
	search?: string;
	/** IDs are numbers (Chatwoot portals are addressed by slug instead). */
	numeric: boolean;
}

export const ID_KINDS = {
	platformAccount: {
		param: 'accountId',
		displayName: 'Account',
		description: 'An account this platform app created or was given',
		search: 'searchPlatformAccounts',
		numeric: true,
	},
	platformAgentBot: {
		param: 'agentBotId',
		displayName: 'Agent Bot',
		description: 'An agent bot this platform app manages',
		search: 'searchPlatformAgentBots',
		numeric: true,
	},
	platformUser: {
		param: 'userId',
		displayName: 'User',
		description: 'The numeric ID of the Chatwoot user',
		numeric: true,
	},
	agent: {
		param: 'agentId',
		displayName: 'Agent',
		description: 'The user ID of the agent in this account',
		search: 'searchAgents',
		numeric: true,
	},
	agentBot: {
		param: 'agentBotId',
		displayName: 'Agent Bot',
		description: 'An agent bot of the account',
		search: 'searchAgentBots',
		numeric: true,
	},
	automationRule: {
		param: 'automationRuleId',
		displayName: 'Automation Rule',
		description: 'An automation rule of the account',
		search: 'searchAutomationRules',
		numeric: true,
	},
	cannedResponse: {
		param: 'cannedResponseId',
		displayName: 'Canned Response',
		description: 'A canned response of the account',
		search: 'searchCannedResponses',
		numeric: true,
	},
	contact: {
		param: 'contactId',
		displayName: 'Contact',
		description: 'The numeric ID of the contact in this account',
		search: 'searchContacts',
		numeric: true,
	},
	clientConversation: {
		param: 'conversationId',
		displayName: 'Conversation',
		description: 'The conversation number (its display ID) as the Client API returns it',
		numeric: true,
	},
	conversation: {
		param: 'conversationId',
		displayName: 'Conversation',
		description: 'The conversation number shown in Chatwoot (its display ID)',
		search: 'searchConversations',
		numeric: true,
	},
	customAttribute: {
		param: 'customAttributeId',
		displayName: 'Custom Attribute',
		description: 'A custom attribute definition of the account',
		search: 'searchCustomAttributes',
		numeric: true,
	},
	customFilter: {
		param: 'customFilterId',
		displayName: 'Custom Filter',
		description: "A saved filter of the token's user",
		search: 'searchCustomFilters',
		numeric: true,
	},
	inbox: {
		param: 'inboxId',
		displayName: 'Inbox',
		description: 'An inbox of the account',
		search: 'searchInboxes',
		numeric: true,
	},
	integrationHook: {
		param: 'hookId',
		displayName: 'Hook',
		description: 'The numeric ID of the integration hook',
		numeric: true,
	},
	label: {
		param: 'labelId',
		displayName: 'Label',
		description: 'A label of the account',
		search: 'searchLabels',
		numeric: true,
	},
	message: {
		param: 'messageId',
		displayName: 'Message',
		description: 'The numeric ID of the message in the conversation',
		numeric: true,
	},
	portal: {
		param: 'portalId',
		displayName: 'Portal',
		description: 'A help center portal; Chatwoot addresses portals by their slug',
		search: 'searchPortals',
		numeric: false,
	},
	team: {
		param: 'teamId',
		displayName: 'Team',
		description: 'A team of the account',
		search: 'searchTeams',
		numeric: true,
	},
	webhook: {
		param: 'webhookId',
		displayName: 'Webhook',
		description: 'A webhook of the account',
		search: 'searchWebhooks',
		numeric: true,
	},
} satisfies Record<string, IdKind>;

export type IdKindName = keyof typeof ID_KINDS;

/** The locator parameter for an ID kind (display name "<Thing>", name as the operations read it). */
export function idProperty(
	kind: IdKindName,
	overrides: { displayName?: string; description?: string; name?: string } = {},
): INodeProperties {
	const k: IdKind = ID_KINDS[kind];
	return idLocator({
		displayName: overrides.displayName ?? k.displayName,
		name: overrides.name ?? k.param,
		description: overrides.description ?? k.description,
		searchMethod: k.search,
		numeric: k.numeric,
		placeholder: k.numeric ? undefined : 'e.g. handbook',
	});
}

const named = (item: IDataObject, ...keys: string[]): string => {
	for (const key of keys)
		if (typeof item[key] === 'string' && item[key]) return item[key] as string;
	return `#${String(item.id)}`;
};

/** One list request for the pickers; Chatwoot answers most of these in one go. */
function single(
	resource: string,
	path: string,
	list: ListPath,
	name: (item: IDataObject) => string,
	value: (item: IDataObject) => string | number = (i) => Number(i.id),
): ListSearch {
	return {
		resource,
		request: () => ({ method: 'GET', path }),
		read: (body) => ({ items: listAt(body, list) }),
		choice: (item) => ({ name: name(item), value: value(item) }),
		filterLocally: true,
	};
}

/** The pickers' list requests, by listSearch method name. */
export const LIST_SEARCHES: Record<string, ListSearch> = {
	searchPlatformAccounts: single('platformAccount', '/accounts', 'array', (a) => named(a, 'name')),
	searchPlatformAgentBots: single('platformAgentBot', '/agent_bots', 'array', (b) =>
		named(b, 'name'),
	),
	searchAgents: single(
		'agent',
		'/agents',
		'array',
		(a) => `${named(a, 'name')}${a.email ? ` (${String(a.email)})` : ''}`,
	),
	searchAgentBots: single('agentBot', '/agent_bots', 'array', (b) => named(b, 'name')),
	searchAutomationRules: single('automationRule', '/automation_rules', 'payload', (r) =>
		named(r, 'name'),
	),
	searchCannedResponses: single('cannedResponse', '/canned_responses', 'array', (c) =>
		named(c, 'short_code'),
	),
	searchInboxes: single('inbox', '/inboxes', 'payload', (i) => named(i, 'name')),
	searchLabels: single('label', '/labels', 'payload', (l) => named(l, 'title')),
	searchPortals: single(
		'portal',
		'/portals',
		'payload',
		(p) => named(p, 'name'),
		(p) => String(p.slug),
	),
	searchTeams: single('team', '/teams', 'array', (t) => named(t, 'name')),
	searchWebhooks: single('webhook', '/webhooks', 'payload.webhooks', (w) =>
		named(w, 'name', 'url'),
	),
	// Definitions are listed per model (conversation 0, contact 1): one "page" each.
	searchCustomAttributes: {
		resource: 'customAttribute',
		request: (_filter, page) => ({
			method: 'GET',
			path: '/custom_attribute_definitions',
			qs: { attribute_model: String(page - 1) },
		}),
		read: (body) => ({
			items: listAt(body, 'array'),
			more: listAt(body, 'array').every((d) => d.attribute_model !== 'contact_attribute'),
		}),
		choice: (d) => ({
			name: `${named(d, 'attribute_display_name', 'attribute_key')} (${String(d.attribute_model ?? '').replace('_attribute', '')})`,
			value: Number(d.id),
		}),
		filterLocally: true,
	},
	// Saved filters are listed per type: conversation, contact, report.
	searchCustomFilters: {
		resource: 'customFilter',
		request: (_filter, page) => ({
			method: 'GET',
			path: '/custom_filters',
			qs: { filter_type: ['conversation', 'contact', 'report'][page - 1] ?? 'report' },
		}),
		read: (body) => ({
			items: listAt(body, 'array'),
			more: listAt(body, 'array').every((f) => f.filter_type !== 'report'),
		}),
		choice: (f) => ({
			name: `${named(f, 'name')} (${String(f.filter_type ?? '')})`,
			value: Number(f.id),
		}),
		filterLocally: true,
	},
	// Contacts page 15 at a time; typed text searches name, email, phone number and identifier.
	searchContacts: {
		resource: 'contact',
		request: (filter, page) =>
			filter
				? { method: 'GET', path: '/contacts/search', qs: { q: filter, page } }
				: { method: 'GET', path: '/contacts', qs: { page } },
		read: (body) => {
			const items = listAt(body, 'payload');
			return { items, more: items.length >= CHATWOOT_PAGE_SIZE };
		},
		choice: (c) => ({
			name: `${named(c, 'name', 'email', 'phone_number', 'identifier')}${c.name && c.email ? ` (${String(c.email)})` : ''}`,
			value: Number(c.id),
		}),
	},
	// Conversations page 25 at a time; typed text searches their messages.
	searchConversations: {
		resource: 'conversation',
		request: (filter, page) => ({
			method: 'GET',
			path: '/conversations',
			qs: { status: 'all', assignee_type: 'all', page, ...(filter ? { q: filter } : {}) },
		}),
		read: (body) => {
			const items = listAt(body, 'data.payload');
			return { items, more: items.length >= 25 };
		},
		choice: (c) => {
			const sender = ((c.meta as IDataObject | undefined)?.sender ?? {}) as IDataObject;
			return {
				name: `#${String(c.id)} ${named(sender, 'name', 'email')} (${String(c.status ?? '')})`,
				value: Number(c.id),
			};
		},
	},
};
