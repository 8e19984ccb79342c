/**
 * `npm start` as a newcomer uses it (compiled .build/scripts/start.js, as the npm script runs it):
 * it comes up with the printed login, lists the examples, runs one over REST, and SIGTERM stops
 * everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EXAMPLE_IDS, REPO_ROOT } from './examples';
import { freePort, login } from './n8n';

const script = join(REPO_ROOT, '.build', 'scripts', 'start.js');
let child: ChildProcess | undefined;
let dir = '';

afterAll(async () => {
	if (child?.pid && child.exitCode === null) child.kill('SIGKILL');
	if (dir) await rm(dir, { recursive: true, force: true });
});

it('starts n8n with the owner, credentials and examples; runs the onboarding flow; stops clean', async () => {
	expect(existsSync(script)).toBe(true); // npm run test:e2e compiles it
	dir = await mkdtemp(join(tmpdir(), 'n8n-start-e2e-'));
	const [n8nPort, sandboxPort] = [await freePort(), await freePort()];
	const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', N8N_PORT: String(n8nPort), SANDBOX_PORT: String(sandboxPort), N8N_START_DIR: dir };
	child = spawn(process.execPath, [script], { env, cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
	child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
	for (let i = 0; i < 480 && !out.includes('Ctrl-C stops'); i++) {
		if (child.exitCode !== null) throw new Error(`start.js exited:\n${out}`);
		await new Promise((r) => setTimeout(r, 250));
	}
	const base = `http://127.0.0.1:${n8nPort}`;
	expect(out).toContain(`is ready`);
	const [, email, password] = /log in:\s+(\S+) \/ (\S+)/.exec(out) ?? [];
	const session = await login(base, email, password);
	expect(session.user.role).toBe('global:owner');
	const headers = { cookie: session.cookie, 'browser-id': session.browserId, 'content-type': 'application/json' };

	const listed = (await (await fetch(`${base}/rest/workflows`, { headers })).json()) as { data: Array<{ id: string }> };
	expect(listed.data.map((w) => w.id).sort()).toEqual(Object.values(EXAMPLE_IDS).sort());

	const id = EXAMPLE_IDS.onboarding;
	const wf = ((await (await fetch(`${base}/rest/workflows/${id}`, { headers })).json()) as { data: unknown }).data;
	const started = await fetch(`${base}/rest/workflows/${id}/run`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ workflowData: wf, triggerToStartFrom: { name: 'Start' } }),
	});
	const { executionId } = ((await started.json()) as { data: { executionId: string } }).data;
	let status = '';
	for (let i = 0; i < 60 && !['success', 'error', 'crashed'].includes(status); i++) {
		await new Promise((r) => setTimeout(r, 500));
		status = ((await (await fetch(`${base}/rest/executions/${executionId}`, { headers })).json()) as { data: { status: string } }).data.status;
	}
	expect(status).toBe('success');
	const log = (await (await fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/log`)).json()) as Array<{ platform: string; method: string }>;
	expect(new Set(log.filter((r) => r.method === 'POST').map((r) => r.platform))).toEqual(
		new Set(['keitaro', 'keepnet', 'chatwoot', 'activeplatform', 'davintoo']),
	);

	const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
	child.kill('SIGTERM');
	expect(await exited).toBe(0);
	expect(out).toContain('[start] stopped');
	// Nothing listens any more on either port.
	await expect(fetch(`${base}/healthz`)).rejects.toThrow();
	await expect(fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/log`)).rejects.toThrow();
});
