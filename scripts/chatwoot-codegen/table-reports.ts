/** Application API v2: reports. */
import type { FieldRule, GeneratedOperation } from './types';

const range: Record<string, FieldRule> = {
	since: { kind: 'unixTime', asText: true, description: 'The start of the period' },
	until: { kind: 'unixTime', asText: true, description: 'The end of the period' },
};
const businessHours: FieldRule = {
	displayName: 'Business Hours Only',
	kind: 'boolean',
	description: 'Whether to count times within business hours only',
};
const REPORT_TYPES: Array<[string, string]> = [
	['Account', 'account'],
	['Agent', 'agent'],
	['Inbox', 'inbox'],
	['Label', 'label'],
	['Team', 'team'],
];
const typeField: FieldRule = {
	displayName: 'Report On',
	options: REPORT_TYPES,
	default: 'account',
	description: 'What the report is about',
};
const idField: FieldRule = {
	param: 'objectId',
	displayName: 'ID',
	description: 'For an agent, inbox, label or team report: its ID',
};

export const REPORT_OPERATIONS: GeneratedOperation[] = [
	{
		spec: 'list-all-conversation-statistics',
		resource: 'report',
		operation: 'getMetric',
		name: 'Get Metric',
		action: 'Get a report metric over time',
		description:
			'Get one metric (conversations, messages, response or resolution times) as a time series',
		fields: {
			metric: {
				options: [
					['Average First Response Time', 'avg_first_response_time'],
					['Average Resolution Time', 'avg_resolution_time'],
					['Conversations', 'conversations_count'],
					['Incoming Messages', 'incoming_messages_count'],
					['Outgoing Messages', 'outgoing_messages_count'],
					['Resolutions', 'resolutions_count'],
				],
				default: 'conversations_count',
				description: 'What to measure',
			},
			type: typeField,
			id: idField,
			...range,
		},
		output: { code: "(response) => listAt(response, 'array')", imports: ['listAt'] },
	},
	{
		spec: 'list-all-conversation-statistics-summary',
		resource: 'report',
		operation: 'getSummary',
		name: 'Get Summary',
		action: 'Get a report summary',
		description:
			'Get the totals of a period: conversations, messages, response and resolution times',
		fields: { type: typeField, id: idField, ...range },
	},
	{
		spec: 'get-account-conversation-metrics',
		resource: 'report',
		operation: 'getConversationMetrics',
		name: 'Get Conversation Metrics',
		action: 'Get the conversation metrics of the account',
		description: "Count the account's open, unattended and unassigned conversations now",
		fields: { type: { fixed: 'account' } },
	},
	{
		spec: 'get-agent-conversation-metrics',
		resource: 'report',
		operation: 'getAgentConversationMetrics',
		name: 'Get Agent Conversation Metrics',
		action: 'Get the conversation metrics of agents',
		description: 'Count the open and unattended conversations of each agent (or of one) now',
		fields: {
			type: { fixed: 'agent' },
			user_id: { displayName: 'Agent ID', description: 'Only this agent' },
		},
		notes: [
			'The spec lists this as its own path, "/reports/conversations/" with a trailing slash; Rails routes it like the account metrics, with type=agent.',
		],
		output: { code: "(response) => listAt(response, 'array')", imports: ['listAt'] },
	},
	{
		spec: 'get-channel-summary-report',
		resource: 'report',
		operation: 'getChannelSummary',
		name: 'Get Channel Summary',
		action: 'Get conversation statistics by channel',
		description: 'Count conversations by channel type and status for a period',
		fields: { ...range },
	},
	{
		spec: 'get-inbox-summary-report',
		resource: 'report',
		operation: 'getInboxSummary',
		name: 'Get Inbox Summary',
		action: 'Get conversation statistics by inbox',
		description: 'Get conversation counts and response and resolution times per inbox for a period',
		fields: { ...range, business_hours: businessHours },
		output: { code: "(response) => listAt(response, 'array')", imports: ['listAt'] },
	},
	{
		spec: 'get-agent-summary-report',
		resource: 'report',
		operation: 'getAgentSummary',
		name: 'Get Agent Summary',
		action: 'Get conversation statistics by agent',
		description: 'Get conversation counts and response and resolution times per agent for a period',
		fields: { ...range, business_hours: businessHours },
		output: { code: "(response) => listAt(response, 'array')", imports: ['listAt'] },
	},
	{
		spec: 'get-team-summary-report',
		resource: 'report',
		operation: 'getTeamSummary',
		name: 'Get Team Summary',
		action: 'Get conversation statistics by team',
		description: 'Get conversation counts and response and resolution times per team for a period',
		fields: { ...range, business_hours: businessHours },
		output: { code: "(response) => listAt(response, 'array')", imports: ['listAt'] },
	},
	{
		spec: 'get-first-response-time-distribution',
		resource: 'report',
		operation: 'getFirstResponseTimeDistribution',
		name: 'Get First Response Time Distribution',
		action: 'Get the first response time distribution',
		description:
			'Count conversations per channel by how fast they got a first response (0-1 h, 1-4 h, 4-8 h, 8-24 h, later)',
		fields: { ...range },
	},
	{
		spec: 'get-inbox-label-matrix',
		resource: 'report',
		operation: 'getInboxLabelMatrix',
		name: 'Get Inbox-Label Matrix',
		action: 'Get the inbox-label matrix',
		description: 'Count conversations for each inbox and label pair in a period',
		fields: {
			...range,
			inbox_ids: {
				displayName: 'Inbox IDs',
				kind: 'idList',
				description: 'Only these inboxes, comma-separated',
			},
			label_ids: {
				displayName: 'Label IDs',
				kind: 'idList',
				description: 'Only these labels, comma-separated',
			},
		},
	},
	{
		spec: 'get-outgoing-messages-count',
		resource: 'report',
		operation: 'getOutgoingMessagesCount',
		name: 'Get Outgoing Messages Count',
		action: 'Count outgoing messages',
		description:
			"Count the messages sent in a period per agent, team, inbox or label (bots' messages left out per agent)",
		fields: {
			group_by: {
				displayName: 'Group By',
				options: [
					['Agent', 'agent'],
					['Inbox', 'inbox'],
					['Label', 'label'],
					['Team', 'team'],
				],
				default: 'agent',
				description: 'What to count per',
			},
			...range,
		},
		output: { code: "(response) => listAt(response, 'array')", imports: ['listAt'] },
	},
];
