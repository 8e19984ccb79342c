/** npm run pack:all: the six tarballs in dist-packages/ (after npm run build). */
import { join, relative } from 'node:path';

import { buildAll, OUT_DIR } from './build';
import { REPO_ROOT } from './platforms';

const started = Date.now();
const built = buildAll();
for (const b of built)
	console.log(
		`${b.kind === 'single' ? b.id.padEnd(15) : 'all-in-one'.padEnd(15)} ${relative(REPO_ROOT, join(OUT_DIR, b.tarball))}`,
	);
console.log(
	`${built.length} packages in ${relative(REPO_ROOT, OUT_DIR)}/ (${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
