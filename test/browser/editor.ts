/**
 * The n8n 2.40.7 editor as a user works it, by n8n's own test hooks (data-test-id).
 */
import type { Locator, Page } from 'playwright-core';

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(email);
	await page.getByTestId('password').locator('input').fill(password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL(/\/(home|workflows)/, { timeout: 60_000 });
}

export const canvasNode = (page: Page, name: string): Locator => page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);

/** Opens a workflow and waits until its nodes are drawn with their icons. */
export async function openWorkflow(page: Page, baseUrl: string, id: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${id}`);
	await page.getByTestId('canvas-node').first().waitFor({ timeout: 60_000 });
	await page.waitForLoadState('networkidle');
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
export const selectedText = async (select: Locator): Promise<string> => select.locator('input').first().inputValue();

export interface PanelFindings {
	/** Parameters marked red, by their label. */
	redFields: string[];
	/** Texts of issue hints shown in the panel. */
	issues: string[];
	/** What the credential slot shows ('' when the node has none). */
	credential: string;
}

/** What a user would see wrong in an open node panel. */
export async function panelFindings(panel: Locator): Promise<PanelFindings> {
	const redFields = await panel
		.locator('.has-issues')
		.evaluateAll((nodes) =>
			nodes.map((n) => n.closest('[data-test-id^="parameter-item"], .parameter-item')?.querySelector('label')?.textContent?.trim() ?? n.textContent?.trim() ?? ''),
		);
	const issues = await panel.getByTestId('parameter-issues').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('title') ?? n.textContent ?? ''));
	const slot = panel.getByTestId('node-credentials-select');
	const credential = (await slot.count()) > 0 ? await selectedText(slot.first()) : '';
	return { redFields: [...new Set(redFields)], issues, credential };
}

/** Searches the nodes panel from an open workflow; returns the matching item. */
export async function searchNodesPanel(page: Page, text: string): Promise<Locator> {
	await page.getByTestId('node-creator-plus-button').click();
	const creator = page.getByTestId('node-creator');
	await creator.waitFor();
	await page.getByTestId('node-creator-search-bar').fill(text);
	return creator.getByTestId('item-iterator-item').filter({ hasText: text }).first();
}

export const nodesPanelItems = (page: Page): Locator => page.getByTestId('node-creator').getByTestId('item-iterator-item');

export async function openCredential(page: Page, baseUrl: string, id: string): Promise<Locator> {
	await page.goto(`${baseUrl}/home/credentials/${id}`);
	const dialog = page.getByTestId('credential-edit-dialog');
	await dialog.getByTestId('credential-connection-parameter').first().waitFor({ timeout: 60_000 });
	return dialog;
}

/** Types into a credential field and saves; n8n then tests the credential. */
export async function saveCredentialWith(page: Page, dialog: Locator, field: string, value: string): Promise<void> {
	await dialog.getByTestId(`parameter-input-${field}`).locator('input').fill(value);
	await page.getByTestId('credential-save-button').click();
}

export type CredentialVerdict = { ok: true } | { ok: false; message: string };

/** Waits for the test that follows a save and reads its verdict (expanding "More details"). */
export async function credentialVerdict(page: Page, dialog: Locator): Promise<CredentialVerdict> {
	const success = dialog.getByTestId('credentials-config-container-test-success');
	const failure = dialog.locator('.el-tag--danger').filter({ hasText: /connect with these settings/ });
	await success.or(failure).first().waitFor({ timeout: 60_000 });
	if (await success.isVisible()) return { ok: true };
	const details = failure.getByText('More details');
	if (await details.isVisible()) await details.click();
	const text = await failure.innerText();
	return { ok: false, message: text.replace(/^.*connect with these settings\s*/s, '').replace(/\s*Retry\s*/, '\n').trim() };
}
