/**
 * Loads an unpacked community package the way n8n's CLI does, with the n8n-core of the folder
 * named by NODE_PATH (n8n sets NODE_PATH to its own module paths, so a package without its own
 * n8n-workflow gets n8n's): PackageDirectoryLoader.loadAll(), as at start-up and after an
 * install from the UI. Run as a plain Node process, outside jest's module system.
 *   NODE_PATH=<n8n node_modules> node load-package.js <package dir>
 * Prints one JSON line: { core, ok, nodes, credentials } or { core, ok: false, error, cause }.
 */
const { createRequire } = require('node:module');
const { join } = require('node:path');

// From NODE_PATH, not from this file's folder (the repo's own node_modules sit above it).
const fromN8n = createRequire(join(process.env.NODE_PATH ?? '', 'n8n.js'));
const { Container } = fromN8n('@n8n/di');
const core = fromN8n('n8n-core');

async function main() {
	const [dir] = process.argv.slice(2);
	const { GlobalConfig } = fromN8n('@n8n/config');
	Container.get(GlobalConfig).logging.level = 'silent';
	const loader = new core.PackageDirectoryLoader(dir);
	try {
		await loader.loadAll();
		const names = (list) => Object.keys(list).sort();
		console.log(
			JSON.stringify({
				core: fromN8n('n8n-core/package.json').version,
				ok: true,
				nodes: names(loader.nodeTypes),
				credentials: names(loader.credentialTypes),
			}),
		);
	} catch (error) {
		console.log(
			JSON.stringify({
				core: fromN8n('n8n-core/package.json').version,
				ok: false,
				error: error.message,
				cause: error.cause?.message ?? null,
			}),
		);
	}
}

void main();
