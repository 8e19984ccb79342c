/**
 * Puts the sandbox credentials and the example workflows into the `npm start` user folder without
 * ever overwriting what is there: n8n saves every edit at once, so a re-import would silently
 * throw away work built on an example.
 *
 * - A credential or workflow whose id is missing is imported (first start, or deleted by the user).
 * - One that exists is left alone. When examples/<x>.json changed since it was imported, the new
 *   version is imported once as a fresh copy beside it.
 * - `seeded.json` in the user folder remembers what was imported (content hashes).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import {
	importCredentials,
	importWorkflows,
	n8nPaths,
	run,
	runN8n,
	type CredentialFile,
	type UserFolder,
	type WorkflowFile,
} from '../test/e2e/n8n';

export const SEED_FILE = 'seeded.json';

interface SeedState {
	/** Workflow id -> hash of the example file it was imported from. */
	workflows: Record<string, string>;
	/** Credential id -> hash of the data it was imported with. */
	credentials: Record<string, string>;
}

export interface SeedReport {
	importedWorkflows: string[];
	importedCredentials: string[];
	/** Fresh copies of changed examples: [example file name, new workflow]. */
	copies: Array<[string, WorkflowFile]>;
	/** Lines worth telling the user. */
	notes: string[];
}

interface ExistingIds {
	workflows: Set<string>;
	credentials: Set<string>;
}

const hashOf = (value: unknown): string =>
	createHash('sha256').update(JSON.stringify(value)).digest('hex');

function readState(file: string): SeedState {
	try {
		const state = JSON.parse(readFileSync(file, 'utf8')) as Partial<SeedState>;
		return { workflows: state.workflows ?? {}, credentials: state.credentials ?? {} };
	} catch {
		return { workflows: {}, credentials: {} };
	}
}

/**
 * Ids already in the folder's database. Reads the SQLite file with n8n's own sqlite3 module
 * (~0.1 s); if that fails (another schema), asks the n8n CLI (two exports, ~4 s).
 */
async function existingIds(folder: UserFolder): Promise<ExistingIds> {
	const db = join(folder.dir, '.n8n', 'database.sqlite');
	if (!existsSync(db)) return { workflows: new Set(), credentials: new Set() };
	const { node, installDir } = n8nPaths();
	const script = `
const sqlite3 = require(process.argv[1]);
const db = new sqlite3.Database(process.argv[2], sqlite3.OPEN_READONLY);
db.all('SELECT id FROM workflow_entity', (e1, w) => {
	if (e1) throw e1;
	db.all('SELECT id FROM credentials_entity', (e2, c) => {
		if (e2) throw e2;
		process.stdout.write(JSON.stringify({ w: w.map((r) => r.id), c: c.map((r) => r.id) }));
		db.close();
	});
});`;
	const res = await run(
		node,
		['-e', script, join(installDir, 'n8n', 'node_modules', 'sqlite3'), db],
		{ timeoutMs: 30_000 },
	);
	if (res.code === 0) {
		const ids = JSON.parse(res.stdout) as { w: string[]; c: string[] };
		return { workflows: new Set(ids.w), credentials: new Set(ids.c) };
	}
	const [workflows, credentials] = await Promise.all([
		cliIds(folder, 'workflow'),
		cliIds(folder, 'credentials'),
	]);
	return { workflows, credentials };
}

async function cliIds(folder: UserFolder, kind: 'workflow' | 'credentials'): Promise<Set<string>> {
	const file = join(folder.dir, `ids-${kind}-${process.pid}.json`);
	const res = await runN8n(folder, [`export:${kind}`, '--all', `--output=${file}`]);
	try {
		if (res.code !== 0) {
			if (/No (workflows|credentials) found/.test(res.stdout + res.stderr)) return new Set();
			throw new Error(`n8n export:${kind} failed (${res.code}):\n${res.stdout}\n${res.stderr}`);
		}
		return new Set(
			(JSON.parse(await readFile(file, 'utf8')) as Array<{ id: string }>).map((r) => r.id),
		);
	} finally {
		await rm(file, { force: true });
	}
}

/** A 16-character n8n id for the copy of an example at a given content hash. */
const copyId = (hash: string): string => `exCopy${hash.slice(0, 10)}`;

export async function seedUserFolder(
	folder: UserFolder,
	userDir: string,
	credentials: CredentialFile[],
	examples: Record<string, WorkflowFile>,
): Promise<SeedReport> {
	const stateFile = join(userDir, SEED_FILE);
	const state = readState(stateFile);
	const existing = await existingIds(folder);
	const report: SeedReport = {
		importedWorkflows: [],
		importedCredentials: [],
		copies: [],
		notes: [],
	};

	const newCredentials: CredentialFile[] = [];
	for (const credential of credentials) {
		const hash = hashOf(credential.data);
		if (!existing.credentials.has(credential.id)) {
			newCredentials.push(credential);
			state.credentials[credential.id] = hash;
		} else if (state.credentials[credential.id] === undefined) {
			state.credentials[credential.id] = hash;
		} else if (state.credentials[credential.id] !== hash) {
			report.notes.push(
				`credential "${credential.name}" was kept as it is, but the sandbox values changed since it was made ` +
					'(another SANDBOX_PORT?): edit it in n8n, or delete it and restart to have it made again',
			);
		}
	}

	const newWorkflows: WorkflowFile[] = [];
	for (const [file, workflow] of Object.entries(examples)) {
		const hash = hashOf(workflow);
		if (!existing.workflows.has(workflow.id)) {
			newWorkflows.push(workflow);
			state.workflows[workflow.id] = hash;
		} else if (state.workflows[workflow.id] === undefined) {
			state.workflows[workflow.id] = hash;
		} else if (state.workflows[workflow.id] !== hash) {
			const copy: WorkflowFile = {
				...workflow,
				id: copyId(hash),
				name: `${workflow.name} (new version)`,
			};
			if (!existing.workflows.has(copy.id)) {
				newWorkflows.push(copy);
				report.copies.push([file, copy]);
			}
			state.workflows[workflow.id] = hash;
		}
	}

	if (newCredentials.length > 0) await importCredentials(folder, newCredentials);
	if (newWorkflows.length > 0) await importWorkflows(folder, newWorkflows);
	writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
	report.importedCredentials = newCredentials.map((c) => c.id);
	report.importedWorkflows = newWorkflows.map((w) => w.id);
	return report;
}
