import { KeitaroSandbox } from './platforms/keitaro';
import { Sandbox, type SandboxOptions } from './server';

/** Every platform the sandbox plays; later nodes add theirs here. */
export function createPlatforms() {
	return {
		keitaro: new KeitaroSandbox(),
	};
}

export type Platforms = ReturnType<typeof createPlatforms>;

export async function startSandbox(options: SandboxOptions = {}): Promise<{ sandbox: Sandbox; platforms: Platforms }> {
	const platforms = createPlatforms();
	const sandbox = await new Sandbox(Object.values(platforms), options).start();
	return { sandbox, platforms };
}

export { Sandbox };
