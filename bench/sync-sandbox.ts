/**
 * The sandbox for the sync benchmark, in its own process (as for the other cases), seeded with
 * N existing users of one platform:
 *   node .build/bench/sync-sandbox.js <platform> <n> <latencyMs>
 * Prints "Sandbox APIs on <url>"; the request log is read through /__sandbox/log.
 */
import { type Platforms, startSandbox } from '../test/sandbox';
import { ACTIVEPLATFORM_DEMO_ACCOUNT } from '../test/sandbox/platforms/activeplatform';

const pad = (i: number) => String(i).padStart(5, '0');

/** N existing users per platform, as bench/sync.ts's cases want them (user i matches case.want(i, false)). */
export const SEEDS: Record<keyof Platforms, (p: Platforms, n: number) => void> = {
	keitaro: (p, n) => {
		for (let i = 0; i < n; i++) p.keitaro.addUser(`user${pad(i)}`);
	},
	keepnet: (p, n) => {
		for (let i = 0; i < n; i++) p.keepnet.addUser(`u${pad(i)}@acme.test`, { firstName: `F${i}` });
	},
	chatwoot: (p, n) => {
		for (let i = 0; i < n; i++)
			p.chatwoot.addContact({ email: `c${pad(i)}@shop.test`, name: `C ${i}` });
	},
	activeplatform: (p, n) => {
		for (let i = 0; i < n; i++)
			p.activeplatform.attach(
				p.activeplatform.addUser(`u${pad(i)}@acme.test`).id,
				ACTIVEPLATFORM_DEMO_ACCOUNT,
			);
	},
	davintoo: (p, n) => {
		for (let i = 0; i < n; i++) p.davintoo.addUser(`EMP-${pad(i)}`, { position: 'Rep' });
	},
};

async function main(): Promise<void> {
	const [platform, count, latency] = process.argv.slice(2);
	const { sandbox, platforms } = await startSandbox({ port: 0 });
	SEEDS[platform as keyof Platforms](platforms, Number(count));
	sandbox.settings = { ...sandbox.settings, latencyMs: Number(latency) };
	process.stdout.write(`Sandbox APIs on ${sandbox.url}\n`);
	process.on('SIGTERM', () => void sandbox.stop().then(() => process.exit(0)));
}

if (require.main === module) void main();
