/**
 * Builds the six packages from the one source tree into dist-packages/:
 * - one per platform: its node folder, the shared core and its credentials, compiled once without
 *   comments (so the shared core's remarks about particular platforms stay out), plus icons, codex
 *   (renamed to the package), README, LICENSE and the example workflow;
 * - the all-in-one: the repository root as it is (built by `npm run build`).
 * Files are chosen by folder (see platforms.ts), so renames inside those folders need no change here.
 */
import { spawnSync } from 'node:child_process';
import {
	copyFileSync,
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';

import { N8N_VERSION } from '../../test/e2e/n8n';
import { describeCredential, describeNode } from './describe';
import { readExample, retarget } from './example';
import { manifestText, readManifest, type Manifest } from './manifest';
import { distPaths, loadPlatforms, packageDir, REPO_ROOT, type Platform } from './platforms';
import { headingAnchor, renderReadme } from './readme';
import { checkStub, expectedManifest } from './stubs';

export const OUT_DIR = join(REPO_ROOT, 'dist-packages');

export interface BuiltPackage {
	kind: 'single' | 'allInOne';
	/** Platform id, or "all". */
	id: string;
	name: string;
	version: string;
	/** The folder that was packed. */
	dir: string;
	/** File name inside dist-packages/. */
	tarball: string;
	/** Where its sources are, for the scanner's source leg (repo-relative). */
	sourceDir: string;
}

function sh(cmd: string, args: string[], cwd: string): string {
	const res = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
	if (res.status !== 0)
		throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${res.stdout}\n${res.stderr}`);
	return res.stdout;
}

/** tsc over nodes/ and credentials/ with comments removed and no source maps. */
export function compileWithoutComments(root: string, into: string): string {
	rmSync(into, { recursive: true, force: true });
	const tsc = join(root, 'node_modules', '.bin', 'tsc');
	sh(
		tsc,
		[
			'-p',
			'tsconfig.json',
			'--outDir',
			into,
			'--removeComments',
			'--sourceMap',
			'false',
			'--declaration',
			'false',
		],
		root,
	);
	return into;
}

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? walk(p) : [p];
	});
}

/** Icons and codex files from a source folder into the package (codex `node` renamed to the package). */
function copyAssets(root: string, srcDir: string, stage: string, pkgName: string): void {
	if (!existsSync(join(root, srcDir))) return;
	for (const file of walk(join(root, srcDir))) {
		const rel = relative(root, file);
		const dest = join(stage, 'dist', rel);
		if (/\.(svg|png)$/.test(file)) {
			mkdirSync(dirname(dest), { recursive: true });
			copyFileSync(file, dest);
		} else if (file.endsWith('.node.json')) {
			const codex = JSON.parse(readFileSync(file, 'utf8')) as { node?: string };
			if (codex.node) codex.node = `${pkgName}.${codex.node.split('.').pop() ?? ''}`;
			mkdirSync(dirname(dest), { recursive: true });
			writeFileSync(dest, `${JSON.stringify(codex, null, '\t')}\n`);
		}
	}
}

function changelogBody(root: string, p: Platform): string {
	return readFileSync(join(root, packageDir(p), 'CHANGELOG.md'), 'utf8').replace(/^# .*\n+/, '');
}

const repoWebUrl = (m: Manifest): string =>
	m.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** The anchor of the root README's "## <displayName>..." section. */
function rootReadmeSection(root: string, p: Platform): string | undefined {
	const heading = readFileSync(join(root, 'README.md'), 'utf8')
		.split('\n')
		.find((l) => l.startsWith(`## ${p.displayName}`));
	return heading ? headingAnchor(heading.slice(3)) : undefined;
}

function optionalFile(file: string): string | undefined {
	return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Lays out one platform's package in dist-packages/<id>/ (not packed yet). */
export function stageSingle(
	root: string,
	compiled: string,
	p: Platform,
	allInOne: string,
	outDir = OUT_DIR,
): { dir: string; manifest: Manifest } {
	const problems = checkStub(root, p);
	if (problems.length)
		throw new Error(`packages/${p.id} is out of step:\n  ${problems.join('\n  ')}`);
	const manifest = expectedManifest(root, p);
	const stage = join(outDir, p.id);
	rmSync(stage, { recursive: true, force: true });
	mkdirSync(stage, { recursive: true });
	for (const rel of distPaths(p)) {
		const from = join(compiled, relative('dist', rel));
		if (!existsSync(from)) throw new Error(`${from} was not compiled`);
		cpSync(from, join(stage, rel), { recursive: true });
	}
	copyAssets(root, join('nodes', p.nodeDir), stage, manifest.name);
	copyAssets(root, join('nodes', 'shared'), stage, manifest.name);
	writeFileSync(join(stage, 'package.json'), manifestText(manifest));
	copyFileSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));

	const rootName = readManifest(root).name;
	const example = retarget(readExample(root, p.example.file), rootName, manifest.name);
	const examplePath = `examples/${p.example.file}.json`;
	mkdirSync(join(stage, 'examples'), { recursive: true });
	writeFileSync(join(stage, examplePath), `${JSON.stringify(example, null, '\t')}\n`);

	const readme = renderReadme({
		platform: p,
		manifest,
		node: describeNode(stage, manifest.n8n.nodes[0]),
		credentials: manifest.n8n.credentials.map((c) => describeCredential(stage, c)),
		example,
		examplePath,
		changelog: changelogBody(root, p),
		testedN8n: N8N_VERSION,
		allInOne,
		repoUrl: repoWebUrl(manifest),
		repoSection: rootReadmeSection(root, p),
		notes: optionalFile(join(root, packageDir(p), 'NOTES.md')),
	});
	writeFileSync(join(stage, 'README.md'), readme);
	return { dir: stage, manifest };
}

/** `npm pack` (scripts off) into outDir; returns the tarball's file name. */
export function pack(dir: string, outDir = OUT_DIR): string {
	const out = sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', outDir], dir);
	const [info] = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string }>;
	return info.filename;
}

/**
 * Builds and packs all six into outDir (emptied first; it must be inside the repo, so that the
 * staged packages resolve n8n-workflow when the README is generated). The root's dist/ must be
 * built already (npm run build).
 */
export function buildAll(root = REPO_ROOT, outDir = OUT_DIR): BuiltPackage[] {
	const { platforms, allInOne } = loadPlatforms(root);
	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });
	const compiled = compileWithoutComments(root, join(outDir, '.compiled'));
	const built: BuiltPackage[] = platforms.map((p) => {
		const { dir, manifest } = stageSingle(root, compiled, p, allInOne.package, outDir);
		return {
			kind: 'single',
			id: p.id,
			name: manifest.name,
			version: manifest.version,
			dir,
			tarball: pack(dir, outDir),
			sourceDir: packageDir(p),
		};
	});
	const rootManifest = readManifest(root);
	if (rootManifest.name !== allInOne.package)
		throw new Error(
			`package.json is ${rootManifest.name}, platforms.json says ${allInOne.package}`,
		);
	built.push({
		kind: 'allInOne',
		id: 'all',
		name: rootManifest.name,
		version: rootManifest.version,
		dir: root,
		tarball: pack(root, outDir),
		sourceDir: '.',
	});
	writeFileSync(join(outDir, 'packages.json'), `${JSON.stringify(built, null, '\t')}\n`);
	return built;
}

export function readBuilt(): BuiltPackage[] {
	const file = join(OUT_DIR, 'packages.json');
	if (!existsSync(file))
		throw new Error(`${relative(REPO_ROOT, file)} is missing: run npm run pack:all first`);
	return JSON.parse(readFileSync(file, 'utf8')) as BuiltPackage[];
}
