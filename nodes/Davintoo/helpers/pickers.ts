import type { IDataObject } from 'n8n-workflow';

import { listSearchMethod } from '../../shared/locator';
import { listRequest } from '../actions/user/getAll.operation';
import { davintooPlatform } from '../transport';

const text = (v: unknown) =>
	typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';

/** The "From List" picker: the portal's user list, searched by full name, email or login. */
export const davintooListSearch = {
	searchUsers: listSearchMethod(davintooPlatform, {
		resource: 'user',
		request: (filter, page) => listRequest({ fullname: filter }, page),
		read: (body, page) => {
			const answer = (body ?? {}) as {
				data?: IDataObject[];
				pager?: { current?: number; count?: number };
			};
			// Block and Unblock address users by UID: users imported without one cannot be picked.
			const items = (Array.isArray(answer.data) ? answer.data : []).filter(
				(u) => text(u.uid) !== '',
			);
			const pages = Number(answer.pager?.count);
			return {
				items,
				more:
					Number.isFinite(pages) && page < pages && Number(answer.pager?.current ?? page) === page,
			};
		},
		choice: (user) => {
			const name = [text(user.secondname), text(user.firstname)].filter(Boolean).join(' ');
			const email = text(user.email);
			const label =
				name && email ? `${name} (${email})` : name || email || text(user.login) || text(user.uid);
			return { name: label, value: text(user.uid) };
		},
	}),
};
