/**
 * Where Chatwoot's server (upstream 4.10, app/controllers and models) accepts requests its API
 * spec does not describe, and the node follows the server. One line of why per entry.
 */
import type { Errata } from './openapi-check';

export const CHATWOOT_ERRATA: Errata = {
	'delete-an-account-user': {
		why: 'The spec documents no user_id; AccountUsersController#destroy reads params[:user_id] (the node sends it in the query).',
		extraQuery: ['user_id'],
	},
	'add-new-agent-to-account': {
		why: 'AgentsController#new_agent_params permits availability (the spec says availability_status, which it drops).',
		extraBody: ['availability'],
	},
	'update-agent-in-account': {
		why: 'AgentsController#agent_params permits name and availability, and no field is required.',
		extraBody: ['name', 'availability'],
		notRequired: ['role'],
	},
	contactCreate: {
		why: 'ContactsController#build_contact_inbox returns early without inbox_id: it is optional.',
		notRequired: ['inbox_id'],
	},
	contactFilter: {
		why: "The last condition's query_operator is null (Contacts::FilterService reads nil as the end).",
		types: { 'payload[].query_operator': ['string', 'null'] },
	},
	conversationFilter: {
		why: "The last condition's query_operator is null (Conversations::FilterService reads nil as the end).",
		types: { 'payload[].query_operator': ['string', 'null'] },
	},
	'get-account-canned-response': {
		why: 'CannedResponsesController#canned_responses filters by params[:search].',
		extraQuery: ['search'],
	},
	'create-a-custom-filter': {
		why: "CustomFiltersController#permitted_payload permits filter_type, not the spec's type.",
		extraBody: ['filter_type'],
	},
	'update-a-custom-filter': {
		why: "CustomFiltersController#permitted_payload permits filter_type, not the spec's type.",
		extraBody: ['filter_type'],
	},
	'update-agents-in-inbox': {
		why: 'The spec types inbox_id as text here; InboxMembersController finds the inbox by the same numeric ID as elsewhere.',
		types: { inbox_id: ['integer'] },
	},
	'delete-agent-in-inbox': {
		why: 'The spec types inbox_id as text here; InboxMembersController finds the inbox by the same numeric ID as elsewhere.',
		types: { inbox_id: ['integer'] },
	},
	'create-an-integration-hook': {
		why: 'Integration apps are named by text IDs (config/integration/apps.yml: webhook, dialogflow, slack…).',
		types: { app_id: ['string'] },
	},
	updateAgentBot: {
		why: 'InboxesController#set_agent_bot takes a blank agent_bot as "remove the bot".',
		types: { agent_bot: ['number', 'null'] },
	},
	'create-a-new-message-in-a-conversation': {
		why: 'Messages::MessageBuilder#process_attachments reads attachments[] from a multipart body.',
		multipart: ['attachments'],
	},
	newConversation: {
		why: 'ConversationsController#contact_inbox builds the contact inbox from inbox_id and contact_id; source_id is then optional.',
		notRequired: ['source_id'],
	},
	'create-a-webhook': {
		why: 'Webhook::ALLOWED_WEBHOOK_EVENTS also has inbox_created, inbox_updated and the typing events.',
		extraEnum: {
			'subscriptions[]': [
				'inbox_created',
				'inbox_updated',
				'conversation_typing_on',
				'conversation_typing_off',
			],
		},
	},
};

/** Requests to Chatwoot routes that the spec leaves out (in config/routes.rb). */
export const CHATWOOT_ROUTES_NOT_IN_SPEC: Array<{ method: string; path: RegExp; why: string }> = [
	{
		method: 'POST',
		path: /^\/api\/v1\/accounts\/\d+\/contacts\/import$/,
		why: 'resources :contacts … collection { post :import } (ContactsController#import)',
	},
	{
		method: 'POST',
		path: /^\/platform\/api\/v1\/users\/\d+\/token$/,
		why: 'resources :users … member { post :token } (Platform::Api::V1::UsersController#token)',
	},
	{
		method: 'GET',
		path: /^\/platform\/api\/v1\/accounts$/,
		why: 'resources :accounts, only: [:index, …] (Platform::Api::V1::AccountsController#index), for pickers and lookups',
	},
	{
		method: 'GET',
		path: /^\/api\/v1\/accounts\/\d+\/portals\/[^/]+\/categories$/,
		why: 'resources :portals { resources :categories } (CategoriesController#index), for lookups',
	},
];

/** Spec operations the node does not offer, and why. */
export const CHATWOOT_LEFT_OUT: Record<string, string> = {
	getConversationMessages:
		'A malformed duplicate of list-all-messages: no /api/v1 prefix and no security.',
	'get-csat-survey-page': 'A web page for customers (HTML), not an API: the node reads JSON.',
};
