/**
 * `npm start` as a newcomer uses it (compiled .build/scripts/start.js, as the npm script runs it):
 * it comes up with the printed login, lists the examples, runs one over REST, and SIGTERM stops
 * everything it started. A restart keeps the user's work: an example edited in the editor, a
 * renamed credential and the login session all survive; a changed example arrives as a copy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SEED_FILE, seedUserFolder } from '../../scripts/start-seed';
import { startSandbox } from '../sandbox';
import {
	CREDENTIAL_IDS,
	EXAMPLE_IDS,
	exampleCredentials,
	loadExamples,
	REPO_ROOT,
} from './examples';
import { freePort, login, openUserFolder, runN8n, type Session } from './n8n';

const script = join(REPO_ROOT, '.build', 'scripts', 'start.js');
let dir = '';
let n8nPort = 0;
let sandboxPort = 0;
let base = '';
let running: { child: ChildProcess; out: () => string } | undefined;

interface Started {
	child: ChildProcess;
	out: () => string;
	/** Seconds from spawning start.js until the ready line was seen. */
	waited: number;
}

/** Runs start.js on the test's folder and ports until it prints its ready block. */
async function npmStart(): Promise<Started> {
	const env = {
		PATH: process.env.PATH ?? '',
		HOME: process.env.HOME ?? '',
		N8N_PORT: String(n8nPort),
		SANDBOX_PORT: String(sandboxPort),
		N8N_START_DIR: dir,
	};
	const spawned = Date.now();
	const child = spawn(process.execPath, [script], {
		env,
		cwd: REPO_ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let text = '';
	child.stdout?.on('data', (b: Buffer) => (text += b.toString()));
	child.stderr?.on('data', (b: Buffer) => (text += b.toString()));
	running = { child, out: () => text };
	for (let i = 0; i < 960 && !text.includes('Ctrl-C stops'); i++) {
		if (child.exitCode !== null) throw new Error(`start.js exited:\n${text}`);
		await new Promise((r) => setTimeout(r, 125));
	}
	if (!text.includes('Ctrl-C stops')) throw new Error(`start.js not ready after 120 s:\n${text}`);
	return { child, out: () => text, waited: (Date.now() - spawned) / 1000 };
}

async function stop(started: Started): Promise<number | null> {
	const exited = new Promise<number | null>((resolve) =>
		started.child.once('exit', (code) => resolve(code)),
	);
	started.child.kill('SIGTERM');
	const code = await exited;
	running = undefined;
	return code;
}

const headersOf = (session: Session): Record<string, string> => ({
	cookie: session.cookie,
	'browser-id': session.browserId,
	'content-type': 'application/json',
});

async function getJson<T>(path: string, session: Session): Promise<{ status: number; data: T }> {
	const res = await fetch(`${base}${path}`, { headers: headersOf(session) });
	return { status: res.status, data: ((await res.json()) as { data: T }).data };
}

interface StoredWorkflow {
	id: string;
	name: string;
	versionId: string;
	nodes: Array<{ name: string; notes?: string; parameters: Record<string, unknown> }>;
	connections: Record<string, unknown>;
}

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'n8n-start-e2e-'));
	[n8nPort, sandboxPort] = [await freePort(), await freePort()];
	base = `http://127.0.0.1:${n8nPort}`;
});

// A failed test must not leave its n8n running for the next one (same ports).
afterEach(async () => {
	if (running?.child.exitCode === null) {
		const exited = new Promise((resolve) => running?.child.once('exit', resolve));
		running.child.kill('SIGTERM');
		await exited;
	}
	running = undefined;
});

afterAll(async () => {
	if (running?.child.pid && running.child.exitCode === null) running.child.kill('SIGKILL');
	if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm start', () => {
	let session: Session;
	const editedName = 'My Keitaro flow, built on the example';

	it('starts n8n with the owner, credentials and examples; runs the onboarding flow; stops clean', async () => {
		expect(existsSync(script)).toBe(true); // npm run test:e2e compiles it
		const started = await npmStart();
		const out = started.out();
		// The printed time is the wait from the command (here: start.js itself) to an answering editor.
		const [, printed] = /is ready \((\d+) s\)/.exec(out) ?? [];
		expect(Math.abs(Number(printed) - started.waited)).toBeLessThanOrEqual(2);
		const page = await fetch(`${base}/`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('<div id="app"');
		expect(out).toContain(
			`imported ${Object.keys(CREDENTIAL_IDS).length} credentials and ${Object.keys(loadExamples()).length} workflows that were missing`,
		);

		const [, email, password] = /log in:\s+(\S+) \/ (\S+)/.exec(out) ?? [];
		session = await login(base, email, password);
		expect(session.user.role).toBe('global:owner');
		const headers = headersOf(session);

		const listed = await getJson<Array<{ id: string }>>('/rest/workflows', session);
		expect(listed.data.map((w) => w.id).sort()).toEqual(Object.values(EXAMPLE_IDS).sort());

		const id = EXAMPLE_IDS.onboarding;
		const wf = (await getJson<StoredWorkflow>(`/rest/workflows/${id}`, session)).data;
		const run = await fetch(`${base}/rest/workflows/${id}/run`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ workflowData: wf, triggerToStartFrom: { name: 'Start' } }),
		});
		const { executionId } = ((await run.json()) as { data: { executionId: string } }).data;
		let status = '';
		for (let i = 0; i < 60 && !['success', 'error', 'crashed'].includes(status); i++) {
			await new Promise((r) => setTimeout(r, 500));
			status = (await getJson<{ status: string }>(`/rest/executions/${executionId}`, session)).data
				.status;
		}
		expect(status).toBe('success');
		const log = (await (
			await fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/log`)
		).json()) as Array<{ platform: string; method: string }>;
		expect(new Set(log.filter((r) => r.method === 'POST').map((r) => r.platform))).toEqual(
			new Set(['keitaro', 'keepnet', 'chatwoot', 'activeplatform', 'davintoo']),
		);

		// The user's own work, as the editor saves it: a renamed example with a changed node, and a
		// renamed credential.
		const keitaro = (
			await getJson<StoredWorkflow>(`/rest/workflows/${EXAMPLE_IDS.keitaro}`, session)
		).data;
		const nodes = keitaro.nodes.map((n) =>
			n.name === 'Create user' ? { ...n, notes: 'my note' } : n,
		);
		const saved = await fetch(`${base}/rest/workflows/${EXAMPLE_IDS.keitaro}`, {
			method: 'PATCH',
			headers,
			body: JSON.stringify({
				name: editedName,
				nodes,
				connections: keitaro.connections,
				versionId: keitaro.versionId,
			}),
		});
		expect(saved.status).toBe(200);
		// As the editor does: the data comes back with secrets blanked, and n8n keeps the stored ones.
		const credential = (
			await getJson<{ data: Record<string, unknown> }>(
				'/rest/credentials/sbxKeitaroCred01?includeData=true',
				session,
			)
		).data;
		const renamed = await fetch(`${base}/rest/credentials/sbxKeitaroCred01`, {
			method: 'PATCH',
			headers,
			body: JSON.stringify({ name: 'My Keitaro', type: 'keitaroApi', data: credential.data }),
		});
		expect(renamed.status).toBe(200);

		expect(await stop(started)).toBe(0);
		expect(started.out()).toContain('[start] stopped');
		// Nothing listens any more on either port.
		await expect(fetch(`${base}/healthz`)).rejects.toThrow();
		await expect(fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/log`)).rejects.toThrow();
	});

	it('a restart keeps the edited example, the renamed credential and the login session', async () => {
		const started = await npmStart();
		expect(started.out()).toContain('credentials and example workflows: kept as they are');

		// The session cookie from before the restart still works: no new login.
		const me = await fetch(`${base}/rest/login`, { headers: headersOf(session) });
		expect(me.status).toBe(200);
		const keitaro = await getJson<StoredWorkflow>(
			`/rest/workflows/${EXAMPLE_IDS.keitaro}`,
			session,
		);
		expect(keitaro.status).toBe(200);
		expect(keitaro.data.name).toBe(editedName);
		expect(keitaro.data.nodes.find((n) => n.name === 'Create user')?.notes).toBe('my note');
		const credential = await getJson<{ name: string }>(
			'/rest/credentials/sbxKeitaroCred01',
			session,
		);
		expect(credential.data.name).toBe('My Keitaro');
		expect(await stop(started)).toBe(0);
	});

	it('an example changed in the repo arrives once as a fresh copy; the one in use is left alone', async () => {
		const examples = loadExamples();
		const changed = {
			...examples.keitaro,
			nodes: examples.keitaro.nodes.map((n) => ({ ...n, notes: 'new in the repo' })),
		};
		const { sandbox } = await startSandbox({ port: sandboxPort });
		try {
			const folder = await openUserFolder(dir);
			const first = await seedUserFolder(folder, dir, exampleCredentials(sandbox), {
				...examples,
				keitaro: changed,
			});
			expect(first.importedCredentials).toEqual([]);
			expect(first.copies.map(([file, copy]) => [file, copy.name])).toEqual([
				['keitaro', `${examples.keitaro.name} (new version)`],
			]);
			expect(first.importedWorkflows).toEqual([first.copies[0][1].id]);
			// Seeded once: the same change does not make a second copy.
			const again = await seedUserFolder(folder, dir, exampleCredentials(sandbox), {
				...examples,
				keitaro: changed,
			});
			expect(again.importedWorkflows).toEqual([]);
			const state = JSON.parse(readFileSync(join(dir, SEED_FILE), 'utf8')) as {
				workflows: Record<string, string>;
			};
			expect(Object.keys(state.workflows).sort()).toEqual(Object.values(EXAMPLE_IDS).sort());
			// The user's version is still the one under the example's id; the copy sits beside it.
			const exported = join(dir, 'exported.json');
			const res = await runN8n(folder, ['export:workflow', '--all', `--output=${exported}`]);
			expect(res.code).toBe(0);
			const stored = JSON.parse(readFileSync(exported, 'utf8')) as StoredWorkflow[];
			expect(stored.find((w) => w.id === EXAMPLE_IDS.keitaro)?.name).toBe(editedName);
			expect(
				stored
					.find((w) => w.id === first.copies[0][1].id)
					?.nodes.every((n) => n.notes === 'new in the repo'),
			).toBe(true);
		} finally {
			await sandbox.stop();
		}
	});
});
