import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { chatwootOperations, chatwootResources } from '../../../nodes/Chatwoot/actions';
import { plain, titleCase } from '../../../scripts/chatwoot-codegen/emit';
import { generatedFiles } from '../../../scripts/chatwoot-codegen/generate';
import { GENERATED_OPERATIONS } from '../../../scripts/chatwoot-codegen/table';

const ROOT = join(__dirname, '..', '..', '..');

describe('Chatwoot generator (scripts/chatwoot-codegen)', () => {
	const files = generatedFiles();

	it.each(files.map((f) => [f.path, f] as const))(
		'%s is what the generator writes (run npm run generate:chatwoot after editing the table)',
		(_path, file) => {
			expect(readFileSync(join(ROOT, file.path), 'utf8')).toBe(file.content);
		},
	);

	it("the README's count of operations and resources is the node's", () => {
		const said = /(\d+) operations in (\d+) resources/.exec(
			readFileSync(join(ROOT, 'README.md'), 'utf8'),
		);
		expect(said?.slice(1).map(Number)).toEqual([
			chatwootOperations.length,
			chatwootResources.length,
		]);
	});

	it('every generated operation is in the node, with the name, action and description of the table', () => {
		for (const entry of GENERATED_OPERATIONS) {
			const op = chatwootOperations.find(
				(o) => o.resource === entry.resource && o.operation === entry.operation,
			);
			expect({
				key: `${entry.resource}.${entry.operation}`,
				name: op?.name,
				action: op?.action,
				description: op?.description,
			}).toEqual({
				key: `${entry.resource}.${entry.operation}`,
				name: entry.name,
				action: entry.action,
				description: entry.description,
			});
		}
	});

	it('names read like hand-written ones: Title Case, IDs and URLs cased', () => {
		expect(titleCase('show_on_sidebar')).toBe('Show on Sidebar');
		expect(titleCase('outgoing_url')).toBe('Outgoing URL');
		expect(titleCase('inbox_ids')).toBe('Inbox IDs');
		expect(plain('ID of inbox in which the conversation is created.')).toBe(
			'ID of inbox in which the conversation is created',
		);
		expect(plain('The url to a jpeg. Only png works')).toBe('The URL to a jpeg. Only png works.');
		for (const op of chatwootOperations) {
			expect({
				op: `${op.resource}.${op.operation}`,
				ok: /^[A-Z][A-Za-z-]*( [A-Za-z-]+)*$/.test(op.name),
			}).toEqual({ op: `${op.resource}.${op.operation}`, ok: true });
		}
	});
});
