import { type Find, lookupFor } from '../../shared/patterns/upsert';
import type { RequestSpec } from '../../shared/types';
import { listPage, morePages } from './list-page';
import { USERS_LIST_PATH } from './paths';
import type { ActivePlatformUser } from './user-fields';

/** Users asked for per page when searching by email (the most the API is known to return). */
const SEARCH_PAGE_SIZE = 100;

/** Emails compare case-insensitively, as logins do. */
export const sameEmail = (a: unknown, b: unknown) =>
	String(a ?? '')
		.trim()
		.toLowerCase() ===
	String(b ?? '')
		.trim()
		.toLowerCase();

/**
 * Finding a user by email: the list method with filters[email], paged, keeping only exact
 * (case-insensitive) matches. Used by Create or Update, and by the lookup a lost create carries.
 */
export const userByEmail: Find<{ email: string }, ActivePlatformUser> = {
	request: ({ email }, page) => ({
		method: 'GET',
		path: USERS_LIST_PATH,
		qs: { 'filters[email]': email, page, per_page: SEARCH_PAGE_SIZE },
	}),
	match: (body, { email }) =>
		listPage(body).items.filter((u) => sameEmail(u.email, email)) as ActivePlatformUser[],
	more: (body, page) => morePages(listPage(body, page, SEARCH_PAGE_SIZE), SEARCH_PAGE_SIZE),
};

/** How a create whose answer was lost is checked before sending it again: is the email there now? */
export function verifyByEmail(email: string): RequestSpec['verify'] {
	return lookupFor(userByEmail, { email });
}
