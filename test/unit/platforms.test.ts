/**
 * platforms.json is the one list of platforms: the package manifest, the sandbox, the example
 * credentials and workflows must all agree with it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import manifest from '../../package.json';
import platformsFile from '../../platforms.json';
import { CREDENTIAL_IDS, EXAMPLE_IDS, loadExamples, REPO_ROOT } from '../e2e/examples';
import { createPlatforms, sandboxCredentials } from '../sandbox';
import type { Sandbox } from '../sandbox';

const { platforms } = platformsFile;

describe('platforms.json drives the rest', () => {
	it('the all-in-one manifest lists exactly its nodes and credentials', () => {
		const nodes = platforms.flatMap((p) => [
			`dist/nodes/${p.nodeDir}/${p.nodeDir}.node.js`,
			...((p as { extraNodes?: string[] }).extraNodes ?? []),
		]);
		expect(manifest.n8n.nodes.filter((n) => !/Trigger/.test(n)).sort()).toEqual(nodes.sort());
		const credentials = platforms.flatMap((p) =>
			p.credentials.map((c) => `dist/credentials/${c.file}.credentials.js`),
		);
		expect([...manifest.n8n.credentials].sort()).toEqual(credentials.sort());
		for (const c of platforms.flatMap((p) => p.credentials))
			expect(existsSync(join(REPO_ROOT, 'credentials', `${c.file}.credentials.ts`))).toBe(true);
	});

	it('the sandbox plays every platform under its prefix, with a credential for each credential type users pick', () => {
		const sandbox = createPlatforms();
		expect(Object.keys(sandbox).sort()).toEqual(platforms.map((p) => p.id).sort());
		for (const p of platforms)
			expect(sandbox[p.id as keyof typeof sandbox].prefix).toBe(p.sandboxPrefix);
		const fake = {
			url: 'http://127.0.0.1:1',
			platforms: Object.values(sandbox),
		} as unknown as Sandbox;
		const types = sandboxCredentials(fake)
			.map((c) => c.type)
			.sort();
		const visible = platforms.flatMap((p) =>
			p.credentials.filter((c) => !(c as { hidden?: boolean }).hidden).map((c) => c.type),
		);
		expect(types).toEqual(visible.sort());
		expect(Object.keys(CREDENTIAL_IDS).sort()).toEqual(visible.sort());
	});

	it('every platform has its example, and every example file its fixed id', () => {
		const examples = loadExamples();
		for (const p of platforms) expect(examples[p.example.file]?.id).toBe(p.example.id);
		for (const [name, workflow] of Object.entries(examples))
			expect({ name, id: workflow.id }).toEqual({
				name,
				id: EXAMPLE_IDS[name as keyof typeof EXAMPLE_IDS],
			});
	});
});
