/**
 * The README of a single-service package, in the section order of n8n's community node template
 * (Installation, Operations, Credentials, Compatibility, Usage, Resources, Version history).
 * Operations, options and credential fields come from the built classes, so they follow the code.
 */
import type { INode } from 'n8n-workflow';

import type { CredentialSummary, NodeSummary } from './describe';
import { runOrder, type ExampleWorkflow } from './example';
import type { Manifest } from './manifest';
import type { Platform } from './platforms';

export interface ReadmeInput {
	platform: Platform;
	manifest: Manifest;
	node: NodeSummary;
	credentials: CredentialSummary[];
	/** The example as shipped (node types already renamed), and its path inside the package. */
	example: ExampleWorkflow;
	examplePath: string;
	/** Body of packages/<id>/CHANGELOG.md without its title. */
	changelog: string;
	/** The n8n version the e2e suite installs this package into. */
	testedN8n: string;
	allInOne: string;
	/** The repository's web address (no trailing .git). */
	repoUrl: string;
	/** Anchor of this platform's section in the repository README, if it has one. */
	repoSection?: string;
	/** packages/<id>/NOTES.md, if any: things users must know, shown under Usage. */
	notes?: string;
}

/** GitHub's anchor for a Markdown heading. */
export const headingAnchor = (heading: string): string =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s-]/gu, '')
		.replace(/\s/g, '-');

/** Markdown table cell: no pipes or line breaks. */
const cell = (s: string | undefined): string =>
	(s ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

const table = (head: string[], rows: string[][]): string =>
	[
		`| ${head.join(' | ')} |`,
		`|${head.map(() => '---').join('|')}|`,
		...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
	].join('\n');

function operations({ node }: ReadmeInput): string {
	return node.resources
		.map((r) => {
			const title = `### ${r.name}${r.description ? `\n\n${r.description}` : ''}`;
			return `${title}\n\n${table(
				['Operation', 'What it does'],
				r.operations.map((o) => [o.name, o.description ?? o.action ?? '']),
			)}`;
		})
		.join('\n\n');
}

function credentialSection(c: CredentialSummary, input: ReadmeInput): string {
	const t = c.type;
	const users = input.node.resources
		.filter((r) => {
			const slot = input.node.description.credentials?.find((x) => x.name === t.name);
			const shown = slot?.displayOptions?.show?.resource as string[] | undefined;
			return !shown || shown.includes(r.value);
		})
		.map((r) => r.name);
	const how = c.oauth2
		? 'OAuth2 with the client credentials grant: n8n fetches the access token itself, stores it, refreshes it and sends it as `Authorization: Bearer <token>`.'
		: c.sends.length
			? `The secret is sent as ${c.sends.join(' and ')}.`
			: '';
	const test = t.test?.request
		? `*Test* in the credential dialog calls \`${t.test.request.method ?? 'GET'} ${t.test.request.url ?? ''}\`, which needs a valid secret.`
		: c.oauth2
			? '*Test* (OAuth2): n8n checks that it can get a token.'
			: '';
	const fields = table(
		['Field', 'Required', 'What to enter'],
		c.fields.map((f) => [
			`${f.displayName}${f.secret ? ' (secret)' : ''}`,
			f.required ? 'yes' : 'no',
			[
				f.description,
				f.default && typeof f.default === 'string' && !f.default.startsWith('=')
					? `Default: \`${f.default}\``
					: '',
			]
				.filter(Boolean)
				.join('. '),
		]),
	);
	return [
		`### ${t.displayName} (\`${t.name}\`)`,
		users.length > 0 && input.node.resources.length > 1 ? `Used by: ${users.join(', ')}.` : '',
		fields,
		[how, test].filter(Boolean).join(' '),
		t.documentationUrl ? `Where to get the values: ${t.documentationUrl}` : '',
	]
		.filter(Boolean)
		.join('\n\n');
}

function exampleSteps(input: ReadmeInput): string {
	const ours = `${input.manifest.name}.`;
	const opName = (n: INode): string => {
		const r = input.node.resources.find((x) => x.value === n.parameters.resource);
		const o = r?.operations.find((x) => x.value === n.parameters.operation);
		return r && o ? `${r.name}: ${o.name}` : '';
	};
	return runOrder(input.example)
		.map((n, i) => `${i + 1}. **${n.name}**${n.type.startsWith(ours) ? ` (${opName(n)})` : ''}`)
		.join('\n');
}

export function renderReadme(input: ReadmeInput): string {
	const { platform, manifest, node, allInOne } = input;
	const d = node.description;
	const optionRows = node.options.map((o) => [o.displayName, o.description ?? '']);
	const envValue = JSON.stringify([{ name: manifest.name, version: manifest.version }]);
	return `# ${manifest.name}

This is an n8n community node package. It lets you use **${platform.displayName}** in your n8n workflows:
${d.description.replace(/^./, (c) => c.toLowerCase()).replace(/\.$/, '')}.

It holds one node, **${d.displayName}** (also usable as a tool by n8n's AI Agent),${platform.triggerNode ? ` the **${d.displayName} Trigger** node,` : ''} and its credential${input.credentials.length > 1 ? 's' : ''}.
No runtime dependencies.

[n8n](https://n8n.io/) is a [fair-code licensed](https://docs.n8n.io/sustainable-use-license/) workflow automation platform.

[Installation](#installation) ·
[Operations](#operations) ·
[Credentials](#credentials) ·
[Compatibility](#compatibility) ·
[Usage](#usage) ·
[Resources](#resources) ·
[Version history](#version-history)

## Installation

Follow the [installation guide](https://docs.n8n.io/integrations/community-nodes/installation/) in the
n8n community nodes documentation. In short:

- **n8n UI** (owner or admin): *Settings > Community Nodes > Install*, enter \`${manifest.name}\`.
- **npm** (self-hosted): \`cd ~/.n8n/nodes && npm install ${manifest.name}\`, then restart n8n.
- **From the environment** (self-hosted, n8n 2.21 or later; the easy way for queue mode), on the main
  instance and every worker:

  \`\`\`bash
  N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV=true
  N8N_COMMUNITY_PACKAGES='${envValue}'
  \`\`\`

  n8n installs the listed packages when it starts and **uninstalls community packages that are not
  listed**. When unverified packages are off (n8n 3.0's default), add \`"checksum": "sha512-…"\` (from
  \`npm view ${manifest.name}@${manifest.version} dist.integrity\`) or set \`N8N_UNVERIFIED_PACKAGES_ENABLED=true\`.
- **Queue mode**: the package must be installed on the main instance **and every worker**, or workers
  fail with "Unrecognized node type".

The same node also ships in \`${allInOne}\`, a package with nodes for several user-provisioning
services, for self-hosted instances. **Install one or the other, not both**: both define the credential
type${input.credentials.length > 1 ? 's' : ''} ${input.credentials.map((c) => `\`${c.type.name}\``).join(' and ')}, and n8n keeps one definition per name, used by both
packages' nodes. Saved credentials work with either package because the names are the same. To switch
from \`${allInOne}\`: install this package, change the node type in your workflows from
\`${allInOne}.${d.name}\` to \`${manifest.name}.${d.name}\` (parameters and credentials stay), then
uninstall \`${allInOne}\`.

## Operations

${operations(input)}

## Credentials

${input.credentials.map((c) => credentialSection(c, input)).join('\n\n')}

## Compatibility

- Tested in n8n ${input.testedN8n}: this package installed on its own, its example workflow run against a
  local stand-in of the ${platform.displayName} API. n8n 1.x is not tested.
- n8n 3.0 turns unverified community packages off by default (\`N8N_UNVERIFIED_PACKAGES_ENABLED=false\`).
  This package is built to n8n's verification rules (one service, no runtime dependencies, provenance);
  until it is verified, set \`N8N_UNVERIFIED_PACKAGES_ENABLED=true\` to install it there.
- n8n Cloud installs verified community packages only.

## Usage

**Example workflow**: this package holds one, \`${input.examplePath}\`
(in your n8n folder: \`~/.n8n/nodes/node_modules/${manifest.name}/${input.examplePath}\`). Import it
(*Workflows > Import from File*), choose your credential in each ${d.displayName} node, and run it. It does:

${exampleSteps(input)}

**Options** (under *Options* in the node):

${table(['Option', 'What it does'], optionRows)}

**Errors**: invalid input fails before anything is sent, naming the item and the field. With
*On Error: Continue*, failed items come out as \`{error, details}\` with their paired item, so
*Continue (using error output)* sends them to the error branch. Secrets are masked (\`***\`) in
outputs and error messages.

**As an AI tool**: add the node to an AI Agent's tools; the agent fills the fields you mark with
*Let the model define this parameter*.
${input.notes ? `\n${input.notes.trim()}\n` : ''}
More on each operation, the errors the service returns and its limits: [the ${input.platform.displayName} section of the project README](${input.repoSection ? `${input.repoUrl}#${input.repoSection}` : input.repoUrl}).

## Resources

- [n8n community nodes documentation](https://docs.n8n.io/integrations/#community-nodes)
${input.credentials
	.filter((c) => c.type.documentationUrl)
	.map((c) => `- ${c.type.displayName}: ${c.type.documentationUrl}`)
	.join('\n')}
- Source code, issues and the full test suite: ${input.repoUrl}

## Version history

${input.changelog.trim()}
`;
}
