#!/usr/bin/env node
/*
 * First step of `npm start` and `npm test`, so both work on a fresh clone with nothing installed:
 * runs `npm ci` when node_modules is missing or older than package-lock.json. Plain JavaScript on
 * purpose (TypeScript is one of the things it installs). The project's .npmrc sets
 * ignore-scripts=true, so npm's pre- and post- script hooks never run: the scripts call this file first.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const MIN_NODE = 20;
const lockFile = join(root, 'package-lock.json');
// The lock file's content at the last install seen good: a checkout that only touches the file
// (git stash, switching branches and back) does not cost a reinstall.
const stampFile = join(root, 'node_modules', '.bootstrap-lock-sha256');

function mtimeMs(path) {
	try {
		return statSync(path).mtimeMs;
	} catch {
		return undefined;
	}
}

function lockHash() {
	try {
		return createHash('sha256').update(readFileSync(lockFile)).digest('hex');
	} catch {
		return '';
	}
}

function readStamp() {
	try {
		return readFileSync(stampFile, 'utf8').trim();
	} catch {
		return '';
	}
}

/** Why an install is needed, or '' when node_modules matches package-lock.json. */
function installReason() {
	const lock = mtimeMs(lockFile);
	// npm writes its own record of what it installed here after every successful install.
	const installed = mtimeMs(join(root, 'node_modules', '.package-lock.json'));
	if (installed === undefined) return 'node_modules is missing';
	if (lock === undefined || installed >= lock) {
		if (readStamp() !== lockHash()) writeFileSync(stampFile, lockHash());
		return '';
	}
	if (readStamp() === lockHash()) return '';
	return 'package-lock.json changed since the last install';
}

function main() {
	const major = Number(process.versions.node.split('.')[0]);
	if (major < MIN_NODE) {
		process.stderr.write(
			`[bootstrap] Node ${process.versions.node} is too old: this project needs Node ${MIN_NODE} or newer.\n`,
		);
		return 1;
	}
	const reason = installReason();
	if (!reason) return 0;
	process.stdout.write(`[bootstrap] ${reason}: npm ci (about a minute)\n`);
	// Inside an npm script npm_execpath is the npm that runs us: use the same one.
	const npmCli = process.env.npm_execpath;
	const [cmd, args] =
		npmCli && /npm-cli\.js$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
	const res = spawnSync(cmd, [...args, 'ci', '--no-audit', '--no-fund'], {
		cwd: root,
		stdio: ['inherit', 'inherit', 'pipe'],
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	if (res.error) {
		process.stderr.write(`[bootstrap] cannot run npm: ${res.error.message}\n`);
		return 1;
	}
	process.stderr.write(withoutKnownEngineWarning(res.stderr ?? ''));
	if (res.status !== 0) {
		process.stderr.write('[bootstrap] npm ci failed (see above)\n');
		return res.status ?? 1;
	}
	writeFileSync(stampFile, lockHash());
	return 0;
}

/**
 * Drops npm's "Unsupported engine" block for isolated-vm, and only that one. It comes with
 * n8n-workflow 2.40 (@n8n/expression-runtime), wants Node 24 like n8n 2.x itself, and is never
 * loaded here (its native part is not even built: .npmrc turns install scripts off); `npm start`
 * runs n8n on its own Node 24. npm cannot exempt one package from the engine check, and n8n's
 * package rules forbid "overrides".
 */
function withoutKnownEngineWarning(stderr) {
	const out = [];
	let block = [];
	for (const line of stderr.split('\n')) {
		if (block.length > 0 || /EBADENGINE Unsupported engine \{$/.test(line)) {
			block.push(line);
			if (/EBADENGINE \}$/.test(line)) {
				if (!block.some((l) => /package: 'isolated-vm@/.test(l))) out.push(...block);
				block = [];
			}
			continue;
		}
		out.push(line);
	}
	return [...out, ...block].join('\n');
}

process.exit(main());
