/**
 * Debian's Chromium (/usr/bin/chromium) driven by playwright-core: no browser download, a fresh
 * profile per run, and nothing leaves 127.0.0.1. Without the flags Chromium reaches for the
 * internet on its own (component updates, sync, QUIC probes), and the n8n editor asks
 * registry.npmjs.org about community packages: every request to another host is aborted and
 * remembered, so a test can show what was blocked.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

import { REPO_ROOT } from '../e2e/examples';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of the last run, for a person to look at (git-ignored). */
export const SHOTS_DIR = join(REPO_ROOT, '.ci', 'out', 'browser');

const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-proxy-server',
	// Any name but the loopback address fails to resolve: a second fence behind the request filter.
	'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

const LOCAL = /^(http:\/\/127\.0\.0\.1[:/]|data:|blob:)/;

export interface Browser {
	context: BrowserContext;
	page: Page;
	/** Uncaught page errors and console errors since the last takeErrors(). */
	takeErrors(): string[];
	/** URLs of requests to other hosts that were aborted. */
	blocked: string[];
	screenshot(name: string): Promise<string>;
	close(): Promise<void>;
}

/** Console errors that are expected: the editor probes /rest/login before signing in, and blocked requests fail. */
const EXPECTED_CONSOLE = [
	/status of 401 \(Unauthorized\)/,
	/net::ERR_BLOCKED_BY_CLIENT/,
	/net::ERR_FAILED/,
];

export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`,
		);
	}
	selectors.setTestIdAttribute('data-test-id'); // n8n's attribute for test hooks
	const profile = await mkdtemp(join(tmpdir(), 'chromium-profile-'));
	await mkdir(SHOTS_DIR, { recursive: true });
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: FLAGS,
		viewport: { width: 1440, height: 900 },
		locale: 'en-US',
		timezoneId: 'UTC',
	});
	const blocked: string[] = [];
	await context.route(
		(url) => !LOCAL.test(url.href),
		async (route) => {
			blocked.push(route.request().url());
			await route.abort('blockedbyclient');
		},
	);
	const page = context.pages()[0] ?? (await context.newPage());
	let errors: string[] = [];
	page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error' && !EXPECTED_CONSOLE.some((re) => re.test(message.text())))
			errors.push(`console: ${message.text()}`);
	});
	return {
		context,
		page,
		blocked,
		takeErrors: () => {
			const taken = errors;
			errors = [];
			return taken;
		},
		screenshot: async (name) => {
			const file = join(SHOTS_DIR, `${name}.png`);
			await page.screenshot({ path: file });
			return file;
		},
		close: async () => {
			await context.close();
			await rm(profile, { recursive: true, force: true });
		},
	};
}
