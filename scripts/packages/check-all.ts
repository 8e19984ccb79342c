/**
 * npm run check:packages: packs all six (npm run pack:all) and shows, for each tarball:
 * - the package checks (checks.ts): manifest, no dependencies, exactly one regular node and only
 *   its platform's credentials, credential tests, usableAsTool, icons, imports, no other platform;
 * - the lint part of @n8n/scan-community-package (scripts/scan-lint.mjs) on the unpacked tarball and
 *   on the package's own sources (packages/<id>/, or the root for the all-in-one), as n8n runs it;
 * - `n8n-node lint` in strict mode (@n8n/node-cli, installed into the cache by
 *   scripts/node-cli-install.sh): n8n's default eslint config, unchanged, over the same sources;
 * - `npm publish --dry-run` of the tarball, offline (it contacts nothing).
 * Writes dist-packages/check-report.json; exits 1 if anything failed.
 * Flags: --skip-node-cli (no strict lint).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { OUT_DIR, readBuilt, type BuiltPackage } from './build';
import { checkPackage, type Check } from './checks';
import { readManifest } from './manifest';
import { loadPlatforms, REPO_ROOT } from './platforms';

interface Outcome {
	code: number | null;
	out: string;
	ms: number;
}

/** Runs a command without jest's or npm's env leaking in (eslint plugins read NODE_ENV). */
function run(cmd: string, args: string[], cwd: string): Promise<Outcome> {
	const started = Date.now();
	const env = {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		HOME: process.env.HOME ?? tmpdir(),
		...(process.env.N8N_CACHE_DIR ? { N8N_CACHE_DIR: process.env.N8N_CACHE_DIR } : {}),
	};
	return new Promise((resolve) => {
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (b: Buffer) => (out += b.toString()));
		child.stderr.on('data', (b: Buffer) => (out += b.toString()));
		child.on('close', (code) => resolve({ code, out, ms: Date.now() - started }));
		child.on('error', (err) => resolve({ code: -1, out: err.message, ms: Date.now() - started }));
	});
}

const stripAnsi = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

async function scan(leg: 'source' | 'tarball', dir: string): Promise<Check> {
	const res = await run(
		process.execPath,
		[join(REPO_ROOT, 'scripts', 'scan-lint.mjs'), leg, dir],
		REPO_ROOT,
	);
	const where = relative(REPO_ROOT, dir) || '.';
	let parsed: { passed?: boolean; message?: string; details?: string } = {};
	try {
		parsed = JSON.parse(res.out.trim().split('\n').pop() ?? '{}') as typeof parsed;
	} catch {
		parsed = { message: res.out.slice(-2000) };
	}
	const ok = res.code === 0 && parsed.passed === true;
	const warnings = /(\d+) warnings?\)/.exec(parsed.details ?? '')?.[1];
	return {
		name: `scan-lint:${leg}`,
		ok,
		detail: ok
			? `passed on ${where}${warnings ? ` (${warnings} warnings)` : ''}`
			: `${parsed.message ?? ''}\n${parsed.details ?? res.out}`.trim(),
	};
}

/** `n8n-node lint` in strict mode over a copy of the package's sources with n8n's default config. */
async function nodeCliLint(b: BuiltPackage, cliDir: string): Promise<Check> {
	const ws = mkdtempSync(join(tmpdir(), 'n8n-node-lint-'));
	try {
		const src = join(REPO_ROOT, b.sourceDir);
		for (const sub of ['nodes', 'credentials'])
			cpSync(join(src, sub), join(ws, sub), { recursive: true, dereference: true });
		const manifest = readManifest(src);
		manifest.n8n = { ...manifest.n8n, strict: true };
		writeFileSync(join(ws, 'package.json'), JSON.stringify(manifest, null, '\t'));
		const template = join(
			cliDir,
			'node_modules',
			'@n8n',
			'node-cli',
			'dist',
			'template',
			'templates',
			'shared',
			'default',
			'eslint.config.mjs',
		);
		cpSync(template, join(ws, 'eslint.config.mjs'));
		cpSync(join(REPO_ROOT, 'tsconfig.json'), join(ws, 'tsconfig.json'));
		symlinkSync(join(cliDir, 'node_modules'), join(ws, 'node_modules'));
		const res = await run(join(cliDir, 'node_modules', '.bin', 'n8n-node'), ['lint'], ws);
		const text = stripAnsi(res.out);
		const summary = /✖ \d+ problems? \(\d+ errors?, (\d+) warnings?\)/.exec(text);
		const warnings = [
			...new Set([...text.matchAll(/warning\s+(.*?)\s{2,}(\S+)\s*$/gm)].map((x) => x[2])),
		];
		return {
			name: 'n8n-node-lint',
			ok: res.code === 0,
			detail:
				res.code === 0
					? `strict mode passed${summary ? ` (${summary[1]} warnings: ${warnings.join(', ')})` : ''}`
					: text
							.split('\n')
							.filter((l) => l.trim() && !l.startsWith('│'))
							.slice(-40)
							.join('\n'),
		};
	} finally {
		rmSync(ws, { recursive: true, force: true });
	}
}

async function publishDryRun(b: BuiltPackage): Promise<Check> {
	const tgz = join(OUT_DIR, b.tarball);
	const res = await run(
		'npm',
		[
			'publish',
			tgz,
			'--dry-run',
			'--offline',
			'--provenance',
			'--access',
			'public',
			'--ignore-scripts',
		],
		OUT_DIR,
	);
	const line = res.out.split('\n').find((l) => l.startsWith('+ '));
	return {
		name: 'publish-dry-run',
		ok: res.code === 0 && line === `+ ${b.name}@${b.version}`,
		detail: res.code === 0 ? `${line ?? ''} (offline)` : res.out.slice(-1500),
	};
}

function installNodeCli(): string {
	const res = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'node-cli-install.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	if (res.status !== 0) throw new Error('scripts/node-cli-install.sh failed');
	return res.stdout.trim().split('\n').pop() ?? '';
}

async function main(): Promise<void> {
	const started = Date.now();
	const skipNodeCli = process.argv.includes('--skip-node-cli');
	const { platforms } = loadPlatforms();
	const built = readBuilt();
	const cliDir = skipNodeCli ? '' : installNodeCli();
	const unpackRoot = join(OUT_DIR, '.unpacked');
	rmSync(unpackRoot, { recursive: true, force: true });
	const report: Array<{ name: string; version: string; tarball: string; checks: Check[] }> = [];
	for (const b of built) {
		const unpacked = join(unpackRoot, b.id);
		mkdirSync(unpacked, { recursive: true });
		const untar = spawnSync('tar', [
			'-xzf',
			join(OUT_DIR, b.tarball),
			'-C',
			unpacked,
			'--strip-components=1',
		]);
		if (untar.status !== 0) throw new Error(`cannot unpack ${b.tarball}`);
		const platform = platforms.find((p) => p.id === b.id);
		const checks = checkPackage(unpacked, { platform, platforms });
		const [tarballScan, sourceScan] = await Promise.all([
			scan('tarball', unpacked),
			scan('source', join(REPO_ROOT, b.sourceDir)),
		]);
		checks.push(tarballScan, sourceScan);
		if (cliDir) checks.push(await nodeCliLint(b, cliDir));
		checks.push(await publishDryRun(b));
		report.push({
			name: b.name,
			version: b.version,
			tarball: relative(REPO_ROOT, join(OUT_DIR, b.tarball)),
			checks,
		});
		console.log(`\n${b.name}@${b.version}  ${relative(REPO_ROOT, join(OUT_DIR, b.tarball))}`);
		for (const c of checks)
			console.log(
				`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name.padEnd(18)} ${c.detail.replace(/\n/g, '\n       ')}`,
			);
	}
	writeFileSync(join(OUT_DIR, 'check-report.json'), `${JSON.stringify(report, null, '\t')}\n`);
	const short: Record<string, string> = {
		manifest: 'manifest',
		'no-dependencies': 'deps',
		nodes: 'nodes',
		credentials: 'creds',
		'credential-tests': 'cred-test',
		'usable-as-tool': 'tool',
		icons: 'icons',
		imports: 'imports',
		codex: 'codex',
		'no-other-platform': 'alone',
		'scan-lint:tarball': 'scan:tgz',
		'scan-lint:source': 'scan:src',
		'n8n-node-lint': 'n8n-node',
		'publish-dry-run': 'publish',
	};
	const names = [...new Set(report.flatMap((r) => r.checks.map((c) => c.name)))];
	const mark = (r: (typeof report)[number], n: string): string => {
		const c = r.checks.find((x) => x.name === n);
		return c ? (c.ok ? 'ok' : 'FAIL') : '-';
	};
	console.log(`\n${'package'.padEnd(32)} ${names.map((n) => (short[n] ?? n).padEnd(9)).join(' ')}`);
	for (const r of report)
		console.log(`${r.name.padEnd(32)} ${names.map((n) => mark(r, n).padEnd(9)).join(' ')}`);
	const failed = report.flatMap((r) =>
		r.checks.filter((c) => !c.ok).map((c) => `${r.name}: ${c.name}`),
	);
	console.log(
		`\n${failed.length ? `FAILED: ${failed.join(', ')}` : `all ${report.length} packages pass`} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
	);
	if (!cliDir) console.log('n8n-node lint skipped (--skip-node-cli)');
	process.exit(failed.length ? 1 : 0);
}

main().catch((err: Error) => {
	console.error(err.message);
	process.exit(1);
});
