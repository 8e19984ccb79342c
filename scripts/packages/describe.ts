/**
 * Reads what a built package offers from its compiled classes (dist/), the way n8n sees it: the
 * node's resources, operations and options, and each credential's fields, auth and test. The
 * README and the package checks are generated from this, so they follow the code.
 */
import { join } from 'node:path';

import type {
	ICredentialType,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

export interface OperationSummary {
	name: string;
	value: string;
	action?: string;
	description?: string;
}

export interface ResourceSummary {
	name: string;
	value: string;
	description?: string;
	operations: OperationSummary[];
}

export interface OptionSummary {
	displayName: string;
	description?: string;
}

export interface NodeSummary {
	description: INodeTypeDescription;
	resources: ResourceSummary[];
	/** Entries of the node's "Options" collections (deduplicated by name). */
	options: OptionSummary[];
}

export interface CredentialField {
	displayName: string;
	name: string;
	description?: string;
	required: boolean;
	secret: boolean;
	default?: unknown;
}

export interface CredentialSummary {
	type: ICredentialType;
	fields: CredentialField[];
	oauth2: boolean;
	/** Header / query names the credential adds to requests ("generic" authenticate). */
	sends: string[];
}

type Exports = Record<string, unknown>;

/** Loads a compiled node or credential class by path and creates an instance. */
export function loadClass<T>(file: string, className: string): T {
	const mod = require(file) as Exports;
	const Ctor = mod[className];
	if (typeof Ctor !== 'function') throw new Error(`${file} does not export class ${className}`);
	return new (Ctor as new () => T)();
}

const isOption = (
	o: INodePropertyOptions | INodeProperties | INodePropertyCollection,
): o is INodePropertyOptions => 'value' in o && !('type' in o);

/** For an option without its own description (a fixed collection): its sub-fields, described. */
function subFieldText(o: INodeProperties): string | undefined {
	const groups = (o.options ?? []).filter((g): g is INodePropertyCollection => 'values' in g);
	const parts = groups.flatMap((g) =>
		g.values.map(
			(v) =>
				`${v.displayName}${v.description ? ` (${v.description.replace(/^./, (c) => c.toLowerCase())})` : ''}`,
		),
	);
	return parts.length ? parts.join('; ') : undefined;
}

export function describeNode(packageRoot: string, nodePath: string): NodeSummary {
	const className =
		nodePath
			.split('/')
			.pop()
			?.replace(/\.node\.js$/, '') ?? '';
	const { description } = loadClass<INodeType>(join(packageRoot, nodePath), className);
	const props = description.properties;
	const resourceProp = props.find((p) => p.name === 'resource' && p.type === 'options');
	const resourceOptions = (resourceProp?.options ?? []).filter(isOption);
	const resources: ResourceSummary[] = resourceOptions.map((r) => {
		const opProp = props.find(
			(p) =>
				p.name === 'operation' &&
				(p.displayOptions?.show?.resource as unknown[] | undefined)?.includes(r.value),
		);
		const operations = (opProp?.options ?? []).filter(isOption).map((o) => ({
			name: o.name,
			value: String(o.value),
			action: o.action,
			description: o.description,
		}));
		return { name: r.name, value: String(r.value), description: r.description, operations };
	});
	const seen = new Set<string>();
	const options: OptionSummary[] = [];
	for (const p of props.filter((x) => x.name === 'options' && x.type === 'collection')) {
		for (const o of (p.options ?? []) as INodeProperties[]) {
			if (seen.has(o.name)) continue;
			seen.add(o.name);
			options.push({ displayName: o.displayName, description: o.description ?? subFieldText(o) });
		}
	}
	return { description, resources, options };
}

export function describeCredential(packageRoot: string, credentialPath: string): CredentialSummary {
	const className =
		credentialPath
			.split('/')
			.pop()
			?.replace(/\.credentials\.js$/, '') ?? '';
	const type = loadClass<ICredentialType>(join(packageRoot, credentialPath), className);
	const fields = type.properties
		.filter((p) => p.type !== 'hidden')
		.map((p) => ({
			displayName: p.displayName,
			name: p.name,
			description: p.description,
			required: p.required === true,
			secret: p.typeOptions?.password === true,
			default: p.default,
		}));
	const auth = type.authenticate;
	const sends =
		auth && typeof auth === 'object' && auth.type === 'generic'
			? [
					...Object.keys(auth.properties.headers ?? {}).map((h) => `the \`${h}\` header`),
					...Object.keys(auth.properties.qs ?? {}).map((q) => `the \`${q}\` query parameter`),
				]
			: [];
	return { type, fields, oauth2: (type.extends ?? []).includes('oAuth2Api'), sends };
}
