/**
 * `npm start`: a local n8n with this package installed, the sandbox APIs of all five platforms,
 * a credential per node pointing at them, and the example workflows imported. The user folder is
 * kept between runs and nothing in it is overwritten (scripts/start-seed.ts); the owner's login
 * survives restarts (scripts/start-owner.ts).
 *
 * Env: N8N_PORT (5678), SANDBOX_PORT (5680), N8N_START_DIR (user folder, default .n8n-start/),
 * N8N_CACHE_DIR (where scripts/n8n-install.sh puts Node 24 + n8n). Ctrl-C stops everything.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';

import { startSandbox } from '../test/sandbox';
import { EXAMPLE_IDS, exampleCredentials, loadExamples, REPO_ROOT } from '../test/e2e/examples';
import {
	N8N_VERSION,
	openUserFolder,
	packPackage,
	startN8n,
	stopAll,
	type Owner,
} from '../test/e2e/n8n';
import { commandStartMs } from './start-clock';
import { stableOwnerEnv } from './start-owner';
import { seedUserFolder } from './start-seed';

/** Local demo login: the instance listens on 127.0.0.1 only. */
export const DEMO_OWNER: Owner = {
	email: 'demo@example.com',
	password: 'Demo-Passw0rd',
	firstName: 'Demo',
	lastName: 'Owner',
};

const n8nPort = Number(process.env.N8N_PORT ?? 5678);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 5680);
const userDir = process.env.N8N_START_DIR ?? join(REPO_ROOT, '.n8n-start');
const say = (line: string): void => void process.stdout.write(`[start] ${line}\n`);

function portInUse(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('error', () => resolve(false));
	});
}

/** Resolves once the editor page and the REST API answer as a browser will ask them. */
async function waitForEditor(url: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const page = await fetch(`${url}/`);
			const settings = await fetch(`${url}/rest/settings`);
			if (page.ok && (await page.text()).includes('<div id="app"') && settings.ok) return;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline)
			throw new Error(`the n8n editor at ${url} did not answer within ${timeoutMs / 1000} s`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

async function main(): Promise<void> {
	const started = commandStartMs();
	for (const port of [n8nPort, sandboxPort]) {
		if (await portInUse(port))
			throw new Error(
				`port ${port} on 127.0.0.1 is in use (another npm start?); set N8N_PORT / SANDBOX_PORT`,
			);
	}
	say(`n8n ${N8N_VERSION}: installing into the cache if needed (first time: several minutes)`);
	const install = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'n8n-install.sh')], {
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	if (install.status !== 0) throw new Error('scripts/n8n-install.sh failed');

	await mkdir(join(userDir, 'package'), { recursive: true });
	const tarball = await packPackage(REPO_ROOT, join(userDir, 'package'));
	const folder = await openUserFolder(userDir, { packageTarball: tarball });
	say(`package ${folder.packageName} installed into ${join(userDir, '.n8n', 'nodes')}`);

	const { sandbox } = await startSandbox({ port: sandboxPort });
	say(`sandbox APIs on ${sandbox.url}`);
	const seeded = await seedUserFolder(folder, userDir, exampleCredentials(sandbox), loadExamples());
	say(
		seeded.importedWorkflows.length + seeded.importedCredentials.length === 0
			? 'credentials and example workflows: kept as they are in the user folder'
			: `imported ${seeded.importedCredentials.length} credentials and ${seeded.importedWorkflows.length} workflows that were missing; nothing existing was changed`,
	);
	seeded.notes.forEach((note) => say(note));

	const logFile = join(userDir, 'n8n.log');
	writeFileSync(logFile, '');
	const server = await startN8n(folder, {
		port: n8nPort,
		env: stableOwnerEnv(userDir, DEMO_OWNER),
	});
	let logged = 0;
	const pump = setInterval(() => {
		const text = server.logs();
		if (text.length > logged) appendFileSync(logFile, text.slice(logged));
		logged = text.length;
		if (!isAlive(server.pid)) void shutdown(1, 'n8n exited; see its log');
	}, 1000);

	let stopping = false;
	async function shutdown(code: number, why: string): Promise<void> {
		if (stopping) return;
		stopping = true;
		clearInterval(pump);
		say(`${why}: stopping n8n and the sandbox`);
		await stopAll();
		await sandbox.stop();
		say('stopped');
		process.exit(code);
	}
	process.on('SIGINT', () => void shutdown(0, 'Ctrl-C'));
	process.on('SIGTERM', () => void shutdown(0, 'SIGTERM'));

	const url = `http://127.0.0.1:${n8nPort}`;
	await waitForEditor(url);
	const workflowIds = [...Object.values(EXAMPLE_IDS), ...seeded.copies.map(([, copy]) => copy.id)];
	process.stdout.write(
		[
			'',
			// Counted from the npm command (install, build and pack included): the time one waited.
			`n8n ${N8N_VERSION} is ready (${Math.round((Date.now() - started) / 1000)} s): ${url}`,
			`  log in:     ${DEMO_OWNER.email} / ${DEMO_OWNER.password}   (fixed local demo login; 127.0.0.1 only)`,
			`  workflows:  ${workflowIds.map((id) => `${url}/workflow/${id}`).join('\n              ')}`,
			...seeded.copies.map(
				([file, copy]) =>
					`  examples/${file}.json changed since it was imported: new version "${copy.name}"; yours is untouched`,
			),
			`  sandbox:    ${sandbox.url} (keitaro, keepnet, chatwoot, activeplatform, davintoo; GET ${sandbox.url}/__sandbox/log)`,
			`  user data:  ${userDir}   n8n log: ${logFile}`,
			'Open a workflow and click "Execute workflow". Ctrl-C stops n8n and the sandbox.',
			'',
		].join('\n'),
	);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

main().catch(async (error: unknown) => {
	process.stderr.write(
		`[start] failed: ${error instanceof Error ? error.message : String(error)}\n`,
	);
	await stopAll();
	process.exit(1);
});
