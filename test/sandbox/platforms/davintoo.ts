import type { SandboxCredential, SandboxPlatform, SandboxRequest, SandboxResponse } from '../types';

/** Placeholder until the davintoo node lands: answers 501 to everything. */
export class DavintooSandbox implements SandboxPlatform {
	readonly name = 'davintoo';
	readonly prefix = '/davintoo';

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
