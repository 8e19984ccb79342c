/**
 * Checks requests (as the sandbox logged them) against an OpenAPI 3 document: the operation by
 * method and path, path parameter types, query parameters (known, required, typed, enums) and
 * the JSON or form body against the request schema (known keys, required, types, enums).
 * Deviations the server accepts are allowed one by one through `Errata`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { LoggedRequest } from '../sandbox/types';

interface Schema {
	type?: string | string[];
	enum?: unknown[];
	items?: Schema;
	properties?: Record<string, Schema>;
	required?: string[];
	allOf?: Schema[];
	$ref?: string;
}

interface Parameter {
	name: string;
	in: string;
	required?: boolean;
	schema?: Schema;
	$ref?: string;
}

interface OperationObject {
	operationId: string;
	parameters?: Parameter[];
	requestBody?: { required?: boolean; content: Record<string, { schema: Schema }>; $ref?: string };
}

interface Document {
	paths: Record<string, Record<string, unknown>>;
}

export interface SpecOperation {
	operationId: string;
	method: string;
	path: string;
	regex: RegExp;
	literalSegments: number;
	params: Parameter[];
	body?: { required: boolean; schema: Schema; contentTypes: string[] };
}

/** What the server accepts beyond the spec, per operationId. */
export interface Erratum {
	/** Why, in one line (the server file that says so). */
	why: string;
	/** Query keys the server reads that the spec does not list. */
	extraQuery?: string[];
	/** Body keys (dotted for nested) the server reads that the spec does not list. */
	extraBody?: string[];
	/** Body keys the spec requires that the server does not. */
	notRequired?: string[];
	/** Extra enum values the server accepts, by body key. */
	extraEnum?: Record<string, unknown[]>;
	/** Body keys whose type differs from the spec (the server's type). */
	types?: Record<string, string[]>;
	/** The body may come as multipart/form-data (values as text; files under these fields). */
	multipart?: string[];
}

export type Errata = Record<string, Erratum>;

export interface CheckResult {
	operationId?: string;
	problems: string[];
	/** Errata entries that made a difference. */
	used: string[];
}

export class OpenApiChecker {
	readonly operations: SpecOperation[] = [];

	constructor(
		private readonly doc: Document & Record<string, unknown>,
		private readonly errata: Errata = {},
	) {
		for (const [path, item] of Object.entries(doc.paths)) {
			const shared = ((item.parameters as Parameter[] | undefined) ?? []).map((p) => this.deref(p));
			for (const [method, raw] of Object.entries(item)) {
				if (method === 'parameters') continue;
				const op = raw as OperationObject;
				const params = [...shared, ...(op.parameters ?? []).map((p) => this.deref(p))];
				const body = op.requestBody ? this.deref(op.requestBody) : undefined;
				const contentTypes = Object.keys(body?.content ?? {});
				const pattern = path.replace(/\{(\w+)\}/g, '([^/]+)');
				this.operations.push({
					operationId: op.operationId,
					method: method.toUpperCase(),
					path,
					regex: new RegExp(`^${pattern}$`),
					literalSegments: path.split('/').filter((s) => s && !s.startsWith('{')).length,
					params,
					body:
						body && contentTypes.length
							? {
									required: !!body.required,
									schema: this.deref(body.content[contentTypes[0]].schema),
									contentTypes,
								}
							: undefined,
				});
			}
		}
	}

	static fromFile(file: string, errata: Errata = {}): OpenApiChecker {
		return new OpenApiChecker(
			JSON.parse(readFileSync(file, 'utf8')) as Document & Record<string, unknown>,
			errata,
		);
	}

	private deref<T extends { $ref?: string }>(value: T): T {
		let current = value;
		for (let i = 0; current?.$ref && i < 10; i++) {
			let target: unknown = this.doc;
			for (const part of current.$ref.split('/').slice(1))
				target = (target as Record<string, unknown>)[part];
			current = target as T;
		}
		return current;
	}

	/** The spec operation a request is, preferring literal segments (`/contacts/search` over `/contacts/{id}`). */
	match(method: string, path: string): SpecOperation | undefined {
		return this.operations
			.filter((o) => o.method === method && o.regex.test(path))
			.sort((a, b) => b.literalSegments - a.literalSegments)[0];
	}

	check(
		request: Pick<LoggedRequest, 'method' | 'path' | 'query' | 'body' | 'headers'>,
	): CheckResult {
		const op = this.match(request.method, request.path);
		if (!op)
			return {
				problems: [`${request.method} ${request.path} is not an operation of the spec`],
				used: [],
			};
		const erratum = this.errata[op.operationId];
		const used = new Set<string>();
		const problems: string[] = [];
		// Path parameters.
		const values = op.regex.exec(request.path)?.slice(1) ?? [];
		const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
		names.forEach((name, i) => {
			const param = op.params.find((p) => p.in === 'path' && p.name === name);
			const problem = param?.schema
				? this.scalarProblem(decodeURIComponent(values[i]), this.deref(param.schema), true)
				: undefined;
			if (problem) problems.push(`path {${name}}: ${problem}`);
		});
		// Query.
		const query = Object.fromEntries(
			Object.entries(request.query).map(([k, v]) => [k.replace(/\[\]$/, ''), v]),
		);
		for (const [key, value] of Object.entries(query)) {
			const param = op.params.find((p) => p.in === 'query' && p.name === key);
			if (!param) {
				if (erratum?.extraQuery?.includes(key)) used.add(`extraQuery ${key}`);
				else problems.push(`query ${key}: not in the spec`);
				continue;
			}
			const schema = this.deref(param.schema ?? {});
			for (const v of Array.isArray(value) ? value : [value]) {
				const problem = this.scalarProblem(
					v,
					typeOf(schema) === 'array' ? this.deref(schema.items ?? {}) : schema,
					true,
				);
				if (problem) problems.push(`query ${key}: ${problem}`);
			}
		}
		for (const p of op.params)
			if (p.in === 'query' && p.required && !(p.name in query))
				problems.push(`query ${p.name}: required, missing`);
		// Body.
		const contentType = String(request.headers['content-type'] ?? '');
		const multipart = contentType.includes('multipart/form-data');
		const logged = request.body as Record<string, unknown> | undefined;
		const body =
			multipart && logged && typeof logged === 'object' && 'fields' in logged
				? (logged.fields as Record<string, unknown>)
				: logged;
		if (multipart) {
			const files = ((logged?.files as Array<{ field: string }> | undefined) ?? []).map((f) =>
				f.field.replace(/\[\]$/, ''),
			);
			const allowed = erratum?.multipart ?? [];
			if (!op.body?.contentTypes.includes('multipart/form-data') && !allowed.length)
				problems.push('body: multipart, the spec says JSON');
			for (const f of files) {
				if (allowed.includes(f)) used.add(`multipart ${f}`);
				else problems.push(`body: file field ${f} not in the spec`);
			}
		}
		if (!op.body) {
			if (
				body !== undefined &&
				body !== null &&
				!(typeof body === 'object' && Object.keys(body).length === 0)
			)
				problems.push('body: the spec has none');
		} else if (body === undefined || body === null) {
			if (op.body.required && Object.keys(op.body.schema.properties ?? {}).length)
				problems.push('body: required, missing');
		} else {
			this.valueProblems(body, op.body.schema, '', erratum, used, problems, multipart);
		}
		return { operationId: op.operationId, problems, used: [...used] };
	}

	private objectSchema(schema: Schema): { properties: Record<string, Schema>; required: string[] } {
		const s = this.deref(schema);
		const properties: Record<string, Schema> = {};
		const required = [...(s.required ?? [])];
		for (const part of s.allOf ?? []) {
			const inner = this.objectSchema(part);
			Object.assign(properties, inner.properties);
			required.push(...inner.required);
		}
		for (const [k, v] of Object.entries(s.properties ?? {})) properties[k] = this.deref(v);
		return { properties, required };
	}

	private valueProblems(
		value: unknown,
		schema: Schema,
		at: string,
		erratum: Erratum | undefined,
		used: Set<string>,
		problems: string[],
		asText: boolean,
	): void {
		const s = this.deref(schema);
		const types = erratum?.types?.[at] ?? typesOf(s);
		if (erratum?.types?.[at]) used.add(`types ${at}`);
		const type = types[0];
		if (type === 'object' || (s.properties && !types.length) || s.allOf) {
			if (!value || typeof value !== 'object' || Array.isArray(value)) {
				if (!(value === null && types.includes('null')))
					problems.push(`${at || 'body'}: must be an object`);
				return;
			}
			const { properties, required } = this.objectSchema(s);
			const free = Object.keys(properties).length === 0;
			for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
				const path = at ? `${at}.${key}` : key;
				if (!properties[key]) {
					if (free) continue;
					if (erratum?.extraBody?.includes(path)) used.add(`extraBody ${path}`);
					else problems.push(`${path}: not in the spec`);
					continue;
				}
				this.valueProblems(v, properties[key], path, erratum, used, problems, asText);
			}
			for (const key of required) {
				const path = at ? `${at}.${key}` : key;
				if (key in (value as Record<string, unknown>)) continue;
				if (erratum?.notRequired?.includes(path)) used.add(`notRequired ${path}`);
				else problems.push(`${path}: required, missing`);
			}
			return;
		}
		if (type === 'array') {
			if (!Array.isArray(value)) {
				problems.push(`${at}: must be a list`);
				return;
			}
			for (const v of value)
				this.valueProblems(v, s.items ?? {}, `${at}[]`, erratum, used, problems, asText);
			return;
		}
		const problem =
			typeof value === 'string' && asText
				? this.scalarProblem(value, s, true, types)
				: this.scalarProblem(value, s, false, types);
		const extra = erratum?.extraEnum?.[at];
		if (problem && extra?.includes(value)) {
			used.add(`extraEnum ${at}`);
			return;
		}
		if (problem) problems.push(`${at}: ${problem}`);
	}

	/** One value against a scalar schema; `text` values (query, path, form fields) may spell numbers and booleans. */
	private scalarProblem(
		value: unknown,
		schema: Schema,
		text: boolean,
		types = typesOf(schema),
	): string | undefined {
		if (value === null) return types.includes('null') ? undefined : 'must not be null';
		const ok = types.length === 0 || types.some((t) => fits(value, t, text));
		if (!ok) return `${JSON.stringify(value)} is not ${types.join(' or ')}`;
		if (
			schema.enum &&
			!schema.enum.some((e) => e === value || (text && String(e) === String(value)))
		)
			return `${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`;
		return undefined;
	}
}

function typesOf(schema: Schema): string[] {
	return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

function typeOf(schema: Schema): string | undefined {
	return typesOf(schema).find((t) => t !== 'null');
}

function fits(value: unknown, type: string, text: boolean): boolean {
	switch (type) {
		case 'string':
			return typeof value === 'string';
		case 'integer':
			return (
				(typeof value === 'number' && Number.isInteger(value)) ||
				(text && typeof value === 'string' && /^-?\d+$/.test(value))
			);
		case 'number':
			return (
				typeof value === 'number' ||
				(text && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
			);
		case 'boolean':
			return typeof value === 'boolean' || (text && (value === 'true' || value === 'false'));
		case 'object':
			return !!value && typeof value === 'object' && !Array.isArray(value);
		case 'array':
			return Array.isArray(value);
		case 'null':
			return value === null;
		default:
			return true;
	}
}

export const CHATWOOT_SPEC_FILE = join(__dirname, 'chatwoot.swagger.json');
