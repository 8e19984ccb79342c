import type { IDataObject } from 'n8n-workflow';

import { listSearchMethod } from '../../shared/locator';
import { keitaroPlatform } from '../transport';
import { type KeitaroUser, listUsersRequest } from './user-fields';

/**
 * The "From List" pickers. The Admin API lists every user at once and cannot search, so the
 * node filters the logins itself.
 */
export const keitaroListSearch = {
	searchUsers: listSearchMethod(keitaroPlatform, {
		resource: 'user',
		request: () => listUsersRequest,
		read: (body) => ({ items: Array.isArray(body) ? (body as IDataObject[]) : [] }),
		choice: (item) => {
			const user = item as KeitaroUser;
			const notes = [
				user.type === 'ADMIN' ? 'admin' : undefined,
				user.state === 'deleted' ? 'deleted' : undefined,
			].filter(Boolean);
			return {
				name: `${String(user.login ?? user.id)}${notes.length ? ` (${notes.join(', ')})` : ''}`,
				value: String(user.id),
			};
		},
		filterLocally: true,
	}),
};
