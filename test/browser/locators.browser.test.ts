/**
 * IDs as resource locators in the real editor (Debian's Chromium + playwright-core, the real n8n
 * of the e2e suite, the sandbox APIs):
 * - "From List" loads its choices from the sandbox, searches, and a node runs with the picked ID;
 * - a workflow saved when IDs were plain numbers/strings opens sanely and runs;
 * - canvas subtitles read in words; several problems of one item read one a line; a refused key
 *   reads as a sentence with the fix.
 * Screenshots go to .ci/out/browser/ (locators-*.png).
 */
import type { INode, INodeParameters } from 'n8n-workflow';
import type { Locator } from 'playwright-core';

import { CREDENTIAL_IDS } from '../e2e/examples';
import { ownerEnv, startN8n, type N8nServer, type Owner, type WorkflowFile } from '../e2e/n8n';
import { PACKAGE_NAME, setUpN8n, type E2eEnv } from '../e2e/setup';
import { KEITARO_SANDBOX_KEY } from '../sandbox/platforms/keitaro';
import { launchChromium, type Browser } from './chromium';
import { canvasNode, ndv, openNodePanel, openWorkflow, signIn } from './editor';

const owner: Owner = {
	email: 'locators@example.com',
	password: 'Locators-Passw0rd',
	firstName: 'Locator',
	lastName: 'Tester',
};
const WRONG_KEY_CREDENTIAL = 'brWrongKeitaro01';

const credential = (type: string) => ({ [type]: { id: CREDENTIAL_IDS[type], name: type } });

function node(
	name: string,
	type: string,
	credentialType: string,
	parameters: INodeParameters,
	x: number,
	y = 0,
): INode {
	return {
		id: `${name}-id`,
		name,
		type: `${PACKAGE_NAME}.${type}`,
		typeVersion: 1,
		position: [x, y],
		parameters,
		credentials: credential(credentialType),
	};
}

const start: INode = {
	id: 'start-id',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const fanOut = (nodes: INode[]) => ({
	Start: { main: [nodes.map((n) => ({ node: n.name, type: 'main' as const, index: 0 }))] },
});

/** Nodes as a user adds them: Resource and Operation chosen, the ID still to pick. */
const toPick = [
	node('Keitaro user', 'keitaro', 'keitaroApi', { resource: 'user', operation: 'get' }, 300, -300),
	node(
		'Keepnet user',
		'keepnet',
		'keepnetOAuth2Api',
		{ resource: 'targetUser', operation: 'get' },
		300,
		-100,
	),
	node(
		'Detach',
		'activePlatform',
		'activePlatformApi',
		{ resource: 'user', operation: 'detachFromAccount' },
		300,
		100,
	),
	node('Block', 'davintoo', 'davintooApi', { resource: 'user', operation: 'block' }, 300, 300),
];
const PICK: WorkflowFile = {
	id: 'brLocatorPick001',
	name: 'Locators: pick from the list',
	nodes: [start, ...toPick],
	connections: fanOut(toPick),
};

/** Saved before IDs were locators: plain values. */
const older = [
	node(
		'Keitaro user',
		'keitaro',
		'keitaroApi',
		{ resource: 'user', operation: 'get', userId: 5 },
		300,
		-100,
	),
	node(
		'Keepnet user',
		'keepnet',
		'keepnetOAuth2Api',
		{ resource: 'targetUser', operation: 'get', resourceId: 'tu0000001' },
		300,
		100,
	),
];
const OLD: WorkflowFile = {
	id: 'brLocatorOld0001',
	name: 'Locators: saved with plain IDs',
	nodes: [start, ...older],
	connections: fanOut(older),
};

/** Two empty required fields in one item, and a refused key. */
const faulty = [
	node(
		'Create',
		'keitaro',
		'keitaroApi',
		{ resource: 'user', operation: 'create', login: '={{ "" }}', password: '={{ "" }}' },
		300,
		-100,
	),
	{
		...node(
			'Wrong key',
			'keitaro',
			'keitaroApi',
			{ resource: 'user', operation: 'get', userId: 1 },
			300,
			100,
		),
		credentials: { keitaroApi: { id: WRONG_KEY_CREDENTIAL, name: 'Keitaro (wrong key)' } },
	},
];
const FAULTY: WorkflowFile = {
	id: 'brLocatorFault01',
	name: 'Locators: errors',
	nodes: [start, ...faulty],
	connections: fanOut(faulty),
};

let env: E2eEnv;
let n8n: N8nServer;
let browser: Browser;

beforeAll(async () => {
	env = await setUpN8n({
		workflows: [PICK, OLD, FAULTY],
		credentials: (sandbox) => [
			{
				id: WRONG_KEY_CREDENTIAL,
				name: 'Keitaro (wrong key)',
				type: 'keitaroApi',
				data: { url: sandbox.urlOf('/keitaro'), apiKey: `not-${KEITARO_SANDBOX_KEY}` },
			},
		],
	});
	const { keitaro, keepnet, activeplatform, davintoo } = env.platforms;
	for (const login of ['ann', 'bob', 'cid', 'dan', 'eve']) keitaro.addUser(login);
	keepnet.addUser('anna@example.com', { firstName: 'Anna', lastName: 'Koval' });
	keepnet.addUser('boris@example.com');
	const olena = activeplatform.addUser('olena@example.com', {
		first_name: 'Olena',
		last_name: 'Koval',
	});
	activeplatform.addUser('petro@example.com');
	activeplatform.attach(olena.id, activeplatform.addAccount('Acme').id, 'owner');
	activeplatform.attach(olena.id, activeplatform.addAccount('Globex').id);
	davintoo.addUser('EMP-1', {
		secondname: 'Koval',
		firstname: 'Olena',
		email: 'olena@acme.example',
	});
	davintoo.addUser('EMP-2', {
		secondname: 'Shevchenko',
		firstname: 'Petro',
		email: 'petro@acme.example',
	});
	n8n = await startN8n(env.folder, { env: ownerEnv(owner) });
	browser = await launchChromium();
	await signIn(browser.page, n8n.baseUrl, owner.email, owner.password);
	browser.takeErrors();
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await env?.close();
});

/** Opens a locator's list, reads its choices, searches, picks one; screenshots on the way. */
async function pickFromList(
	panel: Locator,
	parameter: string,
	search: string,
	pick: string,
	shot: string,
): Promise<{ listed: string[]; found: string[] }> {
	const { page } = browser;
	await panel.getByTestId(`resource-locator-${parameter}`).getByTestId('rlc-input').click();
	// One list is open at a time; n8n renders it outside the panel.
	const items = page.getByTestId('rlc-item');
	await items.first().waitFor();
	const listed = (await items.allInnerTexts()).map((t) => t.trim());
	await browser.screenshot(`${shot}-list`);
	const box = page.getByTestId('rlc-search');
	await (
		(await box.evaluate((el) => el instanceof HTMLInputElement)) ? box : box.locator('input')
	).fill(search);
	// The list empties while the search runs, then fills with what matched.
	await waitUntil(
		async () =>
			(await items.count()) < listed.length && (await items.filter({ hasText: pick }).count()) > 0,
	);
	const found = (await items.allInnerTexts()).map((t) => t.trim());
	await browser.screenshot(`${shot}-search`);
	await items.filter({ hasText: pick }).first().click();
	await items.first().waitFor({ state: 'hidden' });
	return { listed, found };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('timed out waiting for the list to change');
		await browser.page.waitForTimeout(200);
	}
}

/** Runs the open node from its panel and returns the output panel's text once it shows `expected`. */
async function runFromPanel(expected: string, shot: string): Promise<string> {
	const { page } = browser;
	await ndv(page).getByTestId('node-execute-button').first().click();
	const output = page.getByTestId('output-panel');
	await output.getByText(expected).first().waitFor({ timeout: 60_000 });
	await browser.screenshot(shot);
	return await output.innerText();
}

async function closePanel(): Promise<void> {
	const { page } = browser;
	// The first Escape may only close a dropdown.
	for (let i = 0; i < 3 && (await ndv(page).isVisible()); i++) await page.keyboard.press('Escape');
	await ndv(page).waitFor({ state: 'hidden' });
}

describe('From List', () => {
	it('the canvas subtitles say what each node does', async () => {
		await browser.screenshot('locators-canvas-subtitles');
		const subtitles = await Promise.all(
			toPick.map(async (n) =>
				(await canvasNode(browser.page, n.name).innerText()).replace(/\s+/g, ' ').trim(),
			),
		);
		expect(subtitles).toEqual([
			'Keitaro user Get a user',
			'Keepnet user Get a target user',
			'Detach Detach a user from an account',
			'Block Block a user',
		]);
	});

	beforeEach(async () => openWorkflow(browser.page, n8n.baseUrl, PICK.id));

	it('Keitaro: every login from the tracker, filtered as typed; the picked user runs', async () => {
		const panel = await openNodePanel(browser.page, 'Keitaro user');
		const { listed, found } = await pickFromList(panel, 'userId', 'ev', 'eve', 'locators-keitaro');
		expect(listed).toEqual(['ann', 'bob', 'cid', 'dan', 'eve']);
		expect(found).toEqual(['eve']);
		expect(await runFromPanel('eve', 'locators-keitaro-run')).toMatch(/\b5\b/);
		await closePanel();
		expect(browser.takeErrors()).toEqual([]);
	});

	it("Keepnet: target users found with Keepnet's search; the picked one runs", async () => {
		const panel = await openNodePanel(browser.page, 'Keepnet user');
		const { listed, found } = await pickFromList(
			panel,
			'resourceId',
			'bor',
			'boris@example.com',
			'locators-keepnet',
		);
		expect(listed).toEqual(['anna@example.com (Anna Koval)', 'boris@example.com']);
		expect(found).toEqual(['boris@example.com']);
		await runFromPanel('boris@example.com', 'locators-keepnet-run');
		await closePanel();
		expect(browser.takeErrors()).toEqual([]);
	});

	it("ActivePlatform: the user, then one of that user's accounts; Detach runs with both picked", async () => {
		const panel = await openNodePanel(browser.page, 'Detach');
		const user = await pickFromList(
			panel,
			'userId',
			'olena',
			'olena@example.com',
			'locators-activeplatform-user',
		);
		expect(user.listed).toEqual([
			'olena@example.com (Olena Koval)',
			'petro@example.com (Test User)',
		]);
		expect(user.found).toEqual(['olena@example.com (Olena Koval)']);
		const account = await pickFromList(
			panel,
			'accountId',
			'glob',
			'Globex',
			'locators-activeplatform-account',
		);
		expect(account.listed).toEqual(['Acme (owner)', 'Globex (user)']);
		expect(account.found).toEqual(['Globex (user)']);
		expect(await runFromPanel('detached', 'locators-activeplatform-run')).toContain('true');
		await closePanel();
		expect(browser.takeErrors()).toEqual([]);
	});

	it('Davintoo: users searched by name on the portal, picked by UID; Block runs', async () => {
		const panel = await openNodePanel(browser.page, 'Block');
		const { listed, found } = await pickFromList(
			panel,
			'uid',
			'petro',
			'Shevchenko',
			'locators-davintoo',
		);
		expect(listed).toEqual([
			'Koval Olena (olena@acme.example)',
			'Shevchenko Petro (petro@acme.example)',
		]);
		expect(found).toEqual(['Shevchenko Petro (petro@acme.example)']);
		await runFromPanel('EMP-2', 'locators-davintoo-run');
		await closePanel();
		expect(env.platforms.davintoo.users.get('EMP-2')?.is_active).toBe(0);
		expect(browser.takeErrors()).toEqual([]);
	});
});

describe('a workflow saved when IDs were plain values', () => {
	it.each([
		['Keitaro user', 'userId', '5', 'eve'],
		['Keepnet user', 'resourceId', 'tu0000001', 'anna@example.com'],
	])('%s shows its %s as typed and runs', async (name, parameter, value, expected) => {
		await openWorkflow(browser.page, n8n.baseUrl, OLD.id);
		const panel = await openNodePanel(browser.page, name);
		const input = panel.getByTestId(`resource-locator-${parameter}`).getByTestId('rlc-input');
		expect(
			await input.evaluate(
				(el) => (el instanceof HTMLInputElement ? el : el.querySelector('input'))?.value,
			),
		).toBe(value);
		await runFromPanel(expected, `locators-old-${parameter}-run`);
		await closePanel();
		expect(browser.takeErrors()).toEqual([]);
	});
});

describe('errors in the editor', () => {
	it('several problems of one item: the first as the headline, all of them one a line', async () => {
		await openWorkflow(browser.page, n8n.baseUrl, FAULTY.id);
		await openNodePanel(browser.page, 'Create');
		await ndv(browser.page).getByTestId('node-execute-button').first().click();
		const message = ndv(browser.page).getByTestId('node-error-message');
		await message.waitFor({ timeout: 60_000 });
		const description = ndv(browser.page).getByTestId('node-error-description');
		await browser.screenshot('locators-error-problems');
		expect(await message.innerText()).toContain('Item 0: Login (login): is required');
		expect(await description.locator('li').allInnerTexts()).toEqual([
			'Login (login): is required',
			'Password (password): is required',
		]);
		await closePanel();
	});

	it('a refused key says which field to check', async () => {
		await openWorkflow(browser.page, n8n.baseUrl, FAULTY.id);
		await openNodePanel(browser.page, 'Wrong key');
		await ndv(browser.page).getByTestId('node-execute-button').first().click();
		const message = ndv(browser.page).getByTestId('node-error-message');
		await message.waitFor({ timeout: 60_000 });
		await browser.screenshot('locators-error-refused-key');
		expect(await message.innerText()).toContain(
			'Keitaro refused the API Key (HTTP 401, "Access denied"). Check the API Key in the Keitaro credential.',
		);
		expect(await ndv(browser.page).getByTestId('node-error-description').innerText()).toContain(
			'GET /keitaro/admin_api/v1/users/1',
		);
		await closePanel();
	});
});
