/**
 * Jest resolver for the matrix: when code of this repo (nodes, credentials, harness, tests)
 * imports a package the pair's folder declares, or a subpath of it (e.g. `zod/v4`), it is
 * resolved from that folder by jest's own resolver (package `exports` honoured). Imports made
 * by the folder's own packages resolve as Node would there, so n8n-core finds its n8n-workflow
 * and a nested dependency keeps its own copy. Everything else resolves as usual.
 */
const { readFileSync } = require('node:fs');
const { join, sep } = require('node:path');

const folder = join(__dirname, process.env.N8N_MATRIX ?? '');
const inside = `${folder}${sep}`;
const declared = new Set(
	Object.keys(JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).dependencies),
);

function packageName(request) {
	if (request.startsWith('.') || request.startsWith('/')) return undefined;
	const parts = request.split('/');
	return request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

module.exports = (request, options) => {
	const name = packageName(request);
	const fromRepo = !options.basedir.startsWith(inside);
	const basedir = fromRepo && name !== undefined && declared.has(name) ? folder : options.basedir;
	return options.defaultResolver(request, { ...options, basedir });
};
