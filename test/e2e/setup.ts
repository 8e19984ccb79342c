/**
 * Shared setup for the e2e files: the package packed as users get it, a fresh n8n user folder with
 * it installed, an in-process sandbox, and the example credentials + workflows imported.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Platforms, type Sandbox } from '../sandbox';
import type { LoggedRequest } from '../sandbox/types';
import { exampleCredentials, loadExamples, REPO_ROOT } from './examples';
import {
	createUserFolder,
	importCredentials,
	importWorkflows,
	n8nPaths,
	packPackage,
	stopAll,
	type CliResult,
	type CredentialFile,
	type UserFolder,
	type WorkflowFile,
} from './n8n';

export const PACKAGE_NAME = 'n8n-nodes-user-provisioning';

export interface E2eEnv {
	folder: UserFolder;
	sandbox: Sandbox;
	platforms: Platforms;
	tarball: string;
	scratch: string;
	/** Output of every n8n CLI call made during setup (for the "no warnings" check). */
	setupLogs: CliResult[];
	close(): Promise<void>;
}

/** Packs the repo (dist/ must be built), installs it into a new user folder, imports examples. */
export async function setUpN8n(
	extra: { credentials?: (sandbox: Sandbox) => CredentialFile[]; workflows?: WorkflowFile[] } = {},
): Promise<E2eEnv> {
	n8nPaths(); // a clear message when n8n is not installed
	const scratch = await mkdtemp(join(tmpdir(), 'n8n-up-e2e-'));
	const { sandbox, platforms } = await startSandbox();
	const tarball = await packPackage(REPO_ROOT, scratch);
	const folder = await createUserFolder({ packageTarball: tarball });
	const setupLogs = [
		await importCredentials(folder, [
			...exampleCredentials(sandbox),
			...(extra.credentials?.(sandbox) ?? []),
		]),
		await importWorkflows(folder, [...Object.values(loadExamples()), ...(extra.workflows ?? [])]),
	];
	return {
		folder,
		sandbox,
		platforms,
		tarball,
		scratch,
		setupLogs,
		close: async () => {
			await stopAll();
			await sandbox.stop();
			await folder.cleanup();
			await rm(scratch, { recursive: true, force: true });
		},
	};
}

export const jsonOf = (items: INodeExecutionData[]): Array<INodeExecutionData['json']> =>
	items.map((i) => i.json);

/** "METHOD /path" of each request a platform's sandbox saw (OAuth token calls included). */
export const calls = (sandbox: Sandbox, platform: string): string[] =>
	sandbox.requests(platform).map((r: LoggedRequest) => `${r.method} ${r.path}`);
