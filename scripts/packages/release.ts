/**
 * Which tarball a release tag publishes: `v1.2.3` the all-in-one, `<platform id>-v1.2.3` that
 * platform's package. The tag's version must be the package's version, or nothing is published.
 * usage (publish workflow): node .build/scripts/packages/release.js <tag> >> "$GITHUB_OUTPUT"
 */
import { join, relative } from 'node:path';

import type { BuiltPackage } from './build';

export interface ReleaseTarget {
	name: string;
	version: string;
	/** Path of the tarball from the repo root. */
	tarball: string;
}

export function releaseTarget(tag: string, built: BuiltPackage[]): ReleaseTarget {
	const match = /^(?:([a-z0-9]+)-)?v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(tag);
	if (!match)
		throw new Error(`tag "${tag}" is neither v<version> (all-in-one) nor <platform>-v<version>`);
	const [, id = 'all', version] = match;
	const pkg = built.find((b) => b.id === id);
	if (!pkg)
		throw new Error(
			`tag "${tag}": no package "${id}" (known: ${built.map((b) => b.id).join(', ')})`,
		);
	if (pkg.version !== version) {
		const where = pkg.kind === 'allInOne' ? 'package.json' : `${pkg.sourceDir}/package.json`;
		throw new Error(
			`tag "${tag}" says ${version}, but ${where} says ${pkg.name}@${pkg.version}: bump the version there first`,
		);
	}
	return { name: pkg.name, version: pkg.version, tarball: join('dist-packages', pkg.tarball) };
}

if (require.main === module) {
	// Imported lazily: the build module reads the repo layout on load.
	void import('./build').then(({ readBuilt, OUT_DIR }) => {
		try {
			const target = releaseTarget(process.argv[2] ?? '', readBuilt());
			console.log(`name=${target.name}\nversion=${target.version}\ntarball=${target.tarball}`);
			console.error(
				`release: ${target.name}@${target.version} from ${relative(process.cwd(), join(OUT_DIR, '..', target.tarball))}`,
			);
		} catch (error) {
			console.error(`release: ${(error as Error).message}`);
			process.exit(1);
		}
	});
}
