import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { z } from 'zod';

import type { ParameterReader } from '../parameters';
import { type Bulk, bulkRunner } from '../patterns/bulk';
import {
	collectPages,
	firstPage,
	type Paging,
	pagingSchema,
	type PagingValues,
	withPagingProperties,
} from '../patterns/paging';
import {
	planReadThenWrite,
	type ReadThenWrite,
	runReadThenWrite,
} from '../patterns/read-then-write';
import { type Sync, syncProperties, syncSettingsSchema } from '../patterns/sync';
import { lookupFor, runUpsert, type Upsert } from '../patterns/upsert';
import type { RequestSpec } from '../types';
import { asObject, toResults } from './results';
import type { Operation, OperationContext, OperationKind, ParseOutcome, ResultLike } from './types';

/**
 * One operation as data. Exactly one of the ways below says how it is carried out; the shared
 * core does everything else (validation, retries, lookups, paging, Dry Run, output, errors).
 */
export interface OperationDefinition<S extends z.ZodTypeAny, V = unknown> {
	resource: string;
	operation: string;
	/** Shown in the Operation dropdown. */
	name: string;
	action: string;
	description: string;
	/** This operation's parameters; display options for resource + operation are added for you. */
	properties: INodeProperties[];
	/** Validates and normalises the assembled parameters. */
	input: S;
	/** Reads the parameters for an item; by default each top-level property by name. `n8n` is there for binary data. */
	params?: (
		read: ParameterReader,
		itemIndex: number,
		n8n?: IExecuteFunctions,
	) => IDataObject | Promise<IDataObject>;

	/** One request per item. */
	request?: (input: z.output<S>) => RequestSpec;
	output?: (response: unknown, input: z.output<S>) => ResultLike;
	/** A fixed sequence of requests per item. */
	requests?: (input: z.output<S>) => RequestSpec[];
	sequenceOutput?: (bodies: unknown[], input: z.output<S>) => ResultLike;
	/** A list: Return All / Limit are added and done by the core. */
	paging?: Paging<z.output<S>>;
	/** Find, then create / update / leave alone. */
	upsert?: Upsert<z.output<S>, IDataObject>;
	/** Read the current record, then write. */
	readThenWrite?: ReadThenWrite<z.output<S>, IDataObject>;
	/** Many input items per request; `input` then holds the run's settings (read from item 0). */
	bulk?: Bulk<z.output<S>, V>;
	/** All input items are the desired set: plan, then (Apply) create / update / remove. `defaultKey` names the usual match key. */
	sync?: Sync<z.output<S>, IDataObject> & { defaultKey: string };
	/** Custom steps, only where an API truly needs them; `why` says why in one line. */
	run?: {
		why: string;
		steps: (input: z.output<S>, ctx: OperationContext) => Promise<ResultLike>;
		plan: (input: z.output<S>) => RequestSpec[];
	};
}

const KINDS: OperationKind[] = [
	'request',
	'requests',
	'paging',
	'upsert',
	'readThenWrite',
	'bulk',
	'sync',
	'run',
];

interface PagedInput {
	value: unknown;
	paging: PagingValues;
}

export function defineOperation<S extends z.ZodTypeAny, V = unknown>(
	def: OperationDefinition<S, V>,
): Operation {
	const given = KINDS.filter((k) => def[k] !== undefined);
	if (given.length !== 1) {
		throw new Error(
			`Operation ${def.resource}.${def.operation} needs exactly one of ${KINDS.join(', ')} (has ${given.join(', ') || 'none'})`,
		);
	}
	const kind = given[0];
	type In = z.output<S>;
	const properties = def.paging
		? withPagingProperties(def.properties, def.paging.what)
		: def.sync
			? [...syncProperties(def.sync, def.sync.defaultKey), ...def.properties]
			: def.properties;
	const topLevel = properties
		.filter((p) => p.type !== 'notice')
		.map((p) => ({ name: p.name, fallback: p.default }));

	const parse = (raw: IDataObject): ParseOutcome => {
		const result = def.input.safeParse(raw);
		if (def.sync) {
			const settings = syncSettingsSchema.safeParse(raw);
			const issues = [
				...(result.success ? [] : result.error.issues),
				...(settings.success ? [] : settings.error.issues),
			];
			if (issues.length || !result.success || !settings.success) return { ok: false, issues };
			return { ok: true, input: { value: result.data, settings: settings.data } };
		}
		if (!def.paging)
			return result.success
				? { ok: true, input: result.data }
				: { ok: false, issues: result.error.issues };
		const paging = pagingSchema.safeParse(raw);
		const issues = [
			...(result.success ? [] : result.error.issues),
			...(paging.success ? [] : paging.error.issues),
		];
		if (issues.length || !result.success || !paging.success) return { ok: false, issues };
		return { ok: true, input: { value: result.data, paging: paging.data } satisfies PagedInput };
	};

	const execute: Operation['execute'] = async (input, ctx) => {
		const { api } = ctx;
		switch (kind) {
			case 'request': {
				const typed = input as In;
				const response = await api.request((def.request as NonNullable<typeof def.request>)(typed));
				return toResults(def.output ? def.output(response, typed) : asObject(response));
			}
			case 'requests': {
				const typed = input as In;
				const bodies: unknown[] = [];
				for (const spec of (def.requests as NonNullable<typeof def.requests>)(typed))
					bodies.push(await api.request(spec));
				return toResults(
					def.sequenceOutput
						? def.sequenceOutput(bodies, typed)
						: asObject(bodies[bodies.length - 1]),
				);
			}
			case 'paging': {
				const { value, paging } = input as PagedInput;
				const items = await collectPages(api, def.paging as Paging<In>, value as In, paging);
				return items.map((json) => ({ json }));
			}
			case 'upsert':
				return [await runUpsert(def.upsert as Upsert<In, IDataObject>, input as In, api)];
			case 'readThenWrite':
				return await runReadThenWrite(
					def.readThenWrite as ReadThenWrite<In, IDataObject>,
					input as In,
					api,
				);
			case 'run':
				return toResults(await (def.run as NonNullable<typeof def.run>).steps(input as In, ctx));
			case 'bulk':
			case 'sync':
				throw new Error('Bulk and sync operations are run by the runner over all items');
		}
	};

	const plan = (input: unknown): RequestSpec[] => {
		switch (kind) {
			case 'request':
				return [(def.request as NonNullable<typeof def.request>)(input as In)];
			case 'requests':
				return (def.requests as NonNullable<typeof def.requests>)(input as In);
			case 'paging': {
				const { value, paging } = input as PagedInput;
				const spec = def.paging as Paging<In>;
				return [spec.request(value as In, firstPage(spec, value as In, paging))];
			}
			case 'upsert':
				return [lookupFor((def.upsert as Upsert<In, IDataObject>).find, input as In).request];
			case 'readThenWrite':
				return planReadThenWrite(def.readThenWrite as ReadThenWrite<In, IDataObject>, input as In);
			case 'run':
				return (def.run as NonNullable<typeof def.run>).plan(input as In);
			case 'bulk':
				return [];
			case 'sync': {
				const { value } = input as PagedInput;
				const list = (def.sync as NonNullable<typeof def.sync>).list;
				return [
					list.request(value as In, firstPage(list, value as In, { returnAll: true, limit: 1 })),
				];
			}
		}
	};

	return {
		resource: def.resource,
		operation: def.operation,
		name: def.name,
		action: def.action,
		description: def.description,
		properties,
		kind,
		async readParams(read, itemIndex, n8n) {
			if (def.params) return await def.params(read, itemIndex, n8n);
			const raw: IDataObject = {};
			for (const { name, fallback } of topLevel) {
				// Hidden parameters (e.g. Limit when Return All is on) answer with their default.
				const value = read(name, itemIndex, fallback);
				if (value !== undefined) raw[name] = value as IDataObject[keyof IDataObject];
			}
			return raw;
		},
		parse,
		execute,
		plan,
		planNote:
			kind === 'upsert'
				? 'This operation looks the record up first; whether it then creates, updates or leaves it depends on the answer, so a dry run sends nothing and lists only the lookup.'
				: kind === 'sync'
					? 'A sync lists what exists first and plans from the answer; a dry run sends nothing and lists only the first list request. Mode "Plan Only" shows the whole plan.'
					: undefined,
		bulk: def.bulk ? bulkRunner(def.bulk) : undefined,
		sync: def.sync
			? {
					sync: def.sync as unknown as Sync<unknown, IDataObject>,
					split: (parsed) => {
						const { value, settings } = parsed as {
							value: unknown;
							settings: z.output<typeof syncSettingsSchema>;
						};
						return { input: value, settings };
					},
				}
			: undefined,
	};
}
