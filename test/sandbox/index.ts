import { ActivePlatformSandbox } from './platforms/activeplatform';
import { ChatwootSandbox } from './platforms/chatwoot';
import { DavintooSandbox } from './platforms/davintoo';
import { KeepnetSandbox } from './platforms/keepnet';
import { KeitaroSandbox } from './platforms/keitaro';
import { Sandbox, type SandboxOptions } from './server';
import type { SandboxCredential } from './types';

/** Every platform the sandbox plays, each under its own path prefix. */
export function createPlatforms() {
	return {
		keitaro: new KeitaroSandbox(),
		keepnet: new KeepnetSandbox(),
		chatwoot: new ChatwootSandbox(),
		activeplatform: new ActivePlatformSandbox(),
		davintoo: new DavintooSandbox(),
	};
}

export type Platforms = ReturnType<typeof createPlatforms>;

export async function startSandbox(
	options: SandboxOptions = {},
): Promise<{ sandbox: Sandbox; platforms: Platforms }> {
	const platforms = createPlatforms();
	const sandbox = await new Sandbox(Object.values(platforms), options).start();
	return { sandbox, platforms };
}

/** Credentials that point each node at a running sandbox. */
export function sandboxCredentials(sandbox: Sandbox): SandboxCredential[] {
	return sandbox.platforms.flatMap((p) => p.credentials(sandbox.url));
}

export { Sandbox };
