import { listSearchMethod } from '../../shared/locator';
import { activePlatformPlatform } from '../transport';
import { listPage, morePages } from './list-page';
import { USERS_LIST_PATH, userAccountsPath } from './paths';

const PAGE_SIZE = 50;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The "From List" pickers: users (the API filters by email), and the accounts of the chosen user. */
export const activePlatformListSearch = {
	searchUsers: listSearchMethod(activePlatformPlatform, {
		resource: 'user',
		request: (filter, page) => ({
			method: 'GET',
			path: USERS_LIST_PATH,
			qs: { ...(filter ? { 'filters[email]': filter } : {}), page, per_page: PAGE_SIZE },
		}),
		read: (body, page) => {
			const read = listPage(body, page, PAGE_SIZE);
			return { items: read.items, more: morePages(read, PAGE_SIZE) };
		},
		choice: (user) => {
			const name = [text(user.first_name), text(user.last_name)].filter(Boolean).join(' ');
			const email = text(user.email) || `user ${String(user.id)}`;
			return { name: name ? `${email} (${name})` : email, value: String(user.id) };
		},
	}),
	searchUserAccounts: listSearchMethod(activePlatformPlatform, {
		resource: 'user',
		request: (_filter, _page, param) => {
			const userId = Number(String(param('userId') ?? '').trim());
			if (!Number.isInteger(userId) || userId < 1)
				throw new Error('Choose the user first: the list holds the accounts of that user');
			return { method: 'GET', path: userAccountsPath(userId) };
		},
		read: (body) => ({ items: listPage(body).items }),
		choice: (account) => {
			const name = text(account.name) || `account ${String(account.id)}`;
			return {
				name: account.role ? `${name} (${String(account.role)})` : name,
				value: String(account.id),
			};
		},
		filterLocally: true,
	}),
};
