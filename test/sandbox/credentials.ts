import { KEITARO_SANDBOX_KEY } from './platforms/keitaro';

export interface SandboxCredential {
	/** Credential name as shown in n8n. */
	name: string;
	/** n8n credential type. */
	type: string;
	data: Record<string, string | number | boolean>;
}

/** Credentials that point each node at the sandbox (used by npm start and the e2e suite). */
export function sandboxCredentials(baseUrl: string): SandboxCredential[] {
	return [{ name: 'Keitaro (sandbox)', type: 'keitaroApi', data: { url: `${baseUrl}/keitaro`, apiKey: KEITARO_SANDBOX_KEY } }];
}
