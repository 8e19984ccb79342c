import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ParameterReader } from './parameters';

/** The "Options" collection every node shares; names follow n8n's HTTP Request node. */
export const sharedOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Append Summary Item',
			name: 'summary',
			type: 'boolean',
			default: false,
			description:
				'Whether to add one last item counting the run: items, succeeded, failed, and created / updated / unchanged / deleted where the operation can tell',
		},
		{
			displayName: 'Batching',
			name: 'batching',
			placeholder: 'Add Batching',
			type: 'fixedCollection',
			typeOptions: { multipleValues: false },
			default: { batch: {} },
			options: [
				{
					displayName: 'Batching',
					name: 'batch',
					values: [
						{
							displayName: 'Items per Batch',
							name: 'batchSize',
							type: 'number',
							typeOptions: { minValue: 1 },
							default: 50,
							description: 'How many input items to process before pausing',
						},
						{
							displayName: 'Batch Interval (Ms)',
							name: 'batchInterval',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 1000,
							description: 'Time (in milliseconds) to wait between batches',
						},
					],
				},
			],
		},
		{
			displayName: 'Concurrency (Fixed)',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 64 },
			default: 4,
			description:
				'Pins how many requests may be in flight at once. Without this option the node finds the fastest safe number by itself (Auto). Output order and item pairing are kept either way.',
		},
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description:
				'Whether to validate the input and return the request that would be sent (secrets masked) without sending anything',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'allowUnauthorizedCerts',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if SSL certificate validation is not possible',
		},
		{
			displayName: 'Include Request Details',
			name: 'includeRequestDetails',
			type: 'boolean',
			default: false,
			description:
				'Whether to wrap each result with the request that produced it (URL, method, headers with secrets masked)',
		},
		{
			displayName: 'Max Concurrency (Auto)',
			name: 'maxConcurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 64 },
			default: 32,
			description:
				'The most requests Auto ever keeps in flight; lower it to protect a small server. Ignored when Concurrency (Fixed) is set.',
		},
		{
			displayName: 'Max Tries',
			name: 'maxTries',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 3,
			description:
				'How many times to try a call that is safe to repeat (reads, updates, deletes, searches) when the service answers 429/502/503/504, times out or drops the connection. A create whose answer was lost is looked up first and only re-sent if it did not happen. 1 turns retries off.',
		},
		{
			displayName: 'Proxy',
			name: 'proxy',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://myproxy:3128',
			description: 'HTTP proxy to use',
		},
		{
			displayName: 'Rate Limit (Requests per Second)',
			name: 'rateLimit',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'At most this many requests per second for this node run (0 = no fixed limit; the node still slows down when the service answers 429)',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30000,
			description:
				'Time in ms to wait for the server to send response headers (and start the response body) before aborting the request',
		},
	],
};

export interface RequestOptions {
	timeout: number;
	allowUnauthorizedCerts: boolean;
	proxy: string;
	maxTries: number;
	includeRequestDetails: boolean;
	dryRun: boolean;
}

export interface RunOptions {
	summary: boolean;
	/** A pinned number in flight, or 'auto'. */
	concurrency: number | 'auto';
	/** Auto's ceiling. */
	maxConcurrency: number;
	rateLimit: number;
	batchSize: number;
	batchInterval: number;
}

function num(value: unknown, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
	const n = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(n)) return fallback;
	return Math.min(max, Math.max(min, Math.floor(n)));
}

export function readRequestOptions(read: ParameterReader, itemIndex: number): RequestOptions {
	const o = (read('options', itemIndex, {}) as IDataObject | undefined) ?? {};
	return {
		timeout: num(o.timeout, 30000, 1),
		allowUnauthorizedCerts: o.allowUnauthorizedCerts === true,
		proxy: typeof o.proxy === 'string' ? o.proxy.trim() : '',
		maxTries: num(o.maxTries, 3, 1, 10),
		includeRequestDetails: o.includeRequestDetails === true,
		dryRun: o.dryRun === true,
	};
}

/** Run-wide settings come from the first item: one node run has one pace. */
export function readRunOptions(read: ParameterReader): RunOptions {
	const o = (read('options', 0, {}) as IDataObject | undefined) ?? {};
	const batch = ((o.batching as IDataObject | undefined)?.batch as IDataObject | undefined) ?? {};
	return {
		summary: o.summary === true,
		// A workflow that set Concurrency keeps that number; otherwise Auto.
		concurrency:
			o.concurrency === undefined || o.concurrency === null || o.concurrency === ''
				? 'auto'
				: num(o.concurrency, 4, 1, 64),
		maxConcurrency: num(o.maxConcurrency, 32, 1, 64),
		rateLimit: typeof o.rateLimit === 'number' && o.rateLimit > 0 ? o.rateLimit : 0,
		batchSize: num(batch.batchSize, 0, 0),
		batchInterval: num(batch.batchInterval, 0, 0),
	};
}
