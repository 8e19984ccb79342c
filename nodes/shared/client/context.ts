import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
} from 'n8n-workflow';

import { isSecretKey } from '../mask';
import type { ConcurrencyLimit } from '../pace/concurrency';
import type { Pacer } from '../pace/rate';
import type { ParameterReader } from '../parameters';
import type { Platform } from '../types';

/**
 * What one node run shares between its items, passed explicitly. Made per execute() call:
 * nothing survives it (queue-mode safe).
 */
export interface RunContext {
	n8n: IExecuteFunctions;
	platform: Platform;
	pacer: Pacer;
	/** How many items may be in flight: fixed, or Auto learning from the answers. */
	concurrency: ConcurrencyLimit;
	credentials: CredentialStore;
	/** Node parameters; fixed ones are read once per run. */
	read: ParameterReader;
	/** Base for backoff delays; tests shorten it. */
	backoffBaseMs: number;
}

/** Credentials of the run, read once per type, with every secret they hold remembered for masking. */
export class CredentialStore {
	/** Promises, so that items prepared at the same time share one read. */
	private readonly byType = new Map<string, Promise<ICredentialsDecrypted>>();
	private readonly secretSet = new Set<string>();
	private secretList: string[] = [];

	constructor(
		private readonly n8n: IExecuteFunctions,
		private readonly secretFields: string[],
	) {}

	async get(type: string, itemIndex: number): Promise<ICredentialDataDecryptedObject> {
		return (await this.decrypted(type, itemIndex)).data as ICredentialDataDecryptedObject;
	}

	/**
	 * The credential as n8n's authenticated request helper takes it ready-made: without it, the
	 * helper reads and decrypts the credential again for every request (in a real n8n, a database
	 * query and a decryption each time).
	 */
	async decrypted(type: string, itemIndex: number): Promise<ICredentialsDecrypted> {
		let entry = this.byType.get(type);
		if (!entry) {
			entry = this.read(type, itemIndex);
			this.byType.set(type, entry);
			// A read that failed is tried again by the next item (each reports its own error).
			entry.catch(() => this.byType.delete(type));
		}
		return await entry;
	}

	private async read(type: string, itemIndex: number): Promise<ICredentialsDecrypted> {
		const data = await this.n8n.getCredentials<ICredentialDataDecryptedObject>(type, itemIndex);
		const ref = this.n8n.getNode().credentials?.[type];
		collectSecrets(data, this.secretFields, this.secretSet);
		this.secretList = [...this.secretSet];
		return { id: ref?.id ?? '', name: ref?.name ?? type, type, data };
	}

	/** Every secret value seen so far in this run. */
	get secrets(): readonly string[] {
		return this.secretList;
	}
}

/** Remember every secret the credential holds, so it can be masked anywhere it shows up. */
function collectSecrets(data: unknown, fields: string[], into: Set<string>, key = ''): void {
	if (typeof data === 'string') {
		// Short values would mask ordinary words; credential secrets are never that short.
		if ((fields.includes(key) || isSecretKey(key)) && data.length >= 4) into.add(data);
		return;
	}
	if (data && typeof data === 'object') {
		for (const [k, v] of Object.entries(data as Record<string, unknown>))
			collectSecrets(v, fields, into, k);
	}
}
