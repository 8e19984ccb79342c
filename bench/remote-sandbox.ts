import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import type { SandboxSettings, Timeline } from '../test/sandbox/faults';

/**
 * The sandbox in its own process, as a real API would be: the node under test and the server
 * do not share one event loop. Driven through its /__sandbox control endpoints.
 */
export class RemoteSandbox {
	private constructor(
		private readonly child: ChildProcess,
		readonly url: string,
	) {}

	static async start(): Promise<RemoteSandbox> {
		const script = join(__dirname, '..', 'test', 'sandbox', 'start.js');
		const child = spawn(process.execPath, [script], {
			env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_LOG: '' },
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		const url = await new Promise<string>((resolve, reject) => {
			let text = '';
			child.stdout?.on('data', (chunk: Buffer) => {
				text += chunk.toString();
				const match = /Sandbox APIs on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
				if (match) resolve(match[1]);
			});
			child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
		});
		return new RemoteSandbox(child, url);
	}

	urlOf(prefix: string): string {
		return `${this.url}${prefix}`;
	}

	async control(path: string, body: unknown = {}): Promise<unknown> {
		const res = await fetch(`${this.url}/__sandbox/${path}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		return res.json() as Promise<unknown>;
	}

	async reset(settings: Partial<SandboxSettings> = {}): Promise<void> {
		await this.control('reset');
		await this.control('settings', settings);
	}

	async timeline(): Promise<Timeline> {
		return (await this.control('timeline')) as Timeline;
	}

	async state<T>(platform: string): Promise<T> {
		return (await this.control('state', { platform })) as T;
	}

	stop(): void {
		this.child.kill('SIGTERM');
	}
}
