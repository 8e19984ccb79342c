/** Platform API (platform app token): accounts and agent bots. Platform users are hand-written. */
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
	status: {
		options: [
			['Active', 'active'],
			['Suspended', 'suspended'],
		],
		default: 'active',
		description: 'A suspended account cannot be used',
	},
	limits: {
		kind: 'json',
		description: 'Limits for the account as JSON, e.g. {"agents": 10, "inboxes": 5}',
	},
	custom_attributes: { kind: 'json', description: 'A JSON object stored on the account' },
};

const botFields: Record<string, FieldRule | 'omit'> = {
	name: { description: 'The name of the agent bot' },
	description: { description: 'What the bot does' },
	outgoing_url: {
		displayName: 'Outgoing URL',
		description: 'Where Chatwoot sends the events of the conversations the bot handles',
	},
	account_id: {
		displayName: 'Account ID',
		kind: 'id',
		description:
			'The account to make the bot for; leave empty for a bot any account of the app may use',
	},
	avatar: 'omit',
	avatar_url: { displayName: 'Avatar URL', description: 'A JPEG or PNG image for the bot, by URL' },
};

export const PLATFORM_OPERATIONS: GeneratedOperation[] = [
	{
		spec: 'create-an-account',
		resource: 'platformAccount',
		operation: 'create',
		name: 'Create',
		action: 'Create an account',
		description: 'Create a Chatwoot account; the platform app may then manage it',
		fields: { ...accountFields, name: { ...(accountFields.name as FieldRule), required: true } },
		notes: [
			'The spec marks nothing required; the Account model validates the name, so the node asks for it.',
		],
		lookup: { path: '/accounts', at: 'array', key: 'name' },
	},
	{
		spec: 'get-details-of-an-account',
		resource: 'platformAccount',
		operation: 'get',
		name: 'Get',
		action: 'Get an account',
		description: 'Get an account this platform app manages',
		ids: { account_id: 'platformAccount' },
	},
	{
		spec: 'update-an-account',
		resource: 'platformAccount',
		operation: 'update',
		name: 'Update',
		action: 'Update an account',
		description:
			'Change the name, locale, domain, support email, status, limits or custom attributes of an account',
		ids: { account_id: 'platformAccount' },
		fields: accountFields,
	},
	{
		spec: 'delete-an-account',
		resource: 'platformAccount',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete an account',
		description: 'Delete an account with everything in it (Chatwoot removes it in the background)',
		ids: { account_id: 'platformAccount' },
		output: 'deleted',
	},
	{
		spec: 'list-all-account-users',
		resource: 'platformAccount',
		operation: 'getUsers',
		name: 'Get Users',
		action: 'Get the users of an account',
		description: 'List the users of an account with their roles',
		ids: { account_id: 'platformAccount' },
		list: { at: 'array', what: 'users' },
	},
	{
		spec: 'list-all-agent-bots',
		resource: 'platformAgentBot',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many agent bots',
		description: 'List the agent bots this platform app manages',
		list: { at: 'array', what: 'agent bots' },
	},
	{
		spec: 'create-an-agent-bot',
		resource: 'platformAgentBot',
		operation: 'create',
		name: 'Create',
		action: 'Create an agent bot',
		description: 'Create an agent bot that receives conversation events at its outgoing URL',
		fields: { ...botFields, name: { ...(botFields.name as FieldRule), required: true } },
		notes: [
			AVATAR_OMITTED,
			'The spec marks nothing required; the AgentBot model needs a name, so the node asks for it.',
		],
		lookup: { path: '/agent_bots', at: 'array', key: 'name' },
	},
	{
		spec: 'get-details-of-a-single-agent-bot',
		resource: 'platformAgentBot',
		operation: 'get',
		name: 'Get',
		action: 'Get an agent bot',
		description: 'Get an agent bot this platform app manages',
		ids: { id: 'platformAgentBot' },
	},
	{
		spec: 'update-an-agent-bot',
		resource: 'platformAgentBot',
		operation: 'update',
		name: 'Update',
		action: 'Update an agent bot',
		description: 'Change the name, description, outgoing URL, account or avatar of an agent bot',
		ids: { id: 'platformAgentBot' },
		fields: botFields,
		notes: [AVATAR_OMITTED],
	},
	{
		spec: 'delete-an-agent-bot',
		resource: 'platformAgentBot',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete an agent bot',
		description: 'Delete an agent bot this platform app manages',
		ids: { id: 'platformAgentBot' },
		output: 'deleted',
	},
];
