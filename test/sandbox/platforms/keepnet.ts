import type { SandboxCredential, SandboxPlatform, SandboxRequest, SandboxResponse } from '../types';

/** Placeholder until the keepnet node lands: answers 501 to everything. */
export class KeepnetSandbox implements SandboxPlatform {
	readonly name = 'keepnet';
	readonly prefix = '/keepnet';

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
