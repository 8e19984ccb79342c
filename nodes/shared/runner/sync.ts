import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ApiClient } from '../client/api-client';
import type { RunContext } from '../client/context';
import { maskDeep } from '../mask';
import type { Operation } from '../operation/types';
import { readRequestOptions, type RunOptions } from '../options';
import {
	changesText,
	isChained,
	maskedChanges,
	type PlanEntry,
	type Sync,
	type SyncSettings,
	type SyncStep,
} from '../patterns/sync';
import { type Desired, makePlan } from '../patterns/sync-plan';
import { invalidInputError } from '../validate';
import { shape, toNodeError } from './output';
import { runUnits, type Tally } from './schedule';
import { listEverything } from './sync-list';
import { RunStopped } from '../pace/send-queue';

/** What the runner needs of a sync operation (type-erased). */
export interface SyncRunner {
	sync: Sync<unknown, IDataObject>;
	/** Splits a parsed item into the operation's input and the shared sync settings. */
	split: (parsed: unknown) => { input: unknown; settings: SyncSettings };
}

const RESULT: Record<string, string> = {
	create: 'created',
	update: 'updated',
	remove: 'removed',
	unchanged: 'unchanged',
	skip: 'skipped',
};
/** Plan Only counts what Apply would do. */
const PLANNED: Record<string, string> = {
	create: 'toCreate',
	update: 'toUpdate',
	remove: 'toRemove',
	unchanged: 'unchanged',
	skip: 'skipped',
};

/**
 * A sync over all input items: read and check every item, list what exists (list calls only),
 * plan, then — in Apply mode, and only if the guard allows — carry the plan out entry by entry
 * through the pool.
 */
export async function runSync(
	run: RunContext,
	operation: Operation,
	runOptions: RunOptions,
	tally: Tally,
	continueOnFail: boolean,
): Promise<INodeExecutionData[]> {
	const { n8n } = run;
	const node = n8n.getNode();
	const { sync, split } = operation.sync as SyncRunner;
	const itemCount = n8n.getInputData().length;
	const first = operation.parse(await operation.readParams(run.read, 0));
	if (
		!first.ok &&
		first.issues.some((i) =>
			['syncMode', 'matchBy', 'removeMissing', 'maxRemovalPercent'].includes(String(i.path[0])),
		)
	) {
		throw invalidInputError(node, 0, operation.properties, first.issues);
	}
	const desired: Array<Desired<unknown>> = [];
	let base: { input: unknown; settings: SyncSettings } | undefined;
	for (let item = 0; item < itemCount; item++) {
		const parsed = item === 0 ? first : operation.parse(await operation.readParams(run.read, item));
		if (parsed.ok) {
			const { input, settings } = split(parsed.input);
			base ??= { input, settings };
			desired.push({ item, input });
		} else {
			desired.push({
				item,
				problem: invalidInputError(node, item, operation.properties, parsed.issues).message.replace(
					/^Item \d+: /,
					'',
				),
			});
		}
	}
	const options = readRequestOptions(run.read, 0);
	if (!base) {
		// No item is usable: nothing to plan against, and nothing may be removed.
		throw new NodeOperationError(
			node,
			`No input item is a usable ${sync.what}: ${desired[0]?.problem ?? 'there are no input items'}`,
			{
				itemIndex: 0,
				description:
					'A sync with an empty desired set would remove everyone, so it is refused. Nothing was sent.',
			},
		);
	}
	const { settings } = base;
	const removalProblem = unusableRemoval(sync, settings, base.input);
	if (removalProblem)
		throw new NodeOperationError(node, removalProblem, {
			itemIndex: 0,
			description: 'Nothing was sent.',
		});
	const api = new ApiClient(run, 0, operation.resource, options);
	const { records, inScope, member } = await listRecords(api, sync, base.input, run);
	const plan = makePlan(sync, settings, base.input, desired, records, inScope, member);
	const apply = settings.syncMode === 'apply' && !options.dryRun;
	if (apply && plan.refusal)
		throw new NodeOperationError(node, plan.refusal, {
			itemIndex: 0,
			description: planNumbers(plan.entries),
		});

	const row = (entry: PlanEntry<IDataObject>, result?: IDataObject): INodeExecutionData => {
		const json: IDataObject = {
			action: entry.action,
			key: entry.key,
			id: entry.existing ? sync.id(entry.existing) : null,
			name: entry.existing ? sync.name(entry.existing) : null,
			changes: changesText(entry.changes),
			fields: maskedChanges(entry.changes).map((c) => ({
				field: c.field,
				before: c.before ?? null,
				after: c.after ?? null,
			})) as IDataObject[],
			why: entry.why,
			...result,
		};
		return { json: maskDeep(json, run.credentials.secrets), pairedItem: { item: entry.item ?? 0 } };
	};
	tally.add('existing', plan.existing);
	if (!apply) {
		for (const e of plan.entries) tally.add(PLANNED[e.action]);
		tally.add('succeeded', itemCount);
		return [...plan.entries.map((e) => row(e)), ...(plan.refusal ? [guardRow(plan.refusal)] : [])];
	}

	// Changes with no item of their own (removals) stand after every item when the run stops.
	const units = plan.entries.map((entry, i) => ({
		items: [entry.item ?? 0],
		order: entry.item ?? itemCount + i,
		entry,
	}));
	return await runUnits(units, runOptions, run.concurrency, !continueOnFail, async (unit) => {
		const { entry } = unit;
		if (entry.requests.length === 0) {
			tally.add(RESULT[entry.action]);
			if (entry.item !== undefined) tally.add('succeeded');
			return [row(entry, { result: RESULT[entry.action] })];
		}
		const client = new ApiClient(run, entry.item ?? 0, operation.resource, options, unit.order);
		try {
			for (const step of entry.requests) await carryOut(client, step);
			tally.add(RESULT[entry.action]);
			if (entry.item !== undefined) tally.add('succeeded');
			const out = row(entry, { result: RESULT[entry.action] });
			if (options.includeRequestDetails)
				out.json = shape({ json: out.json }, operation, client, true);
			return [out];
		} catch (error) {
			// Not sent because a change before it failed: the run ends with that failure.
			if (error instanceof RunStopped) return [];
			tally.add('failed');
			const nodeError = toNodeError(n8n, error, entry.item ?? 0, run.credentials.secrets);
			if (!continueOnFail) throw nodeError;
			return [row(entry, { result: 'failed', error: nodeError.message })];
		}
	});
}

/** One step, and the steps that follow from its answer. */
async function carryOut(client: ApiClient, step: SyncStep): Promise<void> {
	if (!isChained(step)) {
		await client.request(step);
		return;
	}
	const answer = await client.request(step.send);
	for (const next of step.then(answer)) await carryOut(client, next);
}

/**
 * Everything the list shows, plus the members list when the scope is a membership; a record is
 * in scope when it is a member (if there is such a list) and passes the scope filters.
 */
async function listRecords(
	api: ApiClient,
	sync: Sync<unknown, IDataObject>,
	input: unknown,
	run: RunContext,
): Promise<{
	records: IDataObject[];
	inScope: (record: IDataObject) => boolean;
	member: (record: IDataObject) => boolean;
}> {
	const all = await listEverything(api, sync.list, input, run.concurrency);
	const membersPaging = sync.members?.(input);
	const members = membersPaging
		? await listEverything(api, membersPaging, input, run.concurrency)
		: undefined;
	// By ID, once: a record that moved between pages while they were read is not two records.
	const byId = new Map<string, IDataObject>();
	for (const record of [...all, ...(members ?? [])]) {
		const id = String(sync.id(record));
		if (!byId.has(id)) byId.set(id, record);
	}
	const records = [...byId.values()];
	const memberIds = new Set((members ?? []).map((m) => String(sync.id(m))));
	const member = (record: IDataObject) => !members || memberIds.has(String(sync.id(record)));
	const inScope = (record: IDataObject) =>
		member(record) && (!sync.inScope || sync.inScope(record, input));
	return { records, inScope, member };
}

/** A Match By or Remove Missing choice this platform does not have, or cannot carry out with these settings. */
function unusableRemoval(
	sync: Sync<unknown, IDataObject>,
	settings: SyncSettings,
	input: unknown,
): string | undefined {
	if (settings.matchBy && !sync.keys[settings.matchBy]) {
		return `Match By (matchBy): "${settings.matchBy}" is not one of ${Object.keys(sync.keys).join(', ')}`;
	}
	if (settings.removeMissing === 'nothing') return undefined;
	const removal = sync.removals[settings.removeMissing];
	if (!removal) {
		const known = ['nothing', ...Object.keys(sync.removals)].join(', ');
		return `Remove Missing (removeMissing): "${settings.removeMissing}" is not one of ${known}`;
	}
	const problem = removal.unusable?.(input);
	return problem ? `Remove Missing "${removal.name}": ${problem}` : undefined;
}

function planNumbers(entries: Array<PlanEntry<IDataObject>>): string {
	const count = (a: string) => entries.filter((e) => e.action === a).length;
	return `Plan: ${count('create')} to create, ${count('update')} to update, ${count('unchanged')} unchanged, ${count('remove')} to remove, ${count('skip')} skipped.`;
}

/** In Plan Only mode the guard's verdict is part of the plan. */
function guardRow(refusal: string): INodeExecutionData {
	return {
		json: {
			action: 'refused',
			key: '',
			id: null,
			name: null,
			changes: '',
			fields: [],
			why: refusal.replace(/ Nothing was sent\.$/, ''),
		},
		pairedItem: { item: 0 },
	};
}
