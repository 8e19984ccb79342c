import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

import type { ApiClient } from '../../../shared/client';
import type { BatchRunContext } from '../../../shared/operation';
import type { RequestSpec } from '../../../shared/types';
import { invalidInputError } from '../../../shared/validate';
import { CsvBuilder, csvFileProblem, csvLine } from './csv';
import {
	addCounters,
	compact,
	type DavintooUser,
	emptyCounters,
	flatUserProperties,
	type ImportCounters,
	optionalFields,
	readCounters,
	requiredFields,
} from './fields';
import type { Normaliser } from './values';
import type { ImportManySettings } from './importMany';

const ECHO = { resource: 'user', operation: 'importMany' };

type Checked = { ok: true; user: DavintooUser } | { ok: false; issues: z.ZodIssue[] };

const FIELDS: Record<string, Normaliser> = { ...requiredFields, ...optionalFields };
const REQUIRED = Object.keys(requiredFields);

/**
 * One input item's JSON as a user, fields named as the API names them. Plain functions, not
 * zod, check the fields the item has: with 100,000 items a zod parse per item costs minutes.
 */
export function checkUserItem(json: IDataObject, ignoreUnknown: boolean): Checked {
	const user: Record<string, unknown> = {};
	const issues: z.ZodIssue[] = [];
	const take = (key: string, normalise: Normaliser) => {
		const r = normalise(json[key]);
		if ('error' in r) issues.push({ code: 'custom', path: [key], message: r.error });
		else if (r.value !== undefined) user[key] = r.value;
	};
	for (const key of REQUIRED) take(key, FIELDS[key]);
	for (const key of Object.keys(json)) {
		if (REQUIRED.includes(key)) continue;
		const normalise = FIELDS[key];
		if (normalise) take(key, normalise);
		else if (!ignoreUnknown) {
			issues.push({
				code: 'custom',
				path: [key],
				message: `is not a Davintoo user field (use the API names: ${REQUIRED.join(', ')}, …), or turn on Ignore Unknown Fields`,
			});
		}
	}
	return issues.length ? { ok: false, issues } : { ok: true, user: user as DavintooUser };
}

const paired = (indexes: number[]) => indexes.map((item) => ({ item }));

/** The result json, wrapped with the request echo when "Include Request Details" is on. */
function result(ctx: BatchRunContext, json: IDataObject): IDataObject {
	const request = ctx.api.lastSent();
	if (!ctx.options.includeRequestDetails) return json;
	return { request: request ?? null, ...ECHO, success: true, data: json };
}

/** Any failure as an n8n error; for a multi-request import, says which part failed and that earlier parts went through. */
function nodeError(
	ctx: BatchRunContext,
	error: unknown,
	firstItem: number,
	where?: string,
): NodeApiError | NodeOperationError {
	const wrapped =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.n8n.getNode(), error instanceof Error ? error : String(error), { itemIndex: firstItem });
	wrapped.context.itemIndex = firstItem;
	if (where) wrapped.description = [wrapped.description, where].filter(Boolean).join(' — ');
	return wrapped;
}

const csvSpec = (data: Buffer | Buffer[], filename: string): RequestSpec => ({
	method: 'POST',
	path: '/users-import/csv',
	multipart: { files: [{ field: 'file', filename, contentType: 'text/csv', data }] },
	// The same full file twice leaves the portal in the same state: safe to send again.
	idempotent: true,
});

async function dryRunJson(api: ApiClient, spec: RequestSpec, extra: IDataObject): Promise<IDataObject> {
	return { dryRun: true, ...ECHO, ...extra, requests: [await api.echo(spec)] };
}

export async function runImportMany(ctx: BatchRunContext): Promise<INodeExecutionData[]> {
	const first = await ctx.parseItem(0);
	if (!first.ok) throw first.error;
	const settings = first.input as ImportManySettings;
	if (settings.source === 'binary') return await importFiles(ctx, settings);

	const items = ctx.n8n.getInputData();
	const all = items.map((_, i) => i);
	if (settings.source === 'csvFromItems' && !settings.confirmBlockMissing && !ctx.options.dryRun) {
		const error = new NodeOperationError(
			ctx.n8n.getNode(),
			`Building one CSV from these ${items.length} items makes the portal block every user who is not among them. Turn on "Confirm: Block Every Portal User Missing From the Input" if the items are all of the portal's users, or use Source "Input Items (JSON Batches)" for a partial list.`,
			{ itemIndex: 0, description: 'Nothing was sent.' },
		);
		if (!ctx.continueOnFail) throw error;
		return [ctx.errorItem(error, all)];
	}

	// First pass: find invalid items, so that without continueOnFail nothing is sent at all.
	const out: INodeExecutionData[] = [];
	const valid: number[] = [];
	const csv = settings.source === 'csvFromItems' ? new CsvBuilder() : undefined;
	const preview = csv && ctx.options.dryRun ? new CsvBuilder() : undefined;
	for (const i of all) {
		const checked = checkUserItem(items[i].json, settings.ignoreUnknownFields);
		let issues = checked.ok ? undefined : checked.issues;
		if (checked.ok && csv) {
			const line = csvLine(checked.user);
			if ('issues' in line) issues = line.issues;
			else {
				csv.add(line.line);
				if (preview) {
					const masked = csvLine(checked.user, true);
					if ('line' in masked) preview.add(masked.line);
				}
			}
		}
		if (!issues) {
			valid.push(i);
			continue;
		}
		const error = invalidInputError(ctx.n8n.getNode(), i, flatUserProperties, issues);
		if (!ctx.continueOnFail) throw error;
		out.push(ctx.errorItem(error, [i]));
	}
	if (valid.length === 0) return out;
	if (csv) {
		out.push(...(await sendCsv(ctx, csv.toParts(), valid, preview)));
		return out;
	}
	out.push(...(await sendJsonChunks(ctx, settings, valid)));
	return out;
}

/** The users in chunks of Batch Size; each chunk is re-read from its items, not kept from the first pass. */
async function sendJsonChunks(ctx: BatchRunContext, settings: ImportManySettings, valid: number[]): Promise<INodeExecutionData[]> {
	const items = ctx.n8n.getInputData();
	const out: INodeExecutionData[] = [];
	const chunks = Math.ceil(valid.length / settings.batchSize);
	const total: ImportCounters & { users: number } = { users: 0, ...emptyCounters() };
	for (let c = 0; c < chunks; c++) {
		const indexes = valid.slice(c * settings.batchSize, (c + 1) * settings.batchSize);
		const users = indexes.map((i) => {
			const checked = checkUserItem(items[i].json, settings.ignoreUnknownFields);
			return compact((checked as { user: DavintooUser }).user);
		});
		// Upserts by uid: a chunk whose answer was lost can be sent again without duplicates.
		const spec: RequestSpec = { method: 'POST', path: '/users-import/batch', body: users, idempotent: true };
		const place = { chunk: c + 1, chunks, users: indexes.length };
		if (ctx.options.dryRun) {
			out.push({ json: await dryRunJson(ctx.api, spec, place), pairedItem: paired(indexes) });
			continue;
		}
		try {
			const counters = readCounters(await ctx.api.request(spec));
			addCounters(total, counters);
			total.users += indexes.length;
			out.push({ json: result(ctx, { ...place, ...counters, total: { ...total } }), pairedItem: paired(indexes) });
		} catch (error) {
			const where = `Chunk ${c + 1} of ${chunks} (items ${indexes[0]}–${indexes[indexes.length - 1]})${c > 0 ? '; the chunks before it were imported' : ''}`;
			const failure = nodeError(ctx, error, indexes[0], where);
			if (!ctx.continueOnFail) throw failure;
			out.push(ctx.errorItem(failure, indexes));
		}
	}
	return out;
}

async function sendCsv(
	ctx: BatchRunContext,
	data: Buffer | Buffer[],
	indexes: number[],
	preview: CsvBuilder | undefined,
): Promise<INodeExecutionData[]> {
	const spec = csvSpec(data, 'users.csv');
	const place = { file: 1, files: 1, users: indexes.length, bytes: Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.length };
	if (preview) {
		const binary = await ctx.n8n.helpers.prepareBinaryData(preview.toBuffer(), 'users.csv', 'text/csv');
		const json = await dryRunJson(ctx.api, spec, place);
		json.note = 'The CSV that would be sent is in the binary field "data" (passwords shown as ***).';
		return [{ json, binary: { data: binary }, pairedItem: paired(indexes) }];
	}
	try {
		const counters = readCounters(await ctx.api.request(spec));
		return [{ json: result(ctx, { ...place, ...counters, total: { users: indexes.length, ...counters } }), pairedItem: paired(indexes) }];
	} catch (error) {
		const failure = nodeError(ctx, error, indexes[0]);
		if (!ctx.continueOnFail) throw failure;
		return [ctx.errorItem(failure, indexes)];
	}
}

/** One ready CSV file per input item, each sent as it is. */
async function importFiles(ctx: BatchRunContext, settings: ImportManySettings): Promise<INodeExecutionData[]> {
	const items = ctx.n8n.getInputData();
	const node = ctx.n8n.getNode();
	const out: INodeExecutionData[] = [];
	const total = emptyCounters();
	for (let i = 0; i < items.length; i++) {
		try {
			const meta = ctx.n8n.helpers.assertBinaryData(i, settings.binaryPropertyName);
			const data = await ctx.n8n.helpers.getBinaryDataBuffer(i, settings.binaryPropertyName);
			const problem = csvFileProblem(data);
			if (problem) {
				throw new NodeOperationError(node, `Item ${i}: CSV file (binary property "${settings.binaryPropertyName}"): ${problem}`, {
					itemIndex: i,
					description: 'Nothing was sent.',
				});
			}
			const fileName = meta.fileName ?? 'users.csv';
			const spec = csvSpec(data, fileName);
			const place = { file: i + 1, files: items.length, fileName, bytes: data.length };
			if (ctx.options.dryRun) {
				out.push({ json: await dryRunJson(ctx.api, spec, place), pairedItem: { item: i } });
				continue;
			}
			const counters = readCounters(await ctx.api.request(spec));
			addCounters(total, counters);
			out.push({ json: result(ctx, { ...place, ...counters, total: { ...total } }), pairedItem: { item: i } });
		} catch (error) {
			const where = i > 0 ? `File ${i + 1} of ${items.length}; the files before it were imported` : undefined;
			const failure = nodeError(ctx, error, i, where);
			if (!ctx.continueOnFail) throw failure;
			out.push(ctx.errorItem(failure, [i]));
		}
	}
	return out;
}
