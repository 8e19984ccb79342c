import { type Find, lookupFor } from '../../shared/patterns/upsert';
import type { RequestSpec } from '../../shared/types';
import { unwrap } from '../transport';
import type { PagedResults, TargetUser } from './fields';

/** search-email pages like search; every field set, as Keepnet insists. */
export const searchEmailRequest = (email: string): RequestSpec => ({
	method: 'POST',
	path: '/api/target-users/search-email',
	body: { email, pageNumber: 1, pageSize: 50, orderBy: 'Email', ascending: true },
	idempotent: true,
});

/** The users in a search-email answer (its envelope's page of results). */
export function usersIn(body: unknown): TargetUser[] {
	const page = unwrap<PagedResults<TargetUser> | null>(body);
	return Array.isArray(page?.results) ? page.results : [];
}

/** The one user with exactly this email (case-insensitive), if any. */
export function exactMatch(users: TargetUser[], email: string): TargetUser | undefined {
	const wanted = email.toLowerCase();
	return users.find((u) => String(u.email ?? '').toLowerCase() === wanted);
}

/**
 * Finding a target user by email: search-email matches partly, so only the exact address
 * counts. Create or Update finds with it, and a create whose answer was lost looks with it.
 */
export const findByEmail: Find<{ email: string }, TargetUser> = {
	request: ({ email }) => searchEmailRequest(email),
	match: (body, { email }) => {
		const user = exactMatch(usersIn(body), email);
		return user ? [user] : [];
	},
};

/** How a create whose answer was lost is checked: is the email there now? (The same exact-match find.) */
export const verifyByEmail = (email: string): RequestSpec['verify'] =>
	lookupFor(findByEmail, { email });
