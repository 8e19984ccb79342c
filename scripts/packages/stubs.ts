/**
 * packages/<id>/: the committed stub of each single-service package. n8n's scanner looks for the
 * package.json with the package's name in the source commit its provenance points at, and lints
 * `{nodes,credentials}/**` beside it; symbolic links to the shared sources make that exactly this
 * package's own sources, with no copy to keep in step.
 *
 *   packages/<id>/package.json          generated (see manifest.ts); only `version` is edited by hand
 *   packages/<id>/CHANGELOG.md          hand-written; becomes the README's "Version history"
 *   packages/<id>/nodes/<NodeDir>       -> ../../../nodes/<NodeDir>
 *   packages/<id>/nodes/shared          -> ../../../nodes/shared
 *   packages/<id>/credentials/<X>.credentials.ts -> ../../../credentials/<X>.credentials.ts
 */
import {
	existsSync,
	lstatSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

import {
	committedVersion,
	manifestText,
	readManifest,
	singleManifest,
	type Manifest,
} from './manifest';
import { packageDir, sourcePaths, type Platform } from './platforms';

/** Link path inside the stub -> target relative to the link's folder. */
function expectedLinks(p: Platform): Map<string, string> {
	const links = new Map<string, string>();
	for (const src of sourcePaths(p)) {
		const link = join(packageDir(p), src);
		links.set(link, relative(dirname(link), src));
	}
	return links;
}

export function expectedManifest(root: string, p: Platform): Manifest {
	return singleManifest(p, readManifest(root), committedVersion(root, p));
}

const changelogStart = (p: Platform, version: string, allInOne: string): string =>
	`# Changelog\n\n- ${version}: first release as its own package: the ${p.displayName} node of ${allInOne}, with its credentials.\n`;

/** Writes packages/<id>/ for every platform: manifest, links, and a CHANGELOG.md if there is none. */
export function syncStubs(root: string, platforms: Platform[], allInOne: string): string[] {
	const written: string[] = [];
	for (const p of platforms) {
		const dir = join(root, packageDir(p));
		const manifest = expectedManifest(root, p);
		mkdirSync(dir, { recursive: true });
		const pkgFile = join(dir, 'package.json');
		if (!existsSync(pkgFile) || readFileSync(pkgFile, 'utf8') !== manifestText(manifest)) {
			writeFileSync(pkgFile, manifestText(manifest));
			written.push(relative(root, pkgFile));
		}
		const changelog = join(dir, 'CHANGELOG.md');
		if (!existsSync(changelog)) {
			writeFileSync(changelog, changelogStart(p, manifest.version, allInOne));
			written.push(relative(root, changelog));
		}
		for (const sub of ['nodes', 'credentials']) {
			rmSync(join(dir, sub), { recursive: true, force: true });
			mkdirSync(join(dir, sub), { recursive: true });
		}
		for (const [link, target] of expectedLinks(p)) {
			symlinkSync(target, join(root, link));
		}
	}
	return written;
}

/** What differs between packages/<id>/ and what platforms.json says it should be. */
export function checkStub(root: string, p: Platform): string[] {
	const dir = join(root, packageDir(p));
	const problems: string[] = [];
	const pkgFile = join(dir, 'package.json');
	if (!existsSync(pkgFile))
		return [`${relative(root, pkgFile)} is missing: run npm run packages:sync`];
	if (readFileSync(pkgFile, 'utf8') !== manifestText(expectedManifest(root, p))) {
		problems.push(
			`${relative(root, pkgFile)} is not what platforms.json gives: run npm run packages:sync`,
		);
	}
	const changelog = join(dir, 'CHANGELOG.md');
	const version = readManifest(dir).version;
	if (!existsSync(changelog)) problems.push(`${relative(root, changelog)} is missing`);
	else if (
		!new RegExp(`^- ${version.replace(/\./g, '\\.')}\\b`, 'm').test(readFileSync(changelog, 'utf8'))
	) {
		problems.push(
			`${relative(root, changelog)} has no entry "- ${version}: ..." for the package's version`,
		);
	}
	const expected = expectedLinks(p);
	const present = ['nodes', 'credentials'].flatMap((sub) =>
		existsSync(join(dir, sub))
			? readdirSync(join(dir, sub)).map((f) => join(packageDir(p), sub, f))
			: [],
	);
	for (const link of present) {
		if (!expected.has(link)) problems.push(`${link} should not be there`);
	}
	for (const [link, target] of expected) {
		const abs = join(root, link);
		let actual: string | undefined;
		try {
			actual = lstatSync(abs).isSymbolicLink() ? readlinkSync(abs) : undefined;
		} catch {
			actual = undefined;
		}
		if (actual !== target)
			problems.push(`${link} should be a link to ${target}: run npm run packages:sync`);
		else if (!existsSync(abs))
			problems.push(`${link} points at ${basename(target)}, which does not exist`);
	}
	return problems;
}
