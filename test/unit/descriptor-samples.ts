import type { IDataObject } from 'n8n-workflow';

import { activePlatformOperations } from '../../nodes/ActivePlatform/actions';
import { chatwootOperations } from '../../nodes/Chatwoot/actions';
import { davintooOperations } from '../../nodes/Davintoo/actions';
import { keepnetOperations } from '../../nodes/Keepnet/actions';
import { keitaroOperations } from '../../nodes/Keitaro/actions';
import type { Operation } from '../../nodes/shared/operation';
import { chatwootDescriptorSamples } from './Chatwoot/descriptor-samples';

/** Every node's operations, by node directory. */
export const NODE_OPERATIONS: Record<string, Operation[]> = {
	Keitaro: keitaroOperations,
	Keepnet: keepnetOperations,
	Chatwoot: chatwootOperations,
	ActivePlatform: activePlatformOperations,
	Davintoo: davintooOperations,
};

/** Valid parameters for each operation (`<node>.<resource>.<operation>`), for the descriptor checks. */
export const DESCRIPTOR_SAMPLES: Record<string, { params: IDataObject; bulkValues?: unknown[] }> = {
	'Keitaro.user.create': {
		params: { inputMode: 'fields', login: 'ann', password: 'Pw-123456', type: 'USER' },
	},
	'Keitaro.user.upsert': { params: { login: 'ann', password: 'Pw-123456', type: 'USER' } },
	'Keitaro.user.delete': { params: { userId: 1 } },
	'Keitaro.user.get': { params: { userId: 1 } },
	'Keitaro.user.getAll': { params: { returnAll: true } },
	'Keitaro.user.update': { params: { userId: 1, updateFields: { language: 'en' } } },
	'Keitaro.user.updateAccess': {
		params: { userId: 1, accessTypes: { campaigns_access_type: 'read_only' } },
	},
	'Keitaro.user.sync': { params: { login: 'ann', type: 'USER', syncMode: 'plan' } },
	'Keepnet.targetUser.create': {
		params: { email: 'a@acme.example', phoneNumber: '+447700900123' },
	},
	'Keepnet.targetUser.upsert': {
		params: { email: 'a@acme.example', phoneNumber: '+447700900123' },
	},
	'Keepnet.targetUser.delete': { params: { resourceId: 'tu1' } },
	'Keepnet.targetUser.get': { params: { resourceId: 'tu1' } },
	'Keepnet.targetUser.search': { params: { returnAll: true } },
	'Keepnet.targetUser.searchByEmail': { params: { email: 'a@acme.example' } },
	'Keepnet.targetUser.update': {
		params: { resourceId: 'tu1', updateFields: { firstName: 'Ann' } },
	},
	'Keepnet.targetUser.addToGroups': { params: { resourceId: 'tu1', groupIds: 'g1, g2' } },
	'Keepnet.targetUser.removeFromGroups': { params: { resourceId: 'tu1', groupIds: 'g1, g2' } },
	'Keepnet.targetUser.sync': {
		params: { email: 'a@acme.example', syncMode: 'plan', scope: { targetGroupId: 'g1' } },
	},
	'ActivePlatform.user.create': {
		params: { firstName: 'Ann', lastName: 'Lee', email: 'a@acme.example', password: 'Pw-123456' },
	},
	'ActivePlatform.user.sync': {
		params: { accountId: 7, email: 'a@acme.example', syncMode: 'plan' },
	},
	'ActivePlatform.user.upsert': { params: { email: 'a@acme.example' } },
	'ActivePlatform.user.get': { params: { userId: 1 } },
	'ActivePlatform.user.getAll': { params: { returnAll: true } },
	'ActivePlatform.user.update': { params: { userId: 1, updateFields: { firstName: 'Ann' } } },
	'ActivePlatform.user.attachToAccount': { params: { userId: 1, accountId: 2, role: 'user' } },
	'ActivePlatform.user.detachFromAccount': { params: { userId: 1, accountId: 2 } },
	'ActivePlatform.user.getAccounts': { params: { userId: 1 } },
	'ActivePlatform.user.getAccountUsers': { params: { accountId: 2 } },
	'Chatwoot.platformUser.create': {
		params: { name: 'Ann', email: 'a@acme.example', password: 'Pass-word1!' },
	},
	'Chatwoot.platformUser.get': { params: { userId: 1 } },
	'Chatwoot.platformUser.update': { params: { userId: 1, updateFields: { name: 'Ann' } } },
	'Chatwoot.platformUser.delete': { params: { userId: 1 } },
	'Chatwoot.platformUser.getLoginLink': { params: { userId: 1 } },
	'Chatwoot.platformUser.addToAccount': { params: { userId: 1, accountId: 2, role: 'agent' } },
	'Chatwoot.platformUser.removeFromAccount': { params: { userId: 1, accountId: 2 } },
	'Chatwoot.agent.create': { params: { name: 'Ann', email: 'a@acme.example', role: 'agent' } },
	'Chatwoot.agent.getAll': { params: { returnAll: true } },
	'Chatwoot.agent.update': { params: { agentId: 1, updateFields: { name: 'Ann' } } },
	'Chatwoot.agent.delete': { params: { agentId: 1 } },
	'Chatwoot.contact.create': { params: { fields: { name: 'Ann', email: 'a@acme.example' } } },
	'Chatwoot.contact.upsert': { params: { matchBy: 'email', email: 'a@acme.example' } },
	'Chatwoot.contact.get': { params: { contactId: 1 } },
	'Chatwoot.contact.search': { params: { query: 'ann', returnAll: true } },
	'Chatwoot.contact.filter': {
		params: {
			conditions: {
				condition: [{ attributeKey: 'email', operator: 'equal_to', value: 'a@acme.example' }],
			},
			returnAll: true,
		},
	},
	'Chatwoot.contact.update': { params: { contactId: 1, updateFields: { name: 'Ann' } } },
	'Chatwoot.contact.delete': { params: { contactId: 1 } },
	'Chatwoot.agent.sync': {
		params: { email: 'a@acme.example', name: 'Ann', syncMode: 'plan', scope: { role: 'agent' } },
	},
	'Chatwoot.contact.sync': {
		params: {
			email: 'a@acme.example',
			matchBy: 'email',
			syncMode: 'plan',
			scope: { label: 'customer' },
		},
	},
	'Davintoo.user.importOne': {
		params: { uid: 'U1', secondname: 'K', firstname: 'O', login: 'ok', email: 'o@acme.example' },
	},
	'Davintoo.user.importMany': {
		params: { source: 'json', batchSize: 10 },
		bulkValues: [
			{
				user: { uid: 'U1', secondname: 'K', firstname: 'O', login: 'ok', email: 'o@acme.example' },
			},
		],
	},
	'Davintoo.user.block': { params: { uid: 'U1' } },
	'Davintoo.user.unblock': { params: { uid: 'U1' } },
	'Davintoo.user.getAll': { params: { returnAll: true } },
	'Davintoo.user.sync': {
		params: { uid: 'U1', matchBy: 'uid', syncMode: 'plan', scope: { department: 'Sales' } },
	},
	// Every Chatwoot operation, from the samples the spec-coverage engine test also sends.
	...chatwootDescriptorSamples(),
};
