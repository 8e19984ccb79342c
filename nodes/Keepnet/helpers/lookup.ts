import type { ApiClient } from '../../../shared/client';
import type { RequestSpec } from '../../../shared/types';
import { unwrap } from '../../transport';
import type { PagedResults, TargetUser } from './fields';

/** search-email pages like search; every field set, as Keepnet insists. */
export const searchEmailRequest = (email: string): RequestSpec => ({
	method: 'POST',
	path: '/api/target-users/search-email',
	body: { email, pageNumber: 1, pageSize: 50, orderBy: 'Email', ascending: true },
	idempotent: true,
});

export async function findByEmail(api: ApiClient, email: string): Promise<TargetUser[]> {
	const page = unwrap<PagedResults<TargetUser> | null>(await api.request(searchEmailRequest(email)));
	return Array.isArray(page?.results) ? page.results : [];
}

/** The one user with exactly this email (case-insensitive), if any. */
export function exactMatch(users: TargetUser[], email: string): TargetUser | undefined {
	const wanted = email.toLowerCase();
	return users.find((u) => String(u.email ?? '').toLowerCase() === wanted);
}

