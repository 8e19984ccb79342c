/**
 * platforms.json, typed, and the facts the package build derives from it: which source folders and
 * files make up a platform's package, and which words may not appear in it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface PlatformCredential {
	/** File name without `.credentials.ts`, and the exported class name. */
	file: string;
	/** n8n credential type name. */
	type: string;
	/** The sandbox credential's fixed id in the examples (none for a hidden base credential). */
	exampleId?: string;
	/** Not offered to users: only extended by another credential of the platform. */
	hidden?: boolean;
}

export interface Platform {
	id: string;
	displayName: string;
	/** Folder under nodes/ (and the node class name). */
	nodeDir: string;
	nodeName: string;
	credentials: PlatformCredential[];
	example: { file: string; id: string };
	sandboxPrefix: string;
	/** The single-service npm package. */
	package: { name: string; description: string; keywords: string[] };
	/** Words that name this platform (matched case-insensitively); no other package may contain them. */
	names: string[];
	/** A trigger node beside the regular one, in the same folder under nodes/. */
	triggerNode?: { file: string; name: string };
	/** Example workflows beyond `example` (imported by npm start, run by the e2e suite). */
	moreExamples?: Array<{ file: string; id: string }>;
}

export interface PlatformsFile {
	allInOne: { package: string };
	platforms: Platform[];
}

/** The repository root: the nearest folder above this file with a platforms.json (works from .build/ too). */
export const REPO_ROOT = ((): string => {
	for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
		if (existsSync(join(dir, 'platforms.json')) && !dir.endsWith('.build')) return dir;
	}
	throw new Error(`no platforms.json above ${__dirname}`);
})();

export function loadPlatforms(root = REPO_ROOT): PlatformsFile {
	return JSON.parse(readFileSync(join(root, 'platforms.json'), 'utf8')) as PlatformsFile;
}

/** The compiled node files of a platform (its regular node, and its trigger if it has one). */
export function nodeFiles(p: Platform): string[] {
	const files = [`dist/nodes/${p.nodeDir}/${p.nodeDir}.node.js`];
	if (p.triggerNode) files.push(`dist/nodes/${p.nodeDir}/${p.triggerNode.file}.node.js`);
	return files;
}

/** Folder of the committed package stub (manifest + links to its sources), relative to the repo root. */
export const packageDir = (p: Platform): string => join('packages', p.id);

/**
 * The source paths (relative to the repo root) a platform's package is made of, chosen by folder so
 * that files renamed or added inside them need no change here.
 */
export function sourcePaths(p: Platform): string[] {
	return [
		join('nodes', p.nodeDir),
		join('nodes', 'shared'),
		...p.credentials.map((c) => join('credentials', `${c.file}.credentials.ts`)),
	];
}

/** The same paths as compiled into dist/ (credentials as .js). */
export function distPaths(p: Platform): string[] {
	return [
		join('dist', 'nodes', p.nodeDir),
		join('dist', 'nodes', 'shared'),
		...p.credentials.map((c) => join('dist', 'credentials', `${c.file}.credentials.js`)),
	];
}

/** Words naming the other platforms: none may appear anywhere in p's package. */
export function foreignNames(p: Platform, all: Platform[]): string[] {
	return all.filter((o) => o.id !== p.id).flatMap((o) => o.names);
}
