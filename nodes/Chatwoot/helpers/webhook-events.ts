import type { INodePropertyOptions } from 'n8n-workflow';

/** The events Chatwoot sends to account webhooks (Webhook::ALLOWED_WEBHOOK_EVENTS, 4.10). */
export const CHATWOOT_WEBHOOK_EVENTS: INodePropertyOptions[] = [
	{ name: 'Contact Created', value: 'contact_created' },
	{ name: 'Contact Updated', value: 'contact_updated' },
	{ name: 'Conversation Created', value: 'conversation_created' },
	{
		name: 'Conversation Status Changed',
		value: 'conversation_status_changed',
		description: 'Opened, resolved, pending or snoozed',
	},
	{ name: 'Conversation Typing Off', value: 'conversation_typing_off' },
	{ name: 'Conversation Typing On', value: 'conversation_typing_on' },
	{
		name: 'Conversation Updated',
		value: 'conversation_updated',
		description: 'Assignee, team, labels, priority, attributes…',
	},
	{ name: 'Inbox Created', value: 'inbox_created' },
	{ name: 'Inbox Updated', value: 'inbox_updated' },
	{ name: 'Message Created', value: 'message_created' },
	{ name: 'Message Updated', value: 'message_updated' },
	{
		name: 'Web Widget Triggered',
		value: 'webwidget_triggered',
		description: 'A visitor opened the website widget',
	},
];
