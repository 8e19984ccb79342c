import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import type { LoggedRequest } from '../test/sandbox/types';

/** bench/sync-sandbox.ts in its own process: seeded, with latency; its request log read over HTTP. */
export class SeededSandbox {
	private constructor(
		private readonly child: ChildProcess,
		readonly url: string,
	) {}

	static async start(platform: string, n: number, latencyMs: number): Promise<SeededSandbox> {
		const child = spawn(
			process.execPath,
			[join(__dirname, 'sync-sandbox.js'), platform, String(n), String(latencyMs)],
			{
				env: { ...process.env, SANDBOX_LOG: '' },
				stdio: ['ignore', 'pipe', 'inherit'],
			},
		);
		const url = await new Promise<string>((resolve, reject) => {
			let text = '';
			child.stdout?.on('data', (chunk: Buffer) => {
				text += chunk.toString();
				const match = /Sandbox APIs on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
				if (match) resolve(match[1]);
			});
			child.on('exit', (code) => reject(new Error(`sync sandbox exited with ${code}`)));
		});
		return new SeededSandbox(child, url);
	}

	urlOf(prefix: string): string {
		return `${this.url}${prefix}`;
	}

	async log(): Promise<LoggedRequest[]> {
		const res = await fetch(`${this.url}/__sandbox/log`, { method: 'POST' });
		return (await res.json()) as LoggedRequest[];
	}

	stop(): void {
		this.child.kill('SIGTERM');
	}
}
