import type { SandboxCredential, SandboxPlatform, SandboxRequest, SandboxResponse } from '../types';

/** Placeholder until the chatwoot node lands: answers 501 to everything. */
export class ChatwootSandbox implements SandboxPlatform {
	readonly name = 'chatwoot';
	readonly prefix = '/chatwoot';

	reset(): void {}

	credentials(_sandboxUrl: string): SandboxCredential[] {
		return [];
	}

	snapshot(): unknown {
		return null;
	}

	handle(_req: SandboxRequest): SandboxResponse {
		return { status: 501, body: { error: 'not implemented in the sandbox yet' } };
	}
}
