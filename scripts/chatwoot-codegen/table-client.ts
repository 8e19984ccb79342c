/** Client API (no token): what a customer's app does through an API inbox, and the CSAT page. */
import type { FieldRule, GeneratedOperation, PathRule } from './types';

const inbox: PathRule = {
	text: 'inboxIdentifier',
	displayName: 'Inbox Identifier',
	description: 'The identifier of an API inbox (Settings > Inboxes > the inbox > Configuration)',
};
const contact: PathRule = {
	text: 'contactIdentifier',
	displayName: 'Contact Identifier',
	description: 'The source_id Create Contact returned for the contact in this inbox',
};

const contactFields: Record<string, FieldRule | 'omit'> = {
	identifier: {
		description:
			'Your own ID for the contact; with Identifier Hash, Chatwoot links the contact to the same person across devices',
	},
	identifier_hash: {
		displayName: 'Identifier Hash',
		kind: 'password',
		description:
			'HMAC-SHA256 of the identifier with the inbox HMAC token, when identity validation is on',
	},
	email: { kind: 'email', description: 'The email address of the contact' },
	name: { description: 'The name of the contact' },
	phone_number: {
		displayName: 'Phone Number',
		placeholder: '+15551234567',
		description: 'In E.164 format: + and the country code',
	},
	avatar: 'omit',
	custom_attributes: {
		kind: 'json',
		description: 'A JSON object of custom attributes for the contact',
	},
};

export const CLIENT_OPERATIONS: GeneratedOperation[] = [
	{
		spec: 'get-details-of-a-inbox',
		resource: 'clientInbox',
		operation: 'get',
		name: 'Get',
		action: 'Get an inbox as a customer',
		description: 'Get the public details of an API inbox (name, working hours, greeting)',
		ids: { inbox_identifier: inbox },
	},
	{
		spec: 'create-a-contact',
		resource: 'clientContact',
		operation: 'create',
		name: 'Create',
		action: 'Create a contact as a customer',
		description:
			'Start a contact in an API inbox; keep the source_id it returns for the other Client API calls',
		ids: { inbox_identifier: inbox },
		fields: contactFields,
		notes: ['The avatar upload (multipart) is not offered.'],
		unverifiable:
			'Chatwoot gives the new contact a random source_id, and the Client API cannot list contacts: nothing finds it again.',
	},
	{
		spec: 'get-details-of-a-contact',
		resource: 'clientContact',
		operation: 'get',
		name: 'Get',
		action: 'Get a contact as a customer',
		description: 'Get the contact behind a source_id in an API inbox',
		ids: { inbox_identifier: inbox, contact_identifier: contact },
	},
	{
		spec: 'update-a-contact',
		resource: 'clientContact',
		operation: 'update',
		name: 'Update',
		action: 'Update a contact as a customer',
		description:
			'Change the name, email, phone number, identifier or custom attributes of the contact',
		ids: { inbox_identifier: inbox, contact_identifier: contact },
		fields: contactFields,
		notes: ['The avatar upload (multipart) is not offered.'],
	},
	{
		spec: 'create-a-conversation',
		resource: 'clientConversation',
		operation: 'create',
		name: 'Create',
		action: 'Create a conversation as a customer',
		description: 'Open a new conversation for the contact in the API inbox',
		ids: { inbox_identifier: inbox, contact_identifier: contact },
		fields: {
			custom_attributes: {
				kind: 'json',
				description: 'A JSON object of custom attributes for the conversation',
			},
		},
		unverifiable: 'A contact may have several conversations alike: nothing tells a new one apart.',
	},
	{
		spec: 'list-all-contact-conversations',
		resource: 'clientConversation',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many conversations as a customer',
		description: 'List the conversations of the contact in the API inbox',
		ids: { inbox_identifier: inbox, contact_identifier: contact },
		list: { at: 'array', what: 'conversations' },
	},
	{
		spec: 'get-single-conversation',
		resource: 'clientConversation',
		operation: 'get',
		name: 'Get',
		action: 'Get a conversation as a customer',
		description: 'Get one conversation of the contact',
		ids: {
			inbox_identifier: inbox,
			contact_identifier: contact,
			conversation_id: 'clientConversation',
		},
	},
	{
		spec: 'resolve-conversation',
		resource: 'clientConversation',
		operation: 'resolve',
		name: 'Resolve',
		action: 'Resolve a conversation as a customer',
		description: 'Mark the conversation resolved, as the contact',
		ids: {
			inbox_identifier: inbox,
			contact_identifier: contact,
			conversation_id: 'clientConversation',
		},
		idempotent:
			'Chatwoot leaves a resolved conversation as it is (the route is named toggle_status, but it only resolves).',
	},
	{
		spec: 'toggle-typing-status',
		resource: 'clientConversation',
		operation: 'toggleTyping',
		name: 'Toggle Typing',
		action: 'Show or hide the contact typing',
		description: 'Tell the agents the contact started or stopped typing',
		ids: {
			inbox_identifier: inbox,
			contact_identifier: contact,
			conversation_id: 'clientConversation',
		},
		fields: {
			typing_status: {
				displayName: 'Typing Status',
				options: [
					['On', 'on'],
					['Off', 'off'],
				],
				default: 'on',
				required: true,
				description: 'Whether the contact is typing now',
			},
		},
		notes: [
			'The spec asks for typing_status in the query and in the body; the server reads either, the node sends both.',
		],
		idempotent: 'Typing on or off is a state: saying it twice changes nothing.',
		output: {
			code: '(_response, value) => ({ conversation_id: value.conversationId, typing_status: value.typingStatus })',
		},
	},
	{
		spec: 'update-last-seen',
		resource: 'clientConversation',
		operation: 'updateLastSeen',
		name: 'Update Last Seen',
		action: 'Mark a conversation seen by the contact',
		description: 'Record that the contact has seen the conversation up to now',
		ids: {
			inbox_identifier: inbox,
			contact_identifier: contact,
			conversation_id: 'clientConversation',
		},
		idempotent: "It sets the contact's last-seen time to now.",
		output: {
			code: '(_response, value) => ({ conversation_id: value.conversationId, seen: true })',
		},
	},
	{
		spec: 'create-a-message',
		resource: 'clientMessage',
		operation: 'create',
		name: 'Create',
		action: 'Send a message as a customer',
		description: 'Send a message from the contact into the conversation',
		ids: {
			inbox_identifier: inbox,
			contact_identifier: contact,
			conversation_id: 'clientConversation',
		},
		fields: {
			content: { kind: 'text', required: true, description: 'The text of the message' },
			echo_id: {
				displayName: 'Echo ID',
				description: 'Your own ID for the message; Chatwoot passes it back in its websocket events',
			},
		},
		notes: [
			'The spec marks nothing required; a message without content is refused, so the node asks for it.',
		],
		unverifiable:
			'The same text may be sent twice on purpose; the echo ID is not stored, so nothing finds the message again.',
	},
	{
		spec: 'list-all-conversation-messages',
		resource: 'clientMessage',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many messages as a customer',
		description: 'List the messages of the conversation the contact can see',
		ids: {
			inbox_identifier: inbox,
			contact_identifier: contact,
			conversation_id: 'clientConversation',
		},
		list: { at: 'array', what: 'messages' },
	},
	{
		spec: 'update-a-message',
		resource: 'clientMessage',
		operation: 'update',
		name: 'Update',
		action: 'Answer a bot message as a customer',
		description:
			"Send the contact's answer to an interactive message (options, a form, a CSAT survey)",
		ids: {
			inbox_identifier: inbox,
			contact_identifier: contact,
			conversation_id: 'clientConversation',
			message_id: 'message',
		},
		fields: {
			'submitted_values.name': {
				param: 'submittedName',
				displayName: 'Name',
				description: 'The name of the submitted value (the option or form field)',
			},
			'submitted_values.title': {
				param: 'submittedTitle',
				displayName: 'Title',
				description: 'The title of the chosen option',
			},
			'submitted_values.value': {
				param: 'submittedValue',
				displayName: 'Value',
				description: 'The submitted value',
			},
			'submitted_values.csat_survey_response': {
				param: 'csatSurveyResponse',
				displayName: 'CSAT Survey Response',
				kind: 'json',
				description:
					'For a CSAT survey: the rating and feedback as JSON, e.g. {"rating": 5, "feedback_message": "Great service"}',
			},
		},
	},
];
