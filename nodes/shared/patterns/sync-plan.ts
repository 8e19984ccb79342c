import type { IDataObject } from 'n8n-workflow';

import type { KeyValue, PlanEntry, Sync, SyncSettings, SyncStep } from './sync';

/** A desired record as read from one input item: its input, or why it cannot be used. */
export interface Desired<I> {
	item: number;
	input?: I;
	problem?: string;
}

export interface Plan<R> {
	entries: Array<PlanEntry<R>>;
	existing: number;
	valid: number;
	removals: number;
	/** Why Apply must not run, or undefined. */
	refusal?: string;
}

/** A key value as text ('' when there is none). */
const keyText = (v: KeyValue): string => (v === null || v === undefined ? '' : String(v));

/**
 * The plan: pure, from the desired records and the existing ones. Every desired record and every
 * existing one in scope appears once; records outside the scope appear only when the input wants
 * them (brought in by `adopt`, or skipped).
 */
export function makePlan<I, R extends IDataObject>(
	sync: Sync<I, R>,
	settings: SyncSettings,
	base: I,
	desired: Array<Desired<I>>,
	listed: R[],
	inScope: (record: R) => boolean = () => true,
	member: (record: R) => boolean = () => true,
): Plan<R> {
	const keyName =
		settings.matchBy && sync.keys[settings.matchBy] ? settings.matchBy : Object.keys(sync.keys)[0];
	const key = sync.keys[keyName];
	const norm = (v: string) => (key.normalise ?? ((s: string) => s))(v.trim());
	const existing = listed.filter(inScope);
	const byKey = new Map<string, R[]>();
	for (const record of listed) {
		const k = keyText(key.existing(record));
		if (!k) continue;
		const list = byKey.get(norm(k)) ?? [];
		list.push(record);
		byKey.set(norm(k), list);
	}
	const entries: Array<PlanEntry<R>> = [];
	const firstItem = new Map<string, number>();
	const matched = new Set<R>();
	const skip = (item: number, k: string, why: string, input?: unknown): PlanEntry<R> => ({
		action: 'skip',
		key: k,
		item,
		desired: input,
		changes: [],
		why,
		requests: [],
	});
	let valid = 0;
	for (const d of desired) {
		if (!d.input) {
			entries.push(skip(d.item, '', d.problem ?? 'invalid input'));
			continue;
		}
		const raw = keyText(key.desired(d.input)).trim();
		if (!raw) {
			entries.push(skip(d.item, '', `has no ${key.label}, which this sync matches by`, d.input));
			continue;
		}
		const k = norm(raw);
		const earlier = firstItem.get(k);
		if (earlier !== undefined) {
			entries.push(
				skip(
					d.item,
					raw,
					`the same ${key.label} as item ${earlier}: only the first one counts`,
					d.input,
				),
			);
			continue;
		}
		firstItem.set(k, d.item);
		valid++;
		const matches = byKey.get(k) ?? [];
		matches.forEach((m) => matched.add(m));
		if (matches.length > 1) {
			const ids = matches.map((m) => String(sync.id(m))).join(', ');
			entries.push(
				skip(
					d.item,
					raw,
					`${matches.length} ${sync.what}s have ${key.label} "${raw}" (IDs ${ids}): make it unique on the platform first`,
					d.input,
				),
			);
			continue;
		}
		const [found] = matches;
		if (found && !inScope(found)) {
			const adopted = sync.adopt?.(found, d.input, member(found));
			if (!adopted) {
				entries.push(
					skip(
						d.item,
						raw,
						`the ${sync.what} with this ${key.label} (ID ${sync.id(found)}) is outside this sync's scope`,
						d.input,
					),
				);
				continue;
			}
			const own = sync.changes(found, d.input);
			const changes = [...adopted.changes, ...own];
			const update = own.length ? sync.update(found, d.input) : [];
			entries.push({
				action: 'update',
				key: raw,
				item: d.item,
				existing: found,
				desired: d.input,
				changes,
				why: 'exists outside the scope: brought in',
				requests: [...adopted.steps, ...update],
			});
			continue;
		}
		if (found) {
			const changes = sync.changes(found, d.input);
			const requests = changes.length ? sync.update(found, d.input) : [];
			entries.push(
				requests.length
					? {
							action: 'update',
							key: raw,
							item: d.item,
							existing: found,
							desired: d.input,
							changes,
							why: 'differs',
							requests,
						}
					: {
							action: 'unchanged',
							key: raw,
							item: d.item,
							existing: found,
							desired: d.input,
							changes: [],
							why: 'already as wanted',
							requests: [],
						},
			);
			continue;
		}
		const missing = (sync.requiredToCreate?.(d.input) ?? [])
			.filter(([, v]) => v === undefined || v === '')
			.map(([label]) => label);
		if (missing.length) {
			entries.push(
				skip(
					d.item,
					raw,
					`not there yet, and ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} needed to create it`,
					d.input,
				),
			);
			continue;
		}
		entries.push({
			action: 'create',
			key: raw,
			item: d.item,
			desired: d.input,
			changes: [],
			why: `no ${sync.what} has this ${key.label}`,
			requests: [createStep(sync, d.input)],
		});
	}
	const removal =
		settings.removeMissing !== 'nothing' ? sync.removals[settings.removeMissing] : undefined;
	for (const record of existing) {
		if (matched.has(record)) continue;
		const raw = keyText(key.existing(record));
		if (!raw) {
			entries.push({
				action: 'skip',
				key: '',
				existing: record,
				changes: [],
				why: `has no ${key.label}: a sync by ${key.label} neither matches nor removes it`,
				requests: [],
			});
		} else if (!removal) {
			entries.push({
				action: 'skip',
				key: raw,
				existing: record,
				changes: [],
				why: 'not in the input; Remove Missing is Do Nothing',
				requests: [],
			});
		} else if (removal.alreadyDone?.(record)) {
			entries.push({
				action: 'unchanged',
				key: raw,
				existing: record,
				changes: [],
				why: `not in the input; already ${removal.name.toLowerCase()}`,
				requests: [],
			});
		} else {
			entries.push({
				action: 'remove',
				key: raw,
				existing: record,
				changes: [],
				why: `not in the input: ${removal.name}`,
				requests: removal.requests(record, base),
			});
		}
	}
	const removals = entries.filter((e) => e.action === 'remove').length;
	return {
		entries,
		existing: existing.length,
		valid,
		removals,
		refusal: guard(sync.what, existing.length, valid, removals, settings.maxRemovalPercent),
	};
}

/** The create, followed by what needs the created record (e.g. attaching it to an account). */
function createStep<I, R extends IDataObject>(sync: Sync<I, R>, input: I): SyncStep {
	const create = sync.create(input);
	const after = sync.afterCreate;
	return after ? { send: create, then: (answer) => after(answer, input) } : create;
}

/** The removal guard, in numbers a person can check. */
function guard(
	what: string,
	existing: number,
	valid: number,
	removals: number,
	percent: number,
): string | undefined {
	if (removals === 0) return undefined;
	if (valid === 0) {
		return `Apply refused: the input holds no usable ${what}, so all ${removals} existing ${what}s in scope would be removed. Nothing was sent.`;
	}
	const allowed = Math.floor((existing * percent) / 100);
	if (removals <= allowed) return undefined;
	const share = existing ? Math.round((removals / existing) * 1000) / 10 : 100;
	return `Apply refused: ${removals} of ${existing} existing ${what}s (${share}%) would be removed, more than the Removal Limit of ${percent}% (${allowed}). Raise Removal Limit (%) for this run if that is intended. Nothing was sent.`;
}
