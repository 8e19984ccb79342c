/**
 * The example workflows in examples/*.json and the sandbox credentials they point at, with the
 * fixed ids that link them. Used by `npm start` (scripts/start.ts) and the e2e suite.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { Sandbox } from '../sandbox';
import { sandboxCredentials } from '../sandbox';
import type { CredentialFile, WorkflowFile } from './n8n';
import platformsFile from '../../platforms.json';

/** The repo root, from test/e2e or from its compiled copy in .build/test/e2e. */
export const REPO_ROOT = join(
	__dirname,
	'..',
	'..',
	...(basename(join(__dirname, '..', '..')) === '.build' ? ['..'] : []),
);
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

/** Credential id per n8n credential type (platforms.json); the examples' nodes reference these. */
export const CREDENTIAL_IDS: Record<string, string> = Object.fromEntries(
	platformsFile.platforms.flatMap((p) =>
		p.credentials.flatMap((c) => (c.exampleId ? [[c.type, c.exampleId]] : [])),
	),
);

/** Workflow id per example file name (without .json). */
export const EXAMPLE_IDS = {
	keitaro: 'exKeitaro0000001',
	keepnet: 'exKeepnet0000001',
	chatwoot: 'exChatwoot000001',
	'chatwoot-conversations': 'exChatwootConv01',
	'chatwoot-settings': 'exChatwootSett01',
	'chatwoot-client': 'exChatwootClnt01',
	'chatwoot-trigger': 'exChatwootTrig01',
	activeplatform: 'exActivePlat0001',
	davintoo: 'exDavintoo000001',
	onboarding: 'exOnboarding0001',
	'keitaro-sync': 'exKeitaroSync001',
	'keepnet-sync': 'exKeepnetSync001',
	'chatwoot-sync': 'exChatwootSync01',
	'activeplatform-sync': 'exActivePlSync01',
	'davintoo-sync': 'exDavintooSync01',
} as const;

export type ExampleName = keyof typeof EXAMPLE_IDS;

/** One n8n credential per platform credential type, pointing at this sandbox. */
export function exampleCredentials(sandbox: Sandbox): CredentialFile[] {
	return sandboxCredentials(sandbox).map((c) => {
		const id = CREDENTIAL_IDS[c.type];
		if (!id) throw new Error(`no fixed credential id for type ${c.type}`);
		return { id, name: c.name, type: c.type, data: c.data };
	});
}

/** Every examples/*.json workflow, keyed by file name. */
export function loadExamples(dir = EXAMPLES_DIR): Record<string, WorkflowFile> {
	const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
	return Object.fromEntries(
		files.map((f) => [
			f.replace(/\.json$/, ''),
			JSON.parse(readFileSync(join(dir, f), 'utf8')) as WorkflowFile,
		]),
	);
}
