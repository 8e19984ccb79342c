/**
 * The demo owner of `npm start`, with one password hash kept in the user folder. n8n binds every
 * session to the owner's hash (its JWT carries a digest of email + hash), so a hash made anew on
 * each start would log the user out at every restart.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { n8nBcrypt, ownerEnv, type Env, type Owner } from '../test/e2e/n8n';

interface StoredOwner {
	email: string;
	passwordHash: string;
}

export const OWNER_FILE = 'demo-owner.json';

function readStored(file: string): StoredOwner | undefined {
	if (!existsSync(file)) return undefined;
	try {
		const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredOwner>;
		return typeof stored.email === 'string' && typeof stored.passwordHash === 'string'
			? (stored as StoredOwner)
			: undefined;
	} catch {
		return undefined;
	}
}

/** Env that sets up the owner, reusing the stored hash while it still matches the login. */
export function stableOwnerEnv(userDir: string, owner: Owner): Env {
	const file = join(userDir, OWNER_FILE);
	const bcrypt = n8nBcrypt();
	const stored = readStored(file);
	if (
		stored &&
		stored.email === owner.email &&
		bcrypt.compareSync(owner.password, stored.passwordHash)
	) {
		return ownerEnv(owner, stored.passwordHash);
	}
	const passwordHash = bcrypt.hashSync(owner.password, 10);
	writeFileSync(file, `${JSON.stringify({ email: owner.email, passwordHash }, null, 2)}\n`, {
		mode: 0o600,
	});
	return ownerEnv(owner, passwordHash);
}
