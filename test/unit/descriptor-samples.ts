import type { IDataObject } from 'n8n-workflow';

import { davintooOperations } from '../../nodes/Davintoo/actions';
import { keitaroOperations } from '../../nodes/Keitaro/actions';
import type { Operation } from '../../nodes/shared/operation';

/** Every node's operations, by node directory. */
export const NODE_OPERATIONS: Record<string, Operation[]> = {
	Keitaro: keitaroOperations,
	Davintoo: davintooOperations,
};

/** Valid parameters for each operation (`<node>.<resource>.<operation>`), for the descriptor checks. */
export const DESCRIPTOR_SAMPLES: Record<string, { params: IDataObject; bulkValues?: unknown[] }> = {
	'Keitaro.user.create': { params: { inputMode: 'fields', login: 'ann', password: 'Pw-123456', type: 'USER' } },
	'Keitaro.user.upsert': { params: { login: 'ann', password: 'Pw-123456', type: 'USER' } },
	'Keitaro.user.delete': { params: { userId: 1 } },
	'Keitaro.user.get': { params: { userId: 1 } },
	'Keitaro.user.getAll': { params: { returnAll: true } },
	'Keitaro.user.update': { params: { userId: 1, updateFields: { language: 'en' } } },
	'Keitaro.user.updateAccess': { params: { userId: 1, accessTypes: { campaigns_access_type: 'read_only' } } },
	'Davintoo.user.importOne': { params: { uid: 'U1', secondname: 'K', firstname: 'O', login: 'ok', email: 'o@acme.example' } },
	'Davintoo.user.importMany': {
		params: { source: 'json', batchSize: 10 },
		bulkValues: [{ user: { uid: 'U1', secondname: 'K', firstname: 'O', login: 'ok', email: 'o@acme.example' } }],
	},
	'Davintoo.user.block': { params: { uid: 'U1' } },
	'Davintoo.user.unblock': { params: { uid: 'U1' } },
	'Davintoo.user.getAll': { params: { returnAll: true } },
};
