/**
 * Bad-input probes for every operation of every node the package ships, run through n8n's
 * engine: the texts a user sees when a field is missing, empty or of the wrong kind.
 *
 * Everything is found from what n8n itself reads (package.json's `n8n` section, the node and
 * credential descriptions), not from the nodes' internals, so the probes follow the nodes as
 * they change. Each operation runs once per field, with that field set to `={{ $json.v }}` and
 * one input item per probe value; Dry Run is on, so a valid item sends nothing either.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodeType,
} from 'n8n-workflow';

import type { runNode as RunNode } from '../harness/engine';

const REPO_ROOT = join(__dirname, '..', '..');

/** Values an expression may hand a field: nothing, blanks, wrong kinds, broken text. */
export const PROBE_VALUES: ReadonlyArray<readonly [string, unknown]> = [
	['missing', undefined],
	['empty', ''],
	['blank', '   '],
	['word', 'seven'],
	['zero', 0],
	['negative', -1],
	['fraction', 1.5],
	['object', { a: 1 }],
	['list', ['x']],
	['boolean', true],
	['broken JSON', '{"x":'],
	['bad email', 'not-an-email'],
];

interface PackageParts {
	nodes: INodeType[];
	credentialTypes: ICredentialType[];
}

/** The node and credential classes package.json lists (dist/x/Y.node.js -> x/Y.node.ts, class Y). */
export function loadPackage(load: (path: string) => Record<string, unknown>): PackageParts {
	const { n8n } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const instantiate = <T>(dist: string): T => {
		const source = join(REPO_ROOT, dist.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		const className = (dist.split('/').pop() ?? '').split('.')[0];
		const Class = load(source)[className] as new () => T;
		return new Class();
	};
	return {
		nodes: n8n.nodes.map((p) => instantiate<INodeType>(p)),
		credentialTypes: n8n.credentials.map((p) => instantiate<ICredentialType>(p)),
	};
}

const EXPR = '={{ $json.v }}';

function shownFor(prop: INodeProperties, resource: string, operation: string): boolean {
	const show = prop.displayOptions?.show;
	const resources = show?.resource as unknown[] | undefined;
	const operations = show?.operation as unknown[] | undefined;
	return (
		(!resources || resources.includes(resource)) && (!operations || operations.includes(operation))
	);
}

/** Each place a value can go: the field itself, and one level into collections. */
function targets(prop: INodeProperties): Array<{ path: string; value: INodeParameters[string] }> {
	// An ID picker holds the expression as its "By ID" value.
	const own =
		prop.type === 'resourceLocator'
			? ({ __rl: true, mode: 'id', value: EXPR } as INodeParameters[string])
			: EXPR;
	const out: Array<{ path: string; value: INodeParameters[string] }> = [
		{ path: prop.name, value: own },
	];
	if (prop.type === 'collection') {
		for (const option of (prop.options ?? []) as INodeProperties[]) {
			out.push({ path: `${prop.name}.${option.name}`, value: { [option.name]: EXPR } });
		}
	}
	if (prop.type === 'fixedCollection') {
		const many = prop.typeOptions?.multipleValues === true;
		for (const group of (prop.options ?? []) as INodePropertyCollection[]) {
			for (const field of group.values) {
				const entry = { [field.name]: EXPR };
				out.push({
					path: `${prop.name}.${group.name}.${field.name}`,
					value: { [group.name]: many ? [entry] : entry },
				});
			}
		}
	}
	return out;
}

/**
 * A value for a required field that is not under test, so n8n's own check ("Parameter X is
 * required") lets the run start: plausible by name, the same for every zod.
 */
function filler(prop: INodeProperties): INodeParameters[string] {
	const name = prop.name.toLowerCase();
	if (prop.type === 'resourceLocator')
		return { __rl: true, mode: 'id', value: '1' } as INodeParameters[string];
	if (prop.type === 'multiOptions') return [(prop.options?.[0] as { value: string }).value];
	if (prop.type === 'options')
		return (prop.options?.[0] as { value?: string } | undefined)?.value ?? '';
	if (prop.type === 'number' || /id$/.test(name)) return 1;
	if (name.includes('email')) return 'probe@example.com';
	if (name.includes('phone')) return '+447700900123';
	if (name.includes('password')) return 'Probe-Passw0rd!';
	if (prop.type === 'json') return '{}';
	return `probe-${prop.name}`;
}

function requiredFillers(fields: INodeProperties[]): INodeParameters {
	// A resource locator's empty default is {mode, value: ''}; a list's is [].
	const unset = (d: INodeProperties['default']) =>
		d === '' ||
		d === undefined ||
		d === null ||
		(Array.isArray(d) && !d.length) ||
		(typeof d === 'object' && !Array.isArray(d) && (d as { value?: unknown }).value === '');
	const needed = fields.filter((f) => f.required === true && unset(f.default));
	return Object.fromEntries(needed.map((f) => [f.name, filler(f)]));
}

/** Credential data that passes as configured: URLs point at a closed local port. */
function credentialData(
	type: ICredentialType,
	all: ICredentialType[],
): ICredentialDataDecryptedObject {
	const data: ICredentialDataDecryptedObject = {};
	const parents = (type.extends ?? []).flatMap((name) => all.filter((t) => t.name === name));
	for (const prop of [...parents.flatMap((p) => p.properties), ...type.properties]) {
		if (prop.type === 'hidden') continue;
		if (prop.type === 'number') data[prop.name] = 1;
		else if (prop.type === 'string')
			data[prop.name] = /url/i.test(prop.name) ? 'http://127.0.0.1:9' : `probe-${prop.name}`;
	}
	return data;
}

/** What the user sees for one item: the error and its description, or that it passed. */
function textOf(item: INodeExecutionData | undefined): string {
	if (!item) return '(no output)';
	const { error, details } = item.json as { error?: unknown; details?: IDataObject };
	if (error === undefined) return 'valid';
	const description = details?.description;
	return description ? `${String(error)}\n${String(description)}` : String(error);
}

/**
 * Runs every probe; returns one text per "node resource.operation field = probe". A run that
 * fails as a whole (not per item) gives its error for every probe of that field.
 */
export async function probeTexts(
	runNode: typeof RunNode,
	parts: PackageParts,
): Promise<Record<string, string>> {
	const texts: Record<string, string> = {};
	const items: INodeExecutionData[] = PROBE_VALUES.map(([, v]) => ({
		json: v === undefined ? {} : { v: v as IDataObject[string] },
	}));
	for (const node of parts.nodes) {
		const { properties, name: nodeName } = node.description;
		const credentials = Object.fromEntries(
			(node.description.credentials ?? []).map(({ name }) => {
				const type = parts.credentialTypes.find((t) => t.name === name);
				if (!type) throw new Error(`${nodeName}: credential type ${name} is not in package.json`);
				return [name, credentialData(type, parts.credentialTypes)];
			}),
		);
		const resources = (properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{
			value: string;
		}>;
		for (const { value: resource } of resources) {
			const operationProp = properties.find(
				(p) => p.name === 'operation' && shownFor(p, resource, ''),
			);
			for (const { value: operation } of (operationProp?.options ?? []) as Array<{
				value: string;
			}>) {
				const fields = properties.filter(
					(p) =>
						p.displayOptions?.show?.operation !== undefined &&
						shownFor(p, resource, operation) &&
						p.type !== 'notice',
				);
				const filled = requiredFillers(fields);
				for (const field of fields) {
					for (const { path, value } of targets(field)) {
						const result = await runNode({
							node,
							parameters: {
								resource,
								operation,
								...filled,
								[field.name]: value,
								options: { dryRun: true, maxTries: 1 },
							},
							items,
							credentialTypes: parts.credentialTypes,
							credentials,
							onError: 'continueRegularOutput',
						});
						const byItem = new Map<number, INodeExecutionData>();
						for (const item of result.outputs[0] ?? []) {
							const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
							const index = typeof paired === 'object' ? paired.item : undefined;
							if (index !== undefined && !byItem.has(index)) byItem.set(index, item);
						}
						PROBE_VALUES.forEach(([label], index) => {
							const text = result.error
								? `run failed: ${result.error.message}\n${result.error.description ?? ''}`
								: textOf(byItem.get(index));
							texts[`${nodeName} ${resource}.${operation} ${path} = ${label}`] = text;
						});
					}
				}
			}
		}
	}
	return texts;
}
