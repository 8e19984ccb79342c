/**
 * The n8n 2.40.7 editor as a user works it, by n8n's own test hooks (data-test-id).
 */
import type { Locator, Page } from 'playwright-core';

export async function signIn(
	page: Page,
	baseUrl: string,
	email: string,
	password: string,
): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(email);
	await page.getByTestId('password').locator('input').fill(password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL(/\/(home|workflows)/, { timeout: 60_000 });
}

export const canvasNode = (page: Page, name: string): Locator =>
	page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);

/** Opens a workflow and waits until its nodes are drawn with their icons. */
export async function openWorkflow(page: Page, baseUrl: string, id: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${id}`);
	await page.getByTestId('canvas-node').first().waitFor({ timeout: 60_000 });
	// Icons come a moment after the nodes (a script chunk for n8n's own, an <img> for ours).
	await page.waitForFunction(
		() =>
			Array.from(document.querySelectorAll('[data-test-id="canvas-node"]')).every(
				(node) => node.querySelector('svg, img') !== null,
			) &&
			Array.from(
				document.querySelectorAll<HTMLImageElement>('[data-test-id="canvas-node"] img'),
			).every((img) => img.complete),
		undefined,
		{ timeout: 30_000 },
	);
}

export const ndv = (page: Page): Locator => page.getByTestId('ndv');

export async function openNodePanel(page: Page, nodeName: string): Promise<Locator> {
	await canvasNode(page, nodeName).dblclick();
	const panel = ndv(page);
	await panel.waitFor();
	await panel.getByTestId('parameter-input-operation').waitFor();
	return panel;
}

export async function closeNodePanel(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await ndv(page).waitFor({ state: 'hidden' });
}

/** The text a select shows (the chosen option's name). */
export const selectedText = async (select: Locator): Promise<string> =>
	select.locator('input').first().inputValue();

export interface PanelFindings {
	/** Parameters marked red (an issue n8n found before any run), by their label. */
	redFields: string[];
	/** What the credential slot shows ('' when the node has none). */
	credential: string;
}

/** What a user would see wrong in an open node panel. */
export async function panelFindings(panel: Locator): Promise<PanelFindings> {
	const redFields = await panel.locator('.has-issues').evaluateAll((nodes) =>
		nodes.map((n) => {
			const label = n
				.closest('.parameter-item, [data-test-id^="parameter-item"]')
				?.querySelector('label');
			return (label?.innerText ?? n.textContent ?? '')
				.split('\n')[0]
				.replace(/\s*\*$/, '')
				.trim();
		}),
	);
	const slot = panel.getByTestId('node-credentials-select');
	const credential = (await slot.count()) > 0 ? await selectedText(slot.first()) : '';
	return { redFields: [...new Set(redFields)], credential };
}

/** Searches the nodes panel from an open workflow; returns the matching item. */
export async function searchNodesPanel(page: Page, text: string): Promise<Locator> {
	await page.getByTestId('node-creator-plus-button').click();
	const creator = page.getByTestId('node-creator');
	await creator.waitFor();
	await page.getByTestId('node-creator-search-bar').fill(text);
	return creator.getByTestId('item-iterator-item').filter({ hasText: text }).first();
}

export const nodesPanelItems = (page: Page): Locator =>
	page.getByTestId('node-creator').getByTestId('item-iterator-item');

export async function closeNodesPanel(page: Page): Promise<void> {
	const creator = page.getByTestId('node-creator');
	for (let i = 0; i < 3 && (await creator.isVisible()); i++) await page.keyboard.press('Escape');
	await creator.waitFor({ state: 'hidden' });
}

/** What n8n answered to a credential test (POST /rest/credentials/test). */
export interface TestAnswer {
	status: 'OK' | 'Error';
	message: string;
}

const nextCredentialTest = (page: Page): Promise<TestAnswer> =>
	page
		.waitForResponse(
			(r) => r.url().endsWith('/rest/credentials/test') && r.request().method() === 'POST',
			{ timeout: 60_000 },
		)
		.then(async (r) => ((await r.json()) as { data: TestAnswer }).data);

/** Opens a saved credential; the editor tests it at once. */
export async function openCredential(
	page: Page,
	baseUrl: string,
	id: string,
): Promise<{ dialog: Locator; tested: TestAnswer }> {
	const tested = nextCredentialTest(page);
	await page.goto(`${baseUrl}/home/credentials/${id}`);
	const dialog = page.getByTestId('credential-edit-dialog');
	await dialog.getByTestId('credential-connection-parameter').first().waitFor({ timeout: 60_000 });
	return { dialog, tested: await tested };
}

/** Types into a credential field and saves; n8n then tests the saved credential. */
export async function saveCredentialWith(
	page: Page,
	dialog: Locator,
	field: string,
	value: string,
): Promise<TestAnswer> {
	await dialog.getByTestId(`parameter-input-${field}`).locator('input').fill(value);
	const tested = nextCredentialTest(page);
	await page.getByTestId('credential-save-button').click();
	return tested;
}

/** The labels of the credential form's fields, in order. */
export const credentialFieldLabels = async (dialog: Locator): Promise<string[]> =>
	(
		await dialog.getByTestId('credential-connection-parameter').locator('label').allInnerTexts()
	).map((l) =>
		l
			.split('\n')[0]
			.replace(/\s*\*$/, '')
			.trim(),
	);

/** Waits until the form shows the given test answer (expanding "More details"); returns the text shown. */
export async function shownVerdict(dialog: Locator, answer: TestAnswer): Promise<string> {
	if (answer.status === 'OK') {
		const success = dialog.getByTestId('credentials-config-container-test-success');
		await success.waitFor({ timeout: 30_000 });
		return (await success.innerText()).replace(/\s*Retry\s*$/, '').trim();
	}
	const failure = dialog
		.locator('.el-tag--danger')
		.filter({ hasText: /connect with these settings/ });
	await failure.waitFor({ timeout: 30_000 });
	const details = failure.getByText('More details');
	if (await details.isVisible()) await details.click();
	await failure.filter({ hasText: answer.message.slice(0, 60) }).waitFor({ timeout: 30_000 });
	return (await failure.innerText())
		.replace(/^.*connect with these settings\s*/s, '')
		.replace(/\s*Retry\s*/, '\n')
		.trim();
}
