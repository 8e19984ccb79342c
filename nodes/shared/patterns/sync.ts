import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { isSecretKey, MASK } from '../mask';
import type { RequestSpec } from '../types';
import type { Paging } from './paging';

/**
 * Sync: all input items together are the desired set of records (users). The core lists what
 * exists (list calls only), matches both by a key, and makes a plan — create, update, unchanged,
 * remove, skip — with the fields that would change. "Plan Only" shows it; "Apply" carries it out
 * through the same client as everything else (pace, retries, lookups before re-sending creates,
 * continueOnFail per record). A guard refuses to apply when too much would be removed.
 */
export interface Sync<I, R extends IDataObject> {
	/** What one record is called: "user", "target user", "agent". */
	what: string;
	/** The keys a record can be matched by. */
	keys: Record<string, SyncKey<I, R>>;
	/**
	 * The existing records (the input is item 0's): Return All is implied. Everything listed is
	 * matched against the input, in scope or not, so a wanted record that exists outside the
	 * scope is recognised instead of created twice.
	 */
	list: Paging<I>;
	/**
	 * When the scope is a membership the records do not show (a group, an account), the list of
	 * members: only they are in scope. Its records join `list`'s (by ID).
	 */
	members?: (settings: I) => Paging<I> | undefined;
	/** Records this sync owns (scope filters); the rest are never changed or removed. */
	inScope?: (record: R, settings: I) => boolean;
	/**
	 * How a wanted record that exists outside the scope is brought into it (added to the group,
	 * attached to the account); the field changes are planned as well. `member` says whether the
	 * record is on the members list (always true without one). Without `adopt` (or when it
	 * answers undefined: this one cannot be brought in) such records are skipped, with the reason.
	 */
	adopt?: (
		existing: R,
		desired: I,
		member: boolean,
	) => { changes: FieldChange[]; steps: SyncStep[] } | undefined;
	/** The fields of an existing record that differ from the desired one. */
	changes: (existing: R, desired: I) => FieldChange[];
	/** Steps that make an existing record match (empty: nothing to do). */
	update: (existing: R, desired: I) => SyncStep[];
	/** The create request; `verify` (lookup before re-sending) is required. */
	create: (desired: I) => RequestSpec & { verify: NonNullable<RequestSpec['verify']> };
	/** Steps that need the created record (from the create's answer, or the lookup's find), e.g. attach it to an account. */
	afterCreate?: (created: unknown, desired: I) => SyncStep[];
	/** Fields only a create needs, as [label, value]. */
	requiredToCreate?: (desired: I) => Array<[label: string, value: unknown]>;
	/** What "remove" can mean on this platform, by option value. */
	removals: Record<string, SyncRemoval<I, R>>;
	/** A record's ID and a name people know it by, for the plan. */
	id: (record: R) => string | number;
	name: (record: R) => string;
}

/**
 * One step of carrying out a plan entry: a request, or a request whose answer decides what
 * follows (read the whole record before a PUT that replaces it; attach what a create made).
 */
export type SyncStep = RequestSpec | ChainedStep;

export interface ChainedStep {
	send: RequestSpec;
	/** The steps that follow, from the answer's body (a create's lookup find counts as its answer). */
	then: (answer: unknown) => SyncStep[];
}

export const isChained = (step: SyncStep): step is ChainedStep => 'send' in step;

/** A key value as a record or an input holds it: numbers (IDs) compare as their text. */
export type KeyValue = string | number | null | undefined;

export interface SyncKey<I, R> {
	label: string;
	desired: (input: I) => KeyValue;
	existing: (record: R) => KeyValue;
	/** How the platform compares this key (e.g. emails ignore case). */
	normalise?: (value: string) => string;
}

export interface SyncRemoval<I, R> {
	/** Option label, e.g. "Deactivate (Block)". */
	name: string;
	description: string;
	requests: (existing: R, settings: I) => SyncStep[];
	/** Records this removal has nothing left to do for (e.g. already blocked). */
	alreadyDone?: (existing: R) => boolean;
	/** Why this removal cannot be used with these settings (e.g. no group in the scope); checked before anything is listed. */
	unusable?: (settings: I) => string | undefined;
}

export interface FieldChange {
	field: string;
	before: unknown;
	after: unknown;
}

export type SyncAction = 'create' | 'update' | 'unchanged' | 'remove' | 'skip';

/** One line of the plan. */
export interface PlanEntry<R> {
	action: SyncAction;
	key: string;
	/** The input item it comes from (desired records), if any. */
	item?: number;
	existing?: R;
	desired?: unknown;
	changes: FieldChange[];
	why: string;
	/** What Apply sends for it, in order. */
	requests: SyncStep[];
}

/** The settings every sync shares, read from item 0. */
export const syncSettingsSchema = z.object({
	syncMode: z
		.enum(['plan', 'apply'], { errorMap: () => ({ message: 'must be Plan Only or Apply' }) })
		.default('plan'),
	matchBy: z.string().optional(),
	removeMissing: z.string().default('nothing'),
	maxRemovalPercent: z
		.number({ invalid_type_error: 'must be a number' })
		.min(0, 'must be 0 or more')
		.max(100, 'must be 100 or less')
		.default(10),
});
export type SyncSettings = z.output<typeof syncSettingsSchema>;

/** The parameters the core adds to a sync operation, before its own. */
export function syncProperties<I, R extends IDataObject>(
	sync: Sync<I, R>,
	defaultKey: string,
): INodeProperties[] {
	const keys = Object.entries(sync.keys);
	const props: INodeProperties[] = [
		{
			displayName: 'Mode',
			name: 'syncMode',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Plan Only',
					value: 'plan',
					description: 'Show what would change; send nothing but the list requests',
				},
				{ name: 'Apply', value: 'apply', description: 'Carry the plan out' },
			],
			default: 'plan',
		},
		{
			displayName: `All input items together are the wanted ${sync.what}s: ${sync.what}s missing from them are listed for removal, and removed only if Remove Missing says how and Mode is Apply.`,
			name: 'syncNotice',
			type: 'notice',
			default: '',
		},
	];
	if (keys.length > 1) {
		props.push({
			displayName: 'Match By',
			name: 'matchBy',
			type: 'options',
			noDataExpression: true,
			options: keys.map(([value, k]) => ({ name: k.label, value })),
			default: defaultKey,
			description: `Which field finds the existing ${sync.what} for an input item`,
		});
	}
	props.push(
		{
			displayName: 'Remove Missing',
			name: 'removeMissing',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Do Nothing',
					value: 'nothing',
					description: `Leave ${sync.what}s that are not in the input alone`,
				},
				...Object.entries(sync.removals).map(([value, r]) => ({
					name: r.name,
					value,
					description: r.description,
				})),
			],
			default: 'nothing',
			description: `What happens to ${sync.what}s (in scope) that are not among the input items`,
		},
		{
			displayName: 'Removal Limit (%)',
			name: 'maxRemovalPercent',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100 },
			default: 10,
			description: `Apply is refused when more than this share of the existing ${sync.what}s would be removed (and always when the input holds no ${sync.what} at all). Raise it for a run that really removes many.`,
			displayOptions: { hide: { removeMissing: ['nothing'] } },
		},
	);
	return props;
}

/** Field changes for output: secrets as ***. */
export function maskedChanges(changes: FieldChange[]): FieldChange[] {
	return changes.map((c) =>
		isSecretKey(c.field)
			? { field: c.field, before: c.before === undefined ? undefined : MASK, after: MASK }
			: c,
	);
}

/** "name: Ann → Anna; type: USER → ADMIN", for table views. */
export function changesText(changes: FieldChange[]): string {
	const show = (v: unknown) =>
		v === undefined || v === null || v === ''
			? '(empty)'
			: typeof v === 'object'
				? JSON.stringify(v)
				: String(v);
	return maskedChanges(changes)
		.map((c) => `${c.field}: ${show(c.before)} → ${show(c.after)}`)
		.join('; ');
}
