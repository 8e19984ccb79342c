/**
 * The rules n8n states for verified community packages that can be read off an unpacked tarball:
 * manifest conventions, no runtime dependencies, exactly one regular node (single-service) with only
 * its platform's credentials, a `test` on every non-OAuth2 credential, `usableAsTool`, icons that
 * resolve, no import outside the package besides n8n-workflow and zod, and no word naming another
 * platform anywhere in a single-service package.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

import { loadClass } from './describe';
import type { Manifest } from './manifest';
import { foreignNames, nodeFiles, type Platform } from './platforms';

export interface Check {
	name: string;
	ok: boolean;
	/** What was seen (on success) or what is wrong (on failure). */
	detail: string;
}

export interface Expectation {
	/** The platform of a single-service package; undefined for the all-in-one. */
	platform?: Platform;
	platforms: Platform[];
}

/** Modules a node may import: the peer dependency and what n8n itself provides. */
export const ALLOWED_IMPORTS = ['n8n-workflow', 'zod'];
const LIFECYCLE_SCRIPTS = [
	'preinstall',
	'install',
	'postinstall',
	'prepare',
	'preprepare',
	'postprepare',
];

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? files(p) : [p];
	});
}

const check = (name: string, problems: string[], okDetail: string): Check =>
	problems.length
		? { name, ok: false, detail: problems.join('; ') }
		: { name, ok: true, detail: okDetail };

function iconFiles(icon: unknown): string[] {
	if (typeof icon === 'string') return [icon];
	if (icon && typeof icon === 'object') return Object.values(icon as Record<string, string>);
	return [];
}

/** Relative `require()` targets must resolve to a file inside the package. */
function resolvesInside(root: string, fromFile: string, spec: string): boolean {
	const base = resolve(dirname(fromFile), spec);
	if (!`${base}${sep}`.startsWith(`${resolve(root)}${sep}`)) return false;
	return [base, `${base}.js`, `${base}.json`, join(base, 'index.js')].some(
		(p) => existsSync(p) && statSync(p).isFile(),
	);
}

export function checkPackage(dir: string, expect: Expectation): Check[] {
	const m = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
	const all = files(dir);
	const checks: Check[] = [];
	const expected = expect.platform ? [expect.platform] : expect.platforms;

	const manifestProblems: string[] = [];
	if (!m.name.startsWith('n8n-nodes-'))
		manifestProblems.push(`name ${m.name} does not start with n8n-nodes-`);
	if (!m.keywords?.includes('n8n-community-node-package'))
		manifestProblems.push('keyword n8n-community-node-package missing');
	if (m.license !== 'MIT') manifestProblems.push(`license is ${m.license}, not MIT`);
	if (m.n8n?.n8nNodesApiVersion !== 1) manifestProblems.push('n8n.n8nNodesApiVersion is not 1');
	if (m.peerDependencies?.['n8n-workflow'] === undefined)
		manifestProblems.push('n8n-workflow is not a peer dependency');
	const hooks = LIFECYCLE_SCRIPTS.filter((s) => m.scripts?.[s] !== undefined);
	if (hooks.length) manifestProblems.push(`install-time scripts: ${hooks.join(', ')}`);
	for (const f of ['README.md', 'LICENSE'])
		if (!existsSync(join(dir, f))) manifestProblems.push(`${f} missing`);
	checks.push(
		check(
			'manifest',
			manifestProblems,
			`${m.name}@${m.version}: MIT, n8n-community-node-package, README and LICENSE, no install scripts`,
		),
	);

	const deps = Object.keys(m.dependencies ?? {});
	checks.push(
		check(
			'no-dependencies',
			deps.map((d) => `runtime dependency ${d}`),
			'no runtime dependencies; n8n-workflow is a peer',
		),
	);

	const nodePaths = m.n8n?.nodes ?? [];
	const nodeProblems: string[] = [];
	const wantNodes = expected.flatMap(nodeFiles);
	if (JSON.stringify([...nodePaths].sort()) !== JSON.stringify([...wantNodes].sort())) {
		nodeProblems.push(`n8n.nodes is [${nodePaths.join(', ')}], expected [${wantNodes.join(', ')}]`);
	}
	const nodes: INodeType[] = [];
	for (const p of nodePaths) {
		if (!existsSync(join(dir, p))) {
			nodeProblems.push(`${p} is not in the package`);
			continue;
		}
		try {
			nodes.push(
				loadClass<INodeType>(
					join(dir, p),
					p
						.split('/')
						.pop()
						?.replace(/\.node\.js$/, '') ?? '',
				),
			);
		} catch (error) {
			nodeProblems.push(`${p} does not load: ${(error as Error).message}`);
		}
	}
	const triggers = nodes
		.filter((n) => n.description.group.includes('trigger'))
		.map((n) => n.description.name);
	const regular = nodes
		.filter((n) => !n.description.group.includes('trigger'))
		.map((n) => n.description.name);
	if (expect.platform && regular.length !== 1)
		nodeProblems.push(
			`${regular.length} regular nodes (${regular.join(', ')}), expected exactly one`,
		);
	const wrongNames = regular.filter((n) => !expected.some((p) => p.nodeName === n));
	if (wrongNames.length) nodeProblems.push(`unexpected node names: ${wrongNames.join(', ')}`);
	checks.push(
		check(
			'nodes',
			nodeProblems,
			`${expect.platform ? 'exactly one regular node' : `${regular.length} regular nodes`}: ${regular.join(', ')}${triggers.length ? `; triggers: ${triggers.join(', ')}` : ''}`,
		),
	);

	const credPaths = m.n8n?.credentials ?? [];
	const credProblems: string[] = [];
	const creds: ICredentialType[] = [];
	for (const p of credPaths) {
		if (!existsSync(join(dir, p))) {
			credProblems.push(`${p} is not in the package`);
			continue;
		}
		try {
			creds.push(
				loadClass<ICredentialType>(
					join(dir, p),
					p
						.split('/')
						.pop()
						?.replace(/\.credentials\.js$/, '') ?? '',
				),
			);
		} catch (error) {
			credProblems.push(`${p} does not load: ${(error as Error).message}`);
		}
	}
	const wantCreds = expected.flatMap((p) => p.credentials.map((c) => c.type)).sort();
	const haveCreds = creds.map((c) => c.name).sort();
	if (JSON.stringify(haveCreds) !== JSON.stringify(wantCreds))
		credProblems.push(
			`credential types [${haveCreds.join(', ')}], expected [${wantCreds.join(', ')}]`,
		);
	// Used by a node, or extended by a credential that is (a hidden base, e.g. Keepnet's field order).
	const used = new Set([
		...nodes.flatMap((n) => (n.description.credentials ?? []).map((c) => c.name)),
		...creds.flatMap((c) => c.extends ?? []),
	]);
	const unused = haveCreds.filter((c) => !used.has(c));
	const missing = [...used].filter((c) => !haveCreds.includes(c) && c !== 'oAuth2Api');
	if (unused.length) credProblems.push(`credentials no node uses: ${unused.join(', ')}`);
	if (missing.length)
		credProblems.push(`nodes use credentials the package lacks: ${missing.join(', ')}`);
	checks.push(
		check(
			'credentials',
			credProblems,
			`only the credentials of ${expect.platform ? expect.platform.displayName : 'every platform'}: ${haveCreds.join(', ')}`,
		),
	);

	const testProblems: string[] = [];
	for (const c of creds) {
		const oauth2 = (c.extends ?? []).includes('oAuth2Api');
		if (!c.test && !oauth2) testProblems.push(`${c.name} has no test`);
		if (!c.documentationUrl) testProblems.push(`${c.name} has no documentationUrl`);
		if (!c.icon && !c.iconUrl) testProblems.push(`${c.name} has no icon`);
	}
	const tested = creds.map(
		(c) => `${c.name}: ${c.test ? 'test request' : 'OAuth2 (n8n tests the token)'}`,
	);
	checks.push(check('credential-tests', testProblems, tested.join(', ')));

	const notTools = nodes.filter(
		(n) => !n.description.group.includes('trigger') && n.description.usableAsTool !== true,
	);
	checks.push(
		check(
			'usable-as-tool',
			notTools.map((n) => `${n.description.name} lacks usableAsTool`),
			`usableAsTool on ${regular.join(', ')}`,
		),
	);

	const iconProblems: string[] = [];
	const iconOwners: Array<[string, unknown]> = [
		...nodes.map((n, i): [string, unknown] => [nodePaths[i], n.description.icon]),
		...creds.map((c, i): [string, unknown] => [credPaths[i], c.icon]),
	];
	for (const [file, icon] of iconOwners) {
		for (const ref of iconFiles(icon)) {
			if (!ref.startsWith('file:')) continue;
			const target = join(dir, dirname(file), ref.slice('file:'.length));
			if (!existsSync(target)) iconProblems.push(`${file}: ${ref} is not in the package`);
		}
	}
	checks.push(
		check('icons', iconProblems, `${iconOwners.length} icon references resolve inside the package`),
	);

	const importProblems: string[] = [];
	const js = all.filter((f) => f.endsWith('.js'));
	for (const f of js) {
		const text = readFileSync(f, 'utf8');
		for (const [, spec] of text.matchAll(/require\((?:"|')([^"']+)(?:"|')\)/g)) {
			if (spec.startsWith('.')) {
				if (!resolvesInside(dir, f, spec))
					importProblems.push(`${relative(dir, f)}: ${spec} is not in the package`);
			} else if (!ALLOWED_IMPORTS.includes(spec.split('/')[0])) {
				importProblems.push(`${relative(dir, f)}: imports ${spec}`);
			}
		}
	}
	checks.push(
		check(
			'imports',
			importProblems,
			`${js.length} files import only each other, ${ALLOWED_IMPORTS.join(' and ')}`,
		),
	);

	const codexProblems: string[] = [];
	for (const f of all.filter((x) => x.endsWith('.node.json'))) {
		const codex = JSON.parse(readFileSync(f, 'utf8')) as { node?: string };
		if (codex.node && !codex.node.startsWith(`${m.name}.`))
			codexProblems.push(`${relative(dir, f)} names ${codex.node}`);
	}
	checks.push(check('codex', codexProblems, `codex files name ${m.name}.*`));

	if (expect.platform) {
		const words = foreignNames(expect.platform, expect.platforms);
		const hits: string[] = [];
		for (const f of all) {
			readFileSync(f, 'utf8')
				.split('\n')
				.forEach((line, i) => {
					const lower = line.toLowerCase();
					for (const w of words)
						if (lower.includes(w.toLowerCase()))
							hits.push(`${relative(dir, f)}:${i + 1} names "${w}"`);
				});
		}
		checks.push(
			check(
				'no-other-platform',
				hits.slice(0, 20),
				`${all.length} files, none names ${words.join(', ')}`,
			),
		);
	}
	return checks;
}
