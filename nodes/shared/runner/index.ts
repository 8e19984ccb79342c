import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { CredentialStore, type RunContext } from '../client/context';
import { findOperation } from '../description';
import type { Operation } from '../operation/types';
import { readRequestOptions, readRunOptions } from '../options';
import { AutoLimit, type ConcurrencyLimit, FixedLimit } from '../pace/concurrency';
import { Pacer } from '../pace/rate';
import { parameterReader } from '../parameters';
import type { Platform } from '../types';
import { runBulk } from './bulk';
import { runItem } from './items';
import { runSync } from './sync';
import { runUnits, Tally } from './schedule';

export interface RunnerSettings {
	/** Shorter backoff for tests; production uses the default. */
	backoffBaseMs?: number;
}

/**
 * The one execute() every node uses: each input item (or each chunk of a bulk operation) is
 * validated, sent through the shared client and shaped with pairedItem, honouring
 * continueOnFail, Dry Run, Include Request Details, Concurrency, Batching, pace and Summary.
 */
export async function executeOperations(
	n8n: IExecuteFunctions,
	platform: Platform,
	operations: Operation[],
	settings: RunnerSettings = {},
): Promise<INodeExecutionData[][]> {
	const itemCount = n8n.getInputData().length;
	const read = parameterReader(n8n);
	const runOptions = readRunOptions(read);
	const pacer = new Pacer(runOptions.rateLimit);
	const concurrency: ConcurrencyLimit =
		runOptions.concurrency === 'auto'
			? new AutoLimit({ ceiling: runOptions.maxConcurrency, spacingMs: () => pacer.spacingMs })
			: new FixedLimit(runOptions.concurrency);
	const run: RunContext = {
		n8n,
		platform,
		read,
		pacer,
		concurrency,
		credentials: new CredentialStore(n8n, platform.secretCredentialFields),
		backoffBaseMs: settings.backoffBaseMs ?? 500,
	};
	const continueOnFail = n8n.continueOnFail();
	const tally = new Tally(itemCount);

	// An operation that sends many items per request is picked by the first item for the whole run.
	const first =
		itemCount > 0
			? findOperation(operations, read('resource', 0) as string, read('operation', 0) as string)
			: undefined;
	const out = first?.bulk
		? await runBulk(run, first, runOptions, tally, continueOnFail)
		: first?.sync && !readRequestOptions(read, 0).dryRun
			? await runSync(run, first, runOptions, tally, continueOnFail)
			: await runUnits(
					Array.from({ length: itemCount }, (_, i) => ({ items: [i] })),
					runOptions,
					concurrency,
					!continueOnFail,
					async (unit) => await runItem(run, operations, unit.items[0], tally, continueOnFail),
				);
	if (runOptions.summary) out.push(tally.summaryItem(itemCount));
	return [out];
}
