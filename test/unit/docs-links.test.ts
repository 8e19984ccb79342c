/**
 * The editor's "Docs" links (a node's codex and a credential's documentationUrl) lead to the
 * README section about that node or credential, not to a vendor's API reference: how to use the
 * node is what a person clicking there wants. Each anchor must exist in the README as GitHub
 * renders it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

const ROOT = join(__dirname, '..', '..');
const README_URL = 'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning';

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function readmeAnchors(): Set<string> {
	const seen = new Map<string, number>();
	const anchors = new Set<string>();
	for (const line of readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n')) {
		const heading = /^#{1,6}\s+(.*)$/.exec(line);
		if (!heading) continue;
		const slug = heading[1]
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/\s/g, '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		anchors.add(count ? `${slug}-${count}` : slug);
	}
	return anchors;
}

const anchors = readmeAnchors();

function expectReadmeSection(url: string | undefined): void {
	expect(url).toMatch(new RegExp(`^${README_URL}#`));
	const anchor = (url ?? '').split('#')[1];
	expect([...anchors]).toContain(anchor);
}

const nodeCodexFiles = readdirSync(join(ROOT, 'nodes'), { withFileTypes: true })
	.filter((d) => d.isDirectory() && d.name !== 'shared')
	.flatMap((d) =>
		readdirSync(join(ROOT, 'nodes', d.name))
			.filter((f) => f.endsWith('.node.json'))
			.map((f) => join('nodes', d.name, f)),
	);

const nodeClassFiles = nodeCodexFiles.map((f) => f.replace(/\.json$/, '.ts'));

const credentialFiles = readdirSync(join(ROOT, 'credentials')).filter((f) =>
	f.endsWith('.credentials.ts'),
);

describe('Docs links lead to the README section of the node or credential', () => {
	it('the anchors are read as GitHub makes them', () => {
		expect(anchors).toContain('keepnet-labs');
		expect(anchors).toContain('chatwoot-trigger');
		expect(anchors).toContain('-a-csv-import-is-a-full-sync');
	});

	it.each(nodeCodexFiles)('%s', (file) => {
		const codex = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as {
			resources: Record<'primaryDocumentation' | 'credentialDocumentation', Array<{ url: string }>>;
		};
		for (const link of [
			...codex.resources.primaryDocumentation,
			...codex.resources.credentialDocumentation,
		])
			expectReadmeSection(link.url);
	});

	it.each(nodeClassFiles)('%s', (file) => {
		const module = require(join(ROOT, file)) as Record<string, new () => INodeType>;
		const types = Object.values(module).filter((x) => typeof x === 'function');
		expect(types.length).toBe(1);
		// n8n's editor uses a node-level URL as it is (to a codex link it appends a query after the anchor).
		for (const Type of types) expectReadmeSection(new Type().description.documentationUrl);
	});

	it.each(credentialFiles)('%s', (file) => {
		const module = require(join(ROOT, 'credentials', file)) as Record<
			string,
			new () => ICredentialType
		>;
		const types = Object.values(module).filter((x) => typeof x === 'function');
		expect(types.length).toBeGreaterThan(0);
		for (const Type of types) expectReadmeSection(new Type().documentationUrl);
	});
});
