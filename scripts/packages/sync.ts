/** npm run packages:sync: rewrites packages/<id>/ (manifest, source links) from platforms.json. */
import { loadPlatforms, REPO_ROOT } from './platforms';
import { syncStubs } from './stubs';

const { platforms, allInOne } = loadPlatforms();
const written = syncStubs(REPO_ROOT, platforms, allInOne.package);
console.log(
	written.length ? `written: ${written.join(', ')}` : 'packages/ already matches platforms.json',
);
