/**
 * `npm run generate:chatwoot`: writes the generated Chatwoot operations (and the README table)
 * from test/specs/chatwoot.swagger.json and the tables in this folder. `--check` only compares.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { emitAll, type GeneratedFile } from './emit';
import { readmeTable, withTable } from './readme';
import { loadSpec } from './spec';
import { GENERATED_OPERATIONS } from './table';

const ROOT = join(__dirname, '..', '..', ...(__dirname.includes('.build') ? ['..'] : []));

/** Every generated file, the README with its operations table included. */
export function generatedFiles(
	readme = readFileSync(join(ROOT, 'README.md'), 'utf8'),
): GeneratedFile[] {
	const spec = loadSpec();
	return formatAll([
		...emitAll(spec, GENERATED_OPERATIONS),
		{ path: 'README.md', content: withTable(readme, readmeTable(spec, GENERATED_OPERATIONS)) },
	]);
}

/**
 * Generated TypeScript as it is checked in: formatted by the repo's prettier settings. Prettier
 * runs in a child Node (it loads itself with dynamic imports, which jest's module sandbox refuses).
 */
function formatAll(files: GeneratedFile[]): GeneratedFile[] {
	const script = `
		const prettier = require(require.resolve('prettier', { paths: [process.argv[1]] }));
		let input = '';
		process.stdin.on('data', (chunk) => (input += chunk));
		process.stdin.on('end', async () => {
			const out = [];
			for (const file of JSON.parse(input)) {
				const config = await prettier.resolveConfig(file.path);
				out.push(await prettier.format(file.content, { ...config, filepath: file.path }));
			}
			process.stdout.write(JSON.stringify(out));
		});`;
	const ts = files.filter((f) => f.path.endsWith('.ts'));
	const input = JSON.stringify(ts.map((f) => ({ path: join(ROOT, f.path), content: f.content })));
	const output = JSON.parse(
		execFileSync(process.execPath, ['-e', script, ROOT], {
			input,
			maxBuffer: 256 * 2 ** 20,
			encoding: 'utf8',
		}),
	) as string[];
	const formatted = new Map(ts.map((f, i) => [f.path, output[i]]));
	return files.map((f) => ({ ...f, content: formatted.get(f.path) ?? f.content }));
}

function main(): void {
	const check = process.argv.includes('--check');
	const stale: string[] = [];
	for (const file of generatedFiles()) {
		const target = join(ROOT, file.path);
		const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
		if (current === file.content) continue;
		if (check) stale.push(file.path);
		else {
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, file.content);
		}
	}
	if (check && stale.length) {
		process.stderr.write(`Out of date (run npm run generate:chatwoot):\n${stale.join('\n')}\n`);
		process.exit(1);
	}
}

if (require.main === module) main();
