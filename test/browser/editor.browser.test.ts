/**
 * The n8n editor in a real browser (Debian's Chromium + playwright-core) against the real n8n
 * of the e2e suite, as a new user meets our nodes:
 * - the nodes panel finds each node by name and lists its actions;
 * - each node's panel opens without errors for every resource/operation (from n8n's own
 *   `export:nodes`, so new operations are covered without touching this file);
 * - each credential passes its test with the sandbox values and shows our sentence with a wrong key;
 * - one node of each platform runs from its panel and shows its output.
 * Screenshots go to .ci/out/browser/; panels.json there lists what each panel marks red.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { INodeTypeDescription } from 'n8n-workflow';

import { CREDENTIAL_IDS, EXAMPLE_IDS, exampleCredentials } from '../e2e/examples';
import {
	exportNodes,
	importWorkflows,
	login,
	ownerEnv,
	startN8n,
	type N8nServer,
	type Owner,
} from '../e2e/n8n';
import { PACKAGE_NAME, setUpN8n, type E2eEnv } from '../e2e/setup';
import { launchChromium, SHOTS_DIR, type Browser } from './chromium';
import {
	closeNodePanel,
	closeNodesPanel,
	credentialFieldLabels,
	ndv,
	nodesPanelItems,
	openCredential,
	openNodePanel,
	openWorkflow,
	panelFindings,
	saveCredentialWith,
	searchNodesPanel,
	selectedText,
	shownVerdict,
	signIn,
	type PanelFindings,
} from './editor';
import { panelCases, panelWorkflows, type PanelCase } from './panels';

const owner: Owner = {
	email: 'browser@example.com',
	password: 'Browser-Passw0rd',
	firstName: 'Browser',
	lastName: 'Tester',
};
const README = 'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning';

let env: E2eEnv;
let n8n: N8nServer;
let browser: Browser;
let ours: INodeTypeDescription[] = [];
let cases: PanelCase[] = [];

const slug = (...parts: string[]): string =>
	parts
		.join('-')
		.replace(/[^A-Za-z0-9-]+/g, '')
		.toLowerCase();

beforeAll(async () => {
	env = await setUpN8n();
	ours = (await exportNodes(env.folder)).filter(
		(t) => t.name.startsWith(`${PACKAGE_NAME}.`) && !t.name.endsWith('Tool'),
	);
	cases = ours.flatMap(panelCases);
	const names = Object.fromEntries(exampleCredentials(env.sandbox).map((c) => [c.type, c.name]));
	await importWorkflows(env.folder, panelWorkflows(cases, names));
	n8n = await startN8n(env.folder, { env: ownerEnv(owner) });
	browser = await launchChromium();
	await signIn(browser.page, n8n.baseUrl, owner.email, owner.password);
	browser.takeErrors();
}, 600_000);

afterAll(async () => {
	await writeFile(
		join(SHOTS_DIR, 'blocked-requests.json'),
		JSON.stringify(browser?.blocked ?? [], null, 2),
	);
	await browser?.close();
	await env?.close();
});

it('n8n loaded all five nodes (and the Chatwoot Trigger) and their operations', () => {
	expect(ours.map((t) => t.displayName).sort()).toEqual([
		'ActivePlatform',
		'Chatwoot',
		'Chatwoot Trigger',
		'Davintoo Collaborator',
		'Keepnet Labs',
		'Keitaro',
	]);
	expect(cases.length).toBeGreaterThanOrEqual(40);
});

describe('the nodes panel', () => {
	it.each(['Keitaro', 'Keepnet Labs', 'Chatwoot', 'ActivePlatform', 'Davintoo Collaborator'])(
		'finds %s by name and lists its actions',
		async (name) => {
			const { page } = browser;
			if (!page.url().endsWith(`/workflow/${EXAMPLE_IDS.onboarding}`))
				await openWorkflow(page, n8n.baseUrl, EXAMPLE_IDS.onboarding);
			const item = await searchNodesPanel(page, name);
			await item.waitFor();
			await browser.screenshot(`nodes-panel-search-${slug(name)}`);
			await item.click();
			const expected = cases.filter((c) => c.nodeDisplayName === name).map((c) => c.action);
			await nodesPanelItems(page).filter({ hasText: expected[0] }).first().waitFor();
			const listed = (await nodesPanelItems(page).allInnerTexts()).map((t) => t.trim());
			await browser.screenshot(`nodes-panel-actions-${slug(name)}`);
			await closeNodesPanel(page);
			const shown = listed.filter((t) => expected.includes(t));
			// n8n renders a long list of actions (Chatwoot: over a hundred) only as far as it is
			// scrolled; a short one must be there whole.
			if (expected.length <= 40) expect(shown.sort()).toEqual([...expected].sort());
			else expect(shown.length).toBeGreaterThanOrEqual(10);
			expect(browser.takeErrors()).toEqual([]);
		},
	);
});

describe('node panels', () => {
	const findings: Record<string, PanelFindings & { action: string }> = {};

	afterAll(async () => {
		await writeFile(join(SHOTS_DIR, 'panels.json'), JSON.stringify(findings, null, 2));
	});

	it('each resource/operation of each node opens its panel without errors; Docs opens the README section', async () => {
		const { page } = browser;
		const failures: string[] = [];
		const docs: Record<string, string> = {};
		let workflow = '';
		for (const c of cases) {
			if (c.workflowId !== workflow) {
				await openWorkflow(page, n8n.baseUrl, c.workflowId);
				workflow = c.workflowId;
			}
			const name = slug('panel', c.type.split('.')[1], c.resource, c.operation);
			try {
				const panel = await openNodePanel(page, c.nodeName);
				const shown = {
					resource: await selectedText(panel.getByTestId('parameter-input-resource')),
					operation: await selectedText(panel.getByTestId('parameter-input-operation')),
				};
				findings[name] = { ...(await panelFindings(panel)), action: c.action };
				docs[c.type] ??=
					(await panel.getByRole('link', { name: /Docs/ }).first().getAttribute('href')) ?? '';
				await browser.screenshot(name);
				if (shown.resource !== c.resourceName || shown.operation !== c.operationName) {
					failures.push(
						`${name}: shows ${shown.resource} / ${shown.operation}, expected ${c.resourceName} / ${c.operationName}`,
					);
				}
				if (c.credentialType && findings[name].credential === '')
					failures.push(`${name}: credential slot is empty`);
				await closeNodePanel(page);
			} catch (error) {
				await browser.screenshot(`${name}-FAILED`);
				failures.push(
					`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
				);
				await page.keyboard.press('Escape');
			}
			failures.push(...browser.takeErrors().map((e) => `${name}: ${e}`));
		}
		expect(failures).toEqual([]);
		// The node-level documentationUrl, as it is: n8n appends ?utm_... only to a codex link,
		// which would come after the #anchor and open the README at its top.
		expect(docs).toEqual({
			[`${PACKAGE_NAME}.keitaro`]: `${README}#keitaro`,
			[`${PACKAGE_NAME}.keepnet`]: `${README}#keepnet-labs`,
			[`${PACKAGE_NAME}.chatwoot`]: `${README}#chatwoot`,
			[`${PACKAGE_NAME}.activePlatform`]: `${README}#activeplatform`,
			[`${PACKAGE_NAME}.davintoo`]: `${README}#davintoo-collaborator-lms`,
		});
	});
});

describe('credentials', () => {
	/** Credential type, the field holding its secret, and what a refused secret must read. */
	const CASES: Array<[string, string, RegExp]> = [
		[
			'keitaroApi',
			'apiKey',
			/^Keitaro refused the API Key \(HTTP 401\)\. Copy a valid key from Keitaro: Maintenance > Users > API keys\.$/,
		],
		[
			'keepnetOAuth2Api',
			'clientSecret',
			/^Failed to acquire OAuth2 access token: Client authentication failed/,
		],
		[
			'chatwootPlatformApi',
			'platformToken',
			/^Chatwoot refused the Platform App Token \(HTTP 401\)\./,
		],
		[
			'chatwootApi',
			'accessToken',
			/^Chatwoot refused the User Access Token for this Account ID \(HTTP 401\)/,
		],
		['activePlatformApi', 'apiToken', /^ActivePlatform refused the API Token \(HTTP 401\)\./],
		['davintooApi', 'apiToken', /^Davintoo Collaborator refused the API Token \(HTTP 401\)/],
	];

	// A new credential with a wrong secret, as a user saves one: the sandbox credentials the
	// runs below use stay untouched (and Keepnet's has no stored token that would hide the refusal).
	it.each(CASES)(
		'%s: a wrong %s shows our sentence; the sandbox value then passes',
		async (type, field, refused) => {
			const { page } = browser;
			const good = exampleCredentials(env.sandbox).find((c) => c.type === type);
			if (!good) throw new Error(`no sandbox credential ${type}`);
			const session = await login(n8n.baseUrl, owner.email, owner.password);
			const created = await fetch(`${n8n.baseUrl}/rest/credentials`, {
				method: 'POST',
				headers: {
					cookie: session.cookie,
					'browser-id': session.browserId,
					'content-type': 'application/json',
				},
				body: JSON.stringify({
					name: `${good.name} with a wrong ${field}`,
					type,
					data: { ...good.data, [field]: 'wrong-value-000' },
				}),
			});
			const { id } = ((await created.json()) as { data: { id: string } }).data;

			const { dialog, tested } = await openCredential(page, n8n.baseUrl, id);
			const shownWrong = await shownVerdict(dialog, tested);
			await browser.screenshot(slug('credential', type, 'wrong-key'));
			expect(tested.status).toBe('Error');
			expect(tested.message).toMatch(refused);
			expect(shownWrong).toContain(tested.message);
			// Where to get the values is a notice on top, and "Read our docs" opens the README.
			expect(
				await dialog.getByTestId('credential-connection-parameter').first().innerText(),
			).toMatch(/ > | page /);
			expect(
				await dialog.getByRole('link', { name: 'Read our docs' }).getAttribute('href'),
			).toMatch(new RegExp(`^${README}#`));
			if (type === 'keepnetOAuth2Api') {
				expect((await credentialFieldLabels(dialog)).slice(0, 4)).toEqual([
					'Base URL',
					'Client ID',
					'Client Secret',
					'Company ID',
				]);
			}

			const right = await saveCredentialWith(page, dialog, field, String(good.data[field]));
			const shownRight = await shownVerdict(dialog, right);
			await browser.screenshot(slug('credential', type, 'sandbox-key'));
			expect(right).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(shownRight).toBe('Connection tested successfully');
			expect(browser.takeErrors()).toEqual([]);
		},
	);
});

describe('running a node from its panel', () => {
	/** Example workflow, its first platform node, and a text its output must show. */
	const RUNS: Array<[string, string, string]> = [
		[EXAMPLE_IDS.keitaro, 'Create user', 'demo.buyer'],
		[EXAMPLE_IDS.keepnet, 'Create target user', 'demo.user@example.com'],
		[EXAMPLE_IDS.chatwoot, 'Create platform user', 'demo.agent@example.com'],
		[EXAMPLE_IDS.activeplatform, 'Create or update user', 'demo.client@example.com'],
		[EXAMPLE_IDS.davintoo, 'Import user', 'EMP-0001'],
	];

	it.each(RUNS)('%s: "%s" runs and shows its output', async (workflowId, nodeName, expected) => {
		const { page } = browser;
		await openWorkflow(page, n8n.baseUrl, workflowId);
		await openNodePanel(page, nodeName);
		await ndv(page).getByTestId('node-execute-button').first().click();
		const output = page.getByTestId('output-panel');
		await output
			.getByText(expected)
			.first()
			.waitFor({ timeout: 60_000 })
			.catch(() => undefined);
		await browser.screenshot(slug('run', nodeName));
		expect(await output.innerText()).toContain(expected);
		await closeNodePanel(page);
		expect(browser.takeErrors()).toEqual([]);
	});
});
