import type { ResourceOption } from '../../shared/description';
import type { Operation } from '../../shared/operation';
import { accountOperations } from './account';
import { agentOperations } from './agent';
import { agentBotOperations } from './agentBot';
import { articleOperations } from './article';
import { auditLogOperations } from './auditLog';
import { automationRuleOperations } from './automationRule';
import { cannedResponseOperations } from './cannedResponse';
import { categoryOperations } from './category';
import { clientContactOperations } from './clientContact';
import { clientConversationOperations } from './clientConversation';
import { clientInboxOperations } from './clientInbox';
import { clientMessageOperations } from './clientMessage';
import { contactOperations } from './contact';
import { conversationOperations } from './conversation';
import { customAttributeOperations } from './customAttribute';
import { customFilterOperations } from './customFilter';
import { inboxOperations } from './inbox';
import { integrationOperations } from './integration';
import { integrationHookOperations } from './integrationHook';
import { labelOperations } from './label';
import { messageOperations } from './message';
import { platformAccountOperations } from './platformAccount';
import { platformAgentBotOperations } from './platformAgentBot';
import { platformUserOperations } from './platformUser';
import { portalOperations } from './portal';
import { profileOperations } from './profile';
import { reportOperations } from './report';
import { reportingEventOperations } from './reportingEvent';
import { teamOperations } from './team';
import { webhookOperations } from './webhook';

const PLATFORM = '(platform app token)';
const ACCOUNT = '(user access token)';
const CLIENT = "(Client API: no token, an API inbox's identifier)";

/** The first resource is the one a new node starts with. */
export const chatwootResources: ResourceOption[] = [
	{
		name: 'Platform User',
		value: 'platformUser',
		description: `Users of the installation ${PLATFORM}`,
	},
	{ name: 'Agent', value: 'agent', description: `People in the account ${ACCOUNT}` },
	{ name: 'Contact', value: 'contact', description: `Customers in the account ${ACCOUNT}` },
	{ name: 'Account', value: 'account', description: `The account of the credential ${ACCOUNT}` },
	{ name: 'Agent Bot', value: 'agentBot', description: `Bots of the account ${ACCOUNT}` },
	{ name: 'Article', value: 'article', description: `Help center articles ${ACCOUNT}` },
	{ name: 'Audit Log', value: 'auditLog', description: `Who changed what, Enterprise ${ACCOUNT}` },
	{
		name: 'Automation Rule',
		value: 'automationRule',
		description: `Rules that act on events ${ACCOUNT}`,
	},
	{ name: 'Canned Response', value: 'cannedResponse', description: `Saved replies ${ACCOUNT}` },
	{ name: 'Category', value: 'category', description: `Help center categories ${ACCOUNT}` },
	{
		name: 'Client Contact',
		value: 'clientContact',
		description: `A customer's own contact ${CLIENT}`,
	},
	{
		name: 'Client Conversation',
		value: 'clientConversation',
		description: `A customer's conversations ${CLIENT}`,
	},
	{
		name: 'Client Inbox',
		value: 'clientInbox',
		description: `An API inbox as customers see it ${CLIENT}`,
	},
	{
		name: 'Client Message',
		value: 'clientMessage',
		description: `A customer's messages ${CLIENT}`,
	},
	{
		name: 'Conversation',
		value: 'conversation',
		description: `Conversations with contacts ${ACCOUNT}; some operations also take an agent bot token`,
	},
	{
		name: 'Custom Attribute',
		value: 'customAttribute',
		description: `Custom attribute definitions ${ACCOUNT}`,
	},
	{ name: 'Custom Filter', value: 'customFilter', description: `Saved filters ${ACCOUNT}` },
	{ name: 'Inbox', value: 'inbox', description: `Channels and their agents ${ACCOUNT}` },
	{ name: 'Integration', value: 'integration', description: `Integration apps ${ACCOUNT}` },
	{
		name: 'Integration Hook',
		value: 'integrationHook',
		description: `Connected integration apps ${ACCOUNT}`,
	},
	{
		name: 'Label',
		value: 'label',
		description: `Labels for conversations and contacts ${ACCOUNT}`,
	},
	{
		name: 'Message',
		value: 'message',
		description: `Messages in conversations ${ACCOUNT}; sending also takes an agent bot token`,
	},
	{
		name: 'Platform Account',
		value: 'platformAccount',
		description: `Accounts of the installation ${PLATFORM}`,
	},
	{
		name: 'Platform Agent Bot',
		value: 'platformAgentBot',
		description: `Agent bots of the installation ${PLATFORM}`,
	},
	{ name: 'Portal', value: 'portal', description: `Help center portals ${ACCOUNT}` },
	{ name: 'Profile', value: 'profile', description: `The token's own user ${ACCOUNT}` },
	{ name: 'Report', value: 'report', description: `Reports and statistics ${ACCOUNT}` },
	{
		name: 'Reporting Event',
		value: 'reportingEvent',
		description: `Response and resolution events, Enterprise ${ACCOUNT}`,
	},
	{ name: 'Team', value: 'team', description: `Teams and their agents ${ACCOUNT}` },
	{ name: 'Webhook', value: 'webhook', description: `Event subscriptions ${ACCOUNT}` },
];

export const chatwootOperations: Operation[] = [
	...platformUserOperations,
	...agentOperations,
	...contactOperations,
	...accountOperations,
	...agentBotOperations,
	...articleOperations,
	...auditLogOperations,
	...automationRuleOperations,
	...cannedResponseOperations,
	...categoryOperations,
	...clientContactOperations,
	...clientConversationOperations,
	...clientInboxOperations,
	...clientMessageOperations,
	...conversationOperations,
	...customAttributeOperations,
	...customFilterOperations,
	...inboxOperations,
	...integrationOperations,
	...integrationHookOperations,
	...labelOperations,
	...messageOperations,
	...platformAccountOperations,
	...platformAgentBotOperations,
	...portalOperations,
	...profileOperations,
	...reportOperations,
	...reportingEventOperations,
	...teamOperations,
	...webhookOperations,
];
