/**
 * package.json of a single-service package, generated from platforms.json and the root package.json.
 * It is committed in packages/<id>/ (n8n's scanner finds a package's sources in the repository by the
 * package.json that carries its name); only `version` is edited by hand there, at release time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { nodeFiles, packageDir, type Platform } from './platforms';

export interface Manifest {
	name: string;
	version: string;
	description: string;
	license: string;
	keywords: string[];
	homepage: string;
	author: { name: string; email: string };
	repository: { type: string; url: string; directory?: string };
	files: string[];
	engines?: Record<string, string>;
	n8n: { n8nNodesApiVersion: number; strict?: boolean; credentials: string[]; nodes: string[] };
	peerDependencies: Record<string, string>;
	dependencies?: Record<string, string>;
	scripts?: Record<string, string>;
	[key: string]: unknown;
}

export const FIRST_VERSION = '0.1.0';

export function readManifest(dir: string): Manifest {
	return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** The version in the committed packages/<id>/package.json (FIRST_VERSION before there is one). */
export function committedVersion(root: string, p: Platform): string {
	const file = join(root, packageDir(p), 'package.json');
	return existsSync(file) ? readManifest(join(root, packageDir(p))).version : FIRST_VERSION;
}

export function singleManifest(p: Platform, rootManifest: Manifest, version: string): Manifest {
	return {
		name: p.package.name,
		version,
		description: p.package.description,
		license: rootManifest.license,
		keywords: ['n8n-community-node-package', 'n8n', ...p.package.keywords],
		homepage: rootManifest.homepage,
		author: rootManifest.author,
		repository: { ...rootManifest.repository, directory: packageDir(p) },
		files: ['dist', 'examples'],
		...(rootManifest.engines ? { engines: rootManifest.engines } : {}),
		n8n: {
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: p.credentials.map((c) => `dist/credentials/${c.file}.credentials.js`),
			nodes: nodeFiles(p),
		},
		peerDependencies: rootManifest.peerDependencies,
	};
}

/** The manifest text as written to disk (tabs, like the repo's other JSON). */
export const manifestText = (m: Manifest): string => `${JSON.stringify(m, null, '\t')}\n`;
