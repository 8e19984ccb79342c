/**
 * Starts the sandbox APIs on a fixed port for people and for a real n8n:
 *   SANDBOX_PORT=5680 node .build/test/sandbox/start.js
 * Prints each platform's base URL and test credentials; Ctrl-C stops it.
 */
import { sandboxCredentials, startSandbox } from './index';

async function main(): Promise<void> {
	const port = Number(process.env.SANDBOX_PORT ?? 5680); // 0 = any free port
	const { sandbox } = await startSandbox({ port });
	const lines = sandboxCredentials(sandbox).map(
		(c) => `  ${c.name.padEnd(24)} ${c.type.padEnd(22)} ${JSON.stringify(c.data)}`,
	);
	process.stdout.write(
		`Sandbox APIs on ${sandbox.url} (127.0.0.1 only)\nCredentials to use in n8n:\n${lines.join('\n')}\n`,
	);
	process.stdout.write(
		'Control: POST /__sandbox/reset | /__sandbox/settings | /__sandbox/fault | /__sandbox/log\n',
	);
	const stop = () => void sandbox.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
