/** The vendor API v1 user methods (the only user CRUD the docs list). */
export const USERS_PATH = '/api/vendor/v1/users';
export const ACCOUNTS_PATH = '/api/vendor/v1/accounts';
/** Attach/detach live under API v2, with "v2" before "vendor" as documented. */
export const ACCESSES_PATH = '/api/v2/vendor/account_accesses';

/** The users list (and search) method; creates POST to it too. */
export const USERS_LIST_PATH = `${USERS_PATH}.json`;

export function userPath(id: number): string {
	return `${USERS_PATH}/${id}.json`;
}

export function userAccountsPath(userId: number): string {
	return `${USERS_PATH}/${userId}/accounts.json`;
}

export function accountUsersPath(accountId: number): string {
	return `${ACCOUNTS_PATH}/${accountId}/users.json`;
}
