/**
 * `npm run generate:chatwoot`: writes the generated Chatwoot operations (and the README table)
 * from test/specs/chatwoot.swagger.json and the tables in this folder. `--check` only compares.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { format, resolveConfig } from 'prettier';

import { emitAll, type GeneratedFile } from './emit';
import { readmeTable, withTable } from './readme';
import { loadSpec } from './spec';
import { GENERATED_OPERATIONS } from './table';

const ROOT = join(__dirname, '..', '..', ...(__dirname.includes('.build') ? ['..'] : []));

/** Every generated file, the README with its operations table included. */
export function generatedFiles(readme = readFileSync(join(ROOT, 'README.md'), 'utf8')): GeneratedFile[] {
	const spec = loadSpec();
	return [...emitAll(spec, GENERATED_OPERATIONS), { path: 'README.md', content: withTable(readme, readmeTable(spec, GENERATED_OPERATIONS)) }];
}

/** A generated file as it is checked in: TypeScript formatted by the repo's prettier settings. */
export async function formatted(file: GeneratedFile): Promise<string> {
	if (!file.path.endsWith('.ts')) return file.content;
	const target = join(ROOT, file.path);
	return await format(file.content, { ...(await resolveConfig(target)), filepath: target });
}

async function main(): Promise<void> {
	const check = process.argv.includes('--check');
	const stale: string[] = [];
	for (const file of generatedFiles()) {
		const target = join(ROOT, file.path);
		const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
		const content = await formatted(file);
		if (current === content) continue;
		if (check) stale.push(file.path);
		else {
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, content);
		}
	}
	if (check && stale.length) {
		process.stderr.write(`Out of date (run npm run generate:chatwoot):\n${stale.join('\n')}\n`);
		process.exit(1);
	}
}

if (require.main === module) void main();
