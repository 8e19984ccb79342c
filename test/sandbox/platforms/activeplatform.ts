import type { SandboxCredential, SandboxPlatform, SandboxRequest, SandboxResponse } from '../types';

/** Placeholder until the activeplatform node lands: answers 501 to everything. */
export class ActivePlatformSandbox implements SandboxPlatform {
	readonly name = 'activeplatform';
	readonly prefix = '/activeplatform';

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
