/**
 * What a new user meets before running anything: credential test failures that say which
 * platform refused what and where to fix it, Docs links that open this node's README section,
 * and canvas subtitles in words rather than internal values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialType, INode, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ActivePlatformApi } from '../../credentials/ActivePlatformApi.credentials';
import { ChatwootApi } from '../../credentials/ChatwootApi.credentials';
import { ChatwootPlatformApi } from '../../credentials/ChatwootPlatformApi.credentials';
import { DavintooApi } from '../../credentials/DavintooApi.credentials';
import { KeepnetBaseApi } from '../../credentials/KeepnetBaseApi.credentials';
import { KeepnetOAuth2Api } from '../../credentials/KeepnetOAuth2Api.credentials';
import { KeitaroApi } from '../../credentials/KeitaroApi.credentials';
import { ActivePlatform } from '../../nodes/ActivePlatform/ActivePlatform.node';
import { userOperations as activePlatformOps } from '../../nodes/ActivePlatform/actions/user';
import { Chatwoot } from '../../nodes/Chatwoot/Chatwoot.node';
import { chatwootOperations } from '../../nodes/Chatwoot/actions';
import { Davintoo } from '../../nodes/Davintoo/Davintoo.node';
import { userOperations as davintooOps } from '../../nodes/Davintoo/actions/user';
import { Keepnet } from '../../nodes/Keepnet/Keepnet.node';
import { targetUserOperations } from '../../nodes/Keepnet/actions/targetUser';
import { Keitaro } from '../../nodes/Keitaro/Keitaro.node';
import { userOperations as keitaroOps } from '../../nodes/Keitaro/actions/user';
import type { Operation } from '../../nodes/shared/operation';
import { HarnessNodeTypes } from '../harness/node-types';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	repository: { url: string };
	n8n: { credentials: string[]; nodes: string[] };
};
const REPO_URL = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** The anchors GitHub gives the README's headings. */
const README_ANCHORS = new Set(
	readFileSync(join(ROOT, 'README.md'), 'utf8')
		.split('\n')
		.filter((line) => /^#{1,6} /.test(line))
		.map((line) =>
			line
				.replace(/^#+ /, '')
				.trim()
				.toLowerCase()
				.replace(/[^\p{L}\p{N} _-]/gu, '')
				.replace(/ /g, '-'),
		),
);

/** Credential, the platform its messages must name, and the README section of its node. */
const CREDENTIALS: Array<[ICredentialType, string, string]> = [
	[new KeitaroApi(), 'Keitaro', 'keitaro'],
	[new KeepnetOAuth2Api(), 'Keepnet Labs', 'keepnet-labs'],
	[new ChatwootPlatformApi(), 'Chatwoot', 'chatwoot'],
	[new ChatwootApi(), 'Chatwoot', 'chatwoot'],
	[new ActivePlatformApi(), 'ActivePlatform', 'activeplatform'],
	[new DavintooApi(), 'Davintoo Collaborator', 'davintoo-collaborator-lms'],
];

describe('credential test failures', () => {
	it.each(CREDENTIALS.map(([c, platform]) => [c.name, c, platform] as const))(
		'%s: a refused key (401) and a wrong address (404) each get a sentence naming the platform, the field and the code',
		(_name, credential, platform) => {
			const rules = credential.test?.rules ?? [];
			const codes = rules.map((r) => (r.type === 'responseCode' ? r.properties.value : undefined));
			expect(codes).toEqual(expect.arrayContaining([401, 404]));
			const fields = credential.properties
				.filter((p) => p.type !== 'notice' && p.type !== 'hidden')
				.map((p) => p.displayName);
			for (const rule of rules) {
				if (rule.type !== 'responseCode')
					throw new Error(`${credential.name}: unexpected rule ${rule.type}`);
				const { value, message } = rule.properties;
				expect(message).toContain(platform);
				expect(message).toContain(`(HTTP ${value})`);
				// What to fix: one of the credential's own fields, by the name the form shows.
				expect(fields.some((field) => message.includes(field))).toBe(true);
				// And where: a place in the platform's UI ("A > B", "the page X"), the address to enter
				// ("e.g. https://..."), or the edition to use.
				expect(message).toMatch(/ > | page |e\.g\. https:\/\/|https:\/\/api\.|Business edition/);
			}
		},
	);

	it('the refused-key messages say what was refused', () => {
		const refused = CREDENTIALS.map(
			([c]) =>
				c.test?.rules?.find((r) => r.type === 'responseCode' && r.properties.value === 401)
					?.properties.message,
		);
		expect(refused).toEqual([
			'Keitaro refused the API Key (HTTP 401). Copy a valid key from Keitaro: Maintenance > Users > API keys.',
			expect.stringMatching(
				/^Keepnet Labs refused the access token it issued for this Client ID \(HTTP 401\)/,
			),
			expect.stringMatching(
				/^Chatwoot refused the Platform App Token \(HTTP 401\)\. .*Super Admin > Platform Apps/,
			),
			expect.stringMatching(
				/^Chatwoot refused the User Access Token for this Account ID \(HTTP 401\).*Profile Settings > Access Token/,
			),
			expect.stringMatching(
				/^ActivePlatform refused the API Token \(HTTP 401\)\. .*Managers > the manager > Regenerate Token/,
			),
			expect.stringMatching(
				/^Davintoo Collaborator refused the API Token \(HTTP 401\): it is wrong or has expired/,
			),
		]);
	});

	it('where to get the values is a notice at the top of each form, not a tooltip', () => {
		for (const [credential] of CREDENTIALS) {
			const first = credential.properties[0];
			expect({ name: credential.name, type: first.type }).toEqual({
				name: credential.name,
				type: 'notice',
			});
			expect(first.displayName).toMatch(/ > | page /);
		}
	});
});

describe('Keepnet Labs OAuth2 form', () => {
	it('lists Base URL, Client ID, Client Secret, Company ID first, through its hidden base type', () => {
		const base = new KeepnetBaseApi();
		expect(base.hidden).toBe(true);
		expect(base.properties.filter((p) => p.type !== 'notice').map((p) => p.displayName)).toEqual([
			'Base URL',
			'Client ID',
			'Client Secret',
			'Company ID',
		]);
		expect(new KeepnetOAuth2Api().extends).toEqual(['keepnetBaseApi', 'oAuth2Api']);
		expect(pkg.n8n.credentials).toContain('dist/credentials/KeepnetBaseApi.credentials.js');
	});

	it("hides oAuth2Api's switches that its fixed token request does not use", () => {
		const hidden = Object.fromEntries(
			new KeepnetOAuth2Api().properties
				.filter((p) => p.type === 'hidden')
				.map((p) => [p.name, p.default]),
		);
		expect(hidden).toMatchObject({
			grantType: 'clientCredentials',
			authentication: 'body',
			scope: 'api1',
			sendAdditionalBodyProperties: false,
			additionalBodyProperties: '',
			useDynamicClientRegistration: false,
			serverUrl: '',
			authUrl: '',
			authQueryParameters: '',
		});
	});
});

describe('Docs links', () => {
	it.each(CREDENTIALS.map(([c, , anchor]) => [c.name, c, anchor] as const))(
		'%s opens its node section of the README',
		(_n, credential, anchor) => {
			expect(credential.documentationUrl).toBe(`${REPO_URL}#${anchor}`);
			expect(README_ANCHORS).toContain(anchor);
		},
	);

	it.each([
		['Keitaro', 'keitaro'],
		['Keepnet', 'keepnet-labs'],
		['Chatwoot', 'chatwoot'],
		['ActivePlatform', 'activeplatform'],
		['Davintoo', 'davintoo-collaborator-lms'],
	])('%s codex: primary and credential docs open the README section', (node, anchor) => {
		const codex = JSON.parse(
			readFileSync(join(ROOT, 'nodes', node, `${node}.node.json`), 'utf8'),
		) as {
			resources: Record<string, Array<{ url: string }>>;
		};
		expect(codex.resources.primaryDocumentation).toEqual([{ url: `${REPO_URL}#${anchor}` }]);
		expect(codex.resources.credentialDocumentation).toEqual([{ url: `${REPO_URL}#${anchor}` }]);
	});
});

describe('canvas subtitles', () => {
	const NODES: Array<[INodeType, Operation[]]> = [
		[new Keitaro(), keitaroOps],
		[new Keepnet(), targetUserOperations],
		[new Chatwoot(), chatwootOperations],
		[new ActivePlatform(), activePlatformOps],
		[new Davintoo(), davintooOps],
	];

	it.each(NODES.map(([n, ops]) => [n.description.displayName, n, ops] as const))(
		'%s shows the action of the chosen operation, as the nodes panel words it',
		(_name, nodeType, operations) => {
			const type = `test.${nodeType.description.name}`;
			for (const op of operations) {
				const node: INode = {
					id: 'n1',
					name: 'Node',
					type,
					typeVersion: 1,
					position: [0, 0],
					parameters: { resource: op.resource, operation: op.operation },
				};
				const workflow = new Workflow({
					nodes: [node],
					connections: {},
					active: false,
					nodeTypes: new HarnessNodeTypes({ [type]: nodeType }),
				});
				const subtitle = workflow.expression.getSimpleParameterValue(
					node,
					nodeType.description.subtitle,
					'internal',
					{},
				);
				expect(subtitle).toBe(op.action);
			}
		},
	);
});
