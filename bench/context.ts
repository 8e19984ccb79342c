import type { IDataObject } from 'n8n-workflow';

import type { SandboxSettings, Timeline } from '../test/sandbox/faults';
import type { Series } from './chart';
import { bulkCreates, type BulkResult } from './engine-runs';
import { median } from './measure';
import type { RemoteSandbox } from './remote-sandbox';
import type { Report } from './report';

/** What every case gets: the sandbox, the effort settings, the report and the charts to draw. */
export interface Bench {
	sandbox: RemoteSandbox;
	/** Runs per figure (the median is reported). */
	runs: number;
	/** An item count scaled by BENCH_SCALE. */
	n: (x: number) => number;
	report: Report;
	/** A fresh prefix for the logins of one run. */
	tag: (prefix: string) => string;
	/** Panels for the in-flight chart beside the report. */
	charts: Series[];
}

export interface EngineRun extends BulkResult {
	timeline: Timeline;
}

/** Sampling the server's in-flight count this often (ms) while a run goes. */
export const SAMPLE_MS = 20;

/** `runs` times: reset the sandbox to `settings`, then N creates through the node in n8n's engine. */
export async function engineRuns(
	bench: Bench,
	settings: Partial<SandboxSettings>,
	count: number,
	options: IDataObject,
): Promise<EngineRun[]> {
	const results: EngineRun[] = [];
	for (let r = 0; r < bench.runs; r++) {
		await bench.sandbox.reset({ ...settings, sampleEveryMs: SAMPLE_MS });
		const result = await bulkCreates(bench.sandbox, count, options, bench.tag('b'));
		results.push({ ...result, timeline: await bench.sandbox.timeline() });
	}
	return results;
}

/** The median of one figure over runs. */
export const med = <T>(runs: T[], figure: (run: T) => number): number => median(runs.map(figure));

/** The run whose figure is the median (for charts: a real run, not a mix). */
export function medianRun<T>(runs: T[], figure: (run: T) => number): T {
	const sorted = [...runs].sort((a, b) => figure(a) - figure(b));
	return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The most requests the server had at once (counted at every arrival). */
export const peakInFlight = (timeline: Timeline): number =>
	timeline.peak ?? Math.max(0, ...timeline.samples.map(([, inFlight]) => inFlight));

/** Answers per second the server sent between two moments (ms since sampling began). */
export function answeredPerSecond(
	timeline: Timeline,
	from: number,
	to = Number.POSITIVE_INFINITY,
): number {
	const inside = timeline.samples.filter(([t]) => t >= from && t <= to);
	if (inside.length < 2) return 0;
	const [t0, , a0] = inside[0];
	const [t1, , a1] = inside[inside.length - 1];
	return t1 > t0 ? ((a1 - a0) / (t1 - t0)) * 1000 : 0;
}

/** The timeline trimmed to the run: from the first request to the last answer. */
export function activePart(timeline: Timeline): Timeline {
	const first = timeline.samples.findIndex(([, inFlight]) => inFlight > 0);
	if (first < 0) return timeline;
	const total = timeline.samples[timeline.samples.length - 1][2];
	const last = timeline.samples.findIndex(([, , answered]) => answered >= total);
	const start = timeline.samples[Math.max(0, first - 1)][0];
	return {
		samples: timeline.samples
			.slice(Math.max(0, first - 1), last + 1)
			.map(([t, f, a]) => [t - start, f, a]),
		changedAt: timeline.changedAt === undefined ? undefined : timeline.changedAt - start,
		peak: timeline.peak,
	};
}
