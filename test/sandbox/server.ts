import { appendFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { isSecretKey, maskDeep } from '../../nodes/shared/mask';
import {
	defaultSettings,
	FaultBook,
	type FaultRule,
	RateWindow,
	type SandboxSettings,
	type Timeline,
} from './faults';
import { parseMultipart, parseUrlencoded, nestForm } from './parse';
import type { LoggedRequest, SandboxPlatform, SandboxRequest, SandboxResponse } from './types';

const SECRET_HEADERS = /^(api-key|api_access_token|authorization|x-cbr-authorization|cookie)$/i;

export interface SandboxOptions {
	port?: number;
	/** Append one JSON line per request here (defaults to the SANDBOX_LOG environment variable). */
	logFile?: string;
}

/**
 * One HTTP server on 127.0.0.1 that plays all platforms, each under its own path prefix.
 * Tests drive it in-process; other processes use the /__sandbox control endpoints.
 */
export class Sandbox {
	readonly faults = new FaultBook();
	settings: SandboxSettings = defaultSettings();
	readonly log: LoggedRequest[] = [];
	private server?: Server;
	private active = 0;
	/** Most requests handled at once since the last reset. */
	peakActive = 0;
	private waiting: Array<() => void> = [];
	private window = new RateWindow();
	/** Platform requests received and answers sent since the last reset. */
	private received = 0;
	private answered = 0;
	private sampler?: { timer: NodeJS.Timeout; start: number; timeline: Timeline };
	private readonly logFile?: string;

	constructor(
		readonly platforms: SandboxPlatform[],
		private readonly options: SandboxOptions = {},
	) {
		this.logFile = options.logFile ?? process.env.SANDBOX_LOG;
	}

	get url(): string {
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error('sandbox not started');
		return `http://127.0.0.1:${address.port}`;
	}

	/** Base URL of one platform, e.g. http://127.0.0.1:1234/keitaro */
	urlOf(prefix: string): string {
		return `${this.url}${prefix}`;
	}

	async start(): Promise<this> {
		this.server = createServer((req, res) => void this.onRequest(req, res));
		this.server.keepAliveTimeout = 1000;
		await new Promise<void>((resolve) =>
			this.server!.listen(this.options.port ?? 0, '127.0.0.1', resolve),
		);
		return this;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
		this.server = undefined;
	}

	/** Forget stores, faults, settings and the log: each test starts clean. */
	reset(): void {
		for (const p of this.platforms) p.reset();
		this.faults.clear();
		this.settings = defaultSettings();
		this.log.length = 0;
		this.peakActive = 0;
		this.window = new RateWindow();
		this.received = 0;
		this.answered = 0;
		this.stopSampling();
	}

	/** New settings; sampling starts (afresh) when `sampleEveryMs` is given. */
	configure(settings: Partial<SandboxSettings>): void {
		this.settings = { ...this.settings, ...settings };
		if (settings.sampleEveryMs !== undefined) {
			this.stopSampling();
			if (settings.sampleEveryMs > 0) this.startSampling(settings.sampleEveryMs);
		}
	}

	/** What was sampled since sampling began (empty when it is off). */
	timeline(): Timeline {
		return this.sampler?.timeline ?? { samples: [] };
	}

	private startSampling(everyMs: number): void {
		const start = Date.now();
		const timeline: Timeline = { samples: [] };
		const sample = () =>
			timeline.samples.push([Date.now() - start, this.active + this.waiting.length, this.answered]);
		const timer = setInterval(sample, everyMs);
		timer.unref();
		this.sampler = { timer, start, timeline };
		sample();
	}

	private stopSampling(): void {
		if (this.sampler) clearInterval(this.sampler.timer);
		this.sampler = undefined;
	}

	fault(rule: FaultRule): void {
		this.faults.add(rule);
	}

	requests(platform?: string): LoggedRequest[] {
		return platform ? this.log.filter((r) => r.platform === platform) : [...this.log];
	}

	private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
		try {
			const raw = await readBody(req);
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			if (url.pathname.startsWith('/__sandbox/')) return this.control(url.pathname, raw, res);
			const platform = this.platforms.find(
				(p) => url.pathname === p.prefix || url.pathname.startsWith(`${p.prefix}/`),
			);
			if (!platform)
				return send(res, {
					status: 404,
					body: { error: `no sandbox platform for ${url.pathname}` },
				});
			const request = parseRequest(req, url, platform.prefix, raw);
			this.record(platform.name, request);
			this.countReceived();
			const { hardLimit } = this.settings;
			if (hardLimit > 0 && this.active >= hardLimit) {
				this.answered++;
				return send(res, {
					status: 503,
					body: { error: 'Service Unavailable: too many requests in progress' },
				});
			}
			await this.enterLine();
			try {
				await this.answer(platform, request, req, res);
			} finally {
				this.answered++;
				this.leaveLine();
			}
		} catch (error) {
			if (!res.headersSent) send(res, { status: 500, body: { error: String(error) } });
		}
	}

	private async answer(
		platform: SandboxPlatform,
		request: SandboxRequest,
		req: IncomingMessage,
		res: ServerResponse,
	) {
		if (this.settings.latencyMs > 0) await delay(this.settings.latencyMs);
		if (this.settings.rateLimit > 0 && !this.window.allow(this.settings.rateLimit)) {
			const headers: Record<string, string> = {};
			if (this.settings.rateLimitRetryAfter)
				headers['Retry-After'] = String(Math.max(1, Math.ceil(this.window.waitMs() / 1000)));
			return send(res, { status: 429, headers, body: { error: 'Too Many Requests' } });
		}
		const fault = this.faults.take(platform.name, request.method, request.path);
		if (fault?.kind === 'drop') return req.socket.destroy();
		if (fault?.kind === 'status') {
			const headers: Record<string, string> = {};
			if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter;
			return send(res, {
				status: fault.status ?? 503,
				headers,
				body: fault.body ?? { error: 'Service Unavailable' },
			});
		}
		const response = await platform.handle(request);
		if (fault?.kind === 'dropAfter') return req.socket.destroy();
		if (fault?.kind === 'malformed')
			return send(res, { status: 200, raw: '{"id": 1, "login": "trunc' });
		if (fault?.kind === 'slowBody') {
			res.writeHead(response.status, { 'Content-Type': 'application/json' });
			res.write(' ');
			await delay(fault.delayMs ?? 5000);
			if (!res.destroyed) res.end(JSON.stringify(response.body ?? null));
			return;
		}
		send(res, response);
	}

	private record(platform: string, r: SandboxRequest): void {
		const headers: Record<string, string> = {};
		for (const [k, v] of Object.entries(r.headers))
			if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
		const entry: LoggedRequest = {
			time: new Date().toISOString(),
			platform,
			method: r.method,
			path: r.path,
			query: r.query,
			headers,
			body: r.files
				? { fields: r.body, files: r.files.map((f) => ({ ...f, data: `${f.data.length} bytes` })) }
				: r.body,
		};
		if (r.form) entry.form = r.form;
		this.log.push(entry);
		if (this.logFile) {
			// The file may be shared with people: keep credentials out of it.
			const masked = { ...headers };
			for (const k of Object.keys(masked)) if (SECRET_HEADERS.test(k)) masked[k] = '***';
			const form = entry.form?.map(([k, v]) => [k, isSecretKey(k) ? '***' : v]);
			appendFileSync(
				this.logFile,
				`${JSON.stringify({ ...entry, headers: masked, body: maskDeep(entry.body), form })}\n`,
			);
		}
	}

	private countReceived(): void {
		this.received++;
		if (this.sampler)
			this.sampler.timeline.peak = Math.max(
				this.sampler.timeline.peak ?? 0,
				this.received - this.answered,
			);
		const change = this.settings.capacityChange;
		if (change && this.received === change.afterRequests) {
			this.settings.maxConcurrent = change.maxConcurrent;
			if (this.sampler) this.sampler.timeline.changedAt = Date.now() - this.sampler.start;
			// Room made by a larger capacity goes to those waiting.
			while (this.waiting.length && this.active < change.maxConcurrent) this.handOver();
		}
	}

	private async enterLine(): Promise<void> {
		const cap = this.settings.maxConcurrent;
		// A waiting request is counted as served by whoever hands it the slot.
		if (cap > 0 && this.active >= cap)
			return await new Promise<void>((resolve) => this.waiting.push(resolve));
		this.active++;
		this.peakActive = Math.max(this.peakActive, this.active);
	}

	/** A slot freed: the next in line gets it, unless the capacity has shrunk below those served. */
	private leaveLine(): void {
		this.active--;
		const cap = this.settings.maxConcurrent;
		if (this.waiting.length && (cap === 0 || this.active < cap)) this.handOver();
	}

	private handOver(): void {
		this.active++;
		this.peakActive = Math.max(this.peakActive, this.active);
		this.waiting.shift()?.();
	}

	private control(path: string, raw: Buffer, res: ServerResponse): void {
		const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
		if (path === '/__sandbox/reset') this.reset();
		else if (path === '/__sandbox/settings') this.configure(body as Partial<SandboxSettings>);
		else if (path === '/__sandbox/timeline')
			return send(res, { status: 200, body: this.timeline() });
		else if (path === '/__sandbox/fault') this.fault(body as unknown as FaultRule);
		else if (path === '/__sandbox/log') return send(res, { status: 200, body: this.log });
		else if (path === '/__sandbox/state') {
			const name = String(body.platform ?? '');
			const platform = this.platforms.find((p) => p.name === name);
			return send(res, { status: 200, body: platform?.snapshot() ?? null });
		} else return send(res, { status: 404, body: { error: 'unknown control path' } });
		send(res, { status: 200, body: { ok: true } });
	}
}

function parseRequest(req: IncomingMessage, url: URL, prefix: string, raw: Buffer): SandboxRequest {
	const query: Record<string, string | string[]> = {};
	for (const [k, v] of url.searchParams) {
		const existing = query[k];
		query[k] =
			existing === undefined ? v : Array.isArray(existing) ? [...existing, v] : [existing, v];
	}
	const request: SandboxRequest = {
		method: (req.method ?? 'GET').toUpperCase(),
		path: url.pathname.slice(prefix.length) || '/',
		query,
		headers: req.headers,
		rawBody: raw,
		body: undefined,
	};
	const type = String(req.headers['content-type'] ?? '').toLowerCase();
	if (raw.length === 0) return request;
	if (type.includes('application/json')) {
		try {
			request.body = JSON.parse(raw.toString('utf8')) as unknown;
		} catch (error) {
			request.bodyError = String(error);
		}
	} else if (type.includes('application/x-www-form-urlencoded')) {
		request.form = parseUrlencoded(raw.toString('utf8'));
		request.body = nestForm(request.form);
	} else if (type.includes('multipart/form-data')) {
		const parsed = parseMultipart(raw, String(req.headers['content-type']));
		request.form = parsed.fields;
		request.files = parsed.files;
		request.body = nestForm(parsed.fields);
	} else {
		request.body = raw.toString('utf8');
	}
	return request;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function send(res: ServerResponse, r: SandboxResponse): void {
	if (res.destroyed) return;
	const text = r.raw ?? (r.body === undefined ? '' : JSON.stringify(r.body));
	res.writeHead(r.status, {
		'Content-Type': 'application/json; charset=utf-8',
		...(r.headers ?? {}),
	});
	res.end(text);
}

/** A wait that does not keep the process alive on its own (stalled test answers). */
export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
