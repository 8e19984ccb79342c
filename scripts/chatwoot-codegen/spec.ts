/**
 * Reads Chatwoot's OpenAPI document (test/specs/chatwoot.swagger.json): operations by
 * operationId, with their path, query and body fields resolved through $refs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SchemaObject {
	type?: string | string[];
	enum?: unknown[];
	items?: SchemaObject;
	properties?: Record<string, SchemaObject>;
	required?: string[];
	description?: string;
	format?: string;
	example?: unknown;
	allOf?: SchemaObject[];
	$ref?: string;
}

interface ParameterObject {
	name: string;
	in: 'path' | 'query' | 'header';
	required?: boolean;
	description?: string;
	schema?: SchemaObject;
	$ref?: string;
}

interface OperationObject {
	operationId: string;
	summary?: string;
	description?: string;
	parameters?: ParameterObject[];
	requestBody?: {
		required?: boolean;
		content: Record<string, { schema: SchemaObject }>;
		$ref?: string;
	};
	security?: Array<Record<string, unknown>>;
}

export interface SpecDocument {
	paths: Record<string, Record<string, OperationObject | ParameterObject[]>>;
	components: Record<string, Record<string, unknown>>;
}

/** One field of a request: a path or query parameter, or a body property (nested under `parent`). */
export interface SpecField {
	name: string;
	in: 'path' | 'query' | 'body';
	required: boolean;
	description: string;
	schema: SchemaObject;
	/** For a body property inside an object property (e.g. `channel.type`). */
	parent?: string;
}

export interface SpecOperation {
	operationId: string;
	method: string;
	path: string;
	summary: string;
	fields: SpecField[];
	bodyRequired: boolean;
	contentTypes: string[];
}

export const SPEC_FILE = join(
	__dirname,
	'..',
	'..',
	...(__dirname.includes('.build') ? ['..'] : []),
	'test',
	'specs',
	'chatwoot.swagger.json',
);

export function loadSpec(file = SPEC_FILE): SpecDocument {
	return JSON.parse(readFileSync(file, 'utf8')) as SpecDocument;
}

export function deref<T extends { $ref?: string }>(spec: SpecDocument, value: T): T {
	let current: T = value;
	for (let depth = 0; current && current.$ref && depth < 10; depth++) {
		let target: unknown = spec;
		for (const part of current.$ref.split('/').slice(1))
			target = (target as Record<string, unknown>)[part];
		current = target as T;
	}
	return current;
}

/** A schema's own properties, `allOf` parts merged. */
export function objectSchema(
	spec: SpecDocument,
	schema: SchemaObject,
): { properties: Record<string, SchemaObject>; required: string[] } {
	const s = deref(spec, schema);
	const properties: Record<string, SchemaObject> = {};
	const required: string[] = [...(s.required ?? [])];
	for (const part of s.allOf ?? []) {
		const inner = objectSchema(spec, part);
		Object.assign(properties, inner.properties);
		required.push(...inner.required);
	}
	for (const [key, value] of Object.entries(s.properties ?? {}))
		properties[key] = deref(spec, value);
	return { properties, required };
}

export function findOperation(spec: SpecDocument, operationId: string): SpecOperation {
	for (const [path, item] of Object.entries(spec.paths)) {
		const shared = ((item.parameters as ParameterObject[] | undefined) ?? []).map((p) =>
			deref(spec, p),
		);
		for (const [method, raw] of Object.entries(item)) {
			if (method === 'parameters') continue;
			const op = raw as OperationObject;
			if (op.operationId !== operationId) continue;
			const fields: SpecField[] = [];
			const seen = new Set<string>();
			for (const p of [...shared, ...(op.parameters ?? []).map((x) => deref(spec, x))]) {
				const key = `${p.in}:${p.name}`;
				if (seen.has(key) || p.in === 'header') continue;
				seen.add(key);
				fields.push({
					name: p.name,
					in: p.in,
					required: !!p.required,
					description: p.description ?? '',
					schema: deref(spec, p.schema ?? {}),
				});
			}
			const body = op.requestBody ? deref(spec, op.requestBody) : undefined;
			const contentTypes = Object.keys(body?.content ?? {});
			if (body && contentTypes.length) {
				const { properties, required } = objectSchema(spec, body.content[contentTypes[0]].schema);
				for (const [name, schema] of Object.entries(properties)) {
					fields.push({
						name,
						in: 'body',
						required: required.includes(name),
						description: schema.description ?? '',
						schema,
					});
					const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
					if (type === 'object' && schema.properties) {
						const inner = objectSchema(spec, schema);
						for (const [childName, child] of Object.entries(inner.properties)) {
							fields.push({
								name: childName,
								in: 'body',
								required: inner.required.includes(childName),
								description: child.description ?? '',
								schema: child,
								parent: name,
							});
						}
					}
				}
			}
			return {
				operationId,
				method: method.toUpperCase(),
				path,
				summary: op.summary ?? '',
				fields,
				bodyRequired: !!body?.required,
				contentTypes,
			};
		}
	}
	throw new Error(`operationId ${operationId} is not in the spec`);
}

/** Every operation of the spec, for coverage checks. */
export function allOperations(
	spec: SpecDocument,
): Array<{ operationId: string; method: string; path: string }> {
	const out: Array<{ operationId: string; method: string; path: string }> = [];
	for (const [path, item] of Object.entries(spec.paths)) {
		for (const [method, raw] of Object.entries(item)) {
			if (method === 'parameters') continue;
			out.push({
				operationId: (raw as OperationObject).operationId,
				method: method.toUpperCase(),
				path,
			});
		}
	}
	return out;
}
