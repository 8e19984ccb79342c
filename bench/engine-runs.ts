import { Agent, request } from 'node:http';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { KeitaroApi } from '../credentials/KeitaroApi.credentials';
import { Keitaro } from '../nodes/Keitaro/Keitaro.node';
import { runNode } from '../test/harness/engine';
import { KEITARO_SANDBOX_KEY } from '../test/sandbox/platforms/keitaro';
import { timed } from './measure';
import type { RemoteSandbox } from './remote-sandbox';

const people = (n: number, tag: string): INodeExecutionData[] =>
	Array.from({ length: n }, (_, i) => ({ json: { login: `${tag}.${i}` } }));

export interface BulkResult {
	ms: number;
	items: number;
	perSecond: number;
	failed: number;
	duplicates: number;
	created: number;
	/** The distinct error texts of failed items (at most three), to tell why in the report. */
	errors: string[];
}

/** N creates through the Keitaro node in n8n's engine; counts failures and duplicate users. */
export async function bulkCreates(
	sandbox: RemoteSandbox,
	n: number,
	options: IDataObject,
	tag: string,
): Promise<BulkResult> {
	const items = people(n, tag);
	const { ms, value: run } = await timed(() =>
		runNode({
			node: new Keitaro(),
			parameters: {
				resource: 'user',
				operation: 'create',
				inputMode: 'fields',
				login: '={{ $json.login }}',
				password: 'S3cret-pass',
				type: 'USER',
				options: options as INodeParameters,
			},
			items,
			onError: 'continueRegularOutput',
			credentialTypes: [new KeitaroApi()],
			credentials: { keitaroApi: { url: sandbox.urlOf('/keitaro'), apiKey: KEITARO_SANDBOX_KEY } },
		}),
	);
	if (run.error) throw new Error(`bench run failed: ${run.error.message}`);
	const out = (run.outputs[0] ?? []).map((i) => i.json);
	const users = await sandbox.state<Array<{ login: string }>>('keitaro');
	const logins = users.map((u) => u.login).filter((l) => l.startsWith(`${tag}.`));
	return {
		ms,
		items: n,
		perSecond: (n / ms) * 1000,
		failed: out.filter((j) => 'error' in j).length + (n - out.length),
		duplicates: logins.length - new Set(logins).size,
		created: new Set(logins).size,
		errors: [...new Set(out.filter((j) => 'error' in j).map((j) => String(j.error)))].slice(0, 3),
	};
}

/** The same creates with a plain fetch loop, one at a time: the floor for per-request cost. */
export async function fetchLoop(sandbox: RemoteSandbox, n: number, tag: string): Promise<number> {
	const url = `${sandbox.urlOf('/keitaro')}/admin_api/v1/users`;
	const { ms } = await timed(async () => {
		for (let i = 0; i < n; i++) {
			const res = await fetch(url, {
				method: 'POST',
				headers: {
					'Api-Key': KEITARO_SANDBOX_KEY,
					'Content-Type': 'application/json',
					Accept: 'application/json',
				},
				body: JSON.stringify({
					login: `${tag}.${i}`,
					type: 'USER',
					new_password: 'S3cret-pass',
					new_password_confirmation: 'S3cret-pass',
				}),
			});
			await res.json();
		}
	});
	return ms;
}

/**
 * The same creates from Node's plain http client, N in flight, a new connection each time as n8n
 * makes them: what the transport alone reaches, without n8n's request stack or our node.
 */
export async function plainHttpCreates(
	sandbox: RemoteSandbox,
	n: number,
	concurrency: number,
	tag: string,
): Promise<number> {
	const url = new URL(`${sandbox.urlOf('/keitaro')}/admin_api/v1/users`);
	const one = (i: number) =>
		new Promise<void>((resolve, reject) => {
			const body = JSON.stringify({
				login: `${tag}.${i}`,
				type: 'USER',
				new_password: 'S3cret-pass',
				new_password_confirmation: 'S3cret-pass',
			});
			const req = request(
				{
					host: url.hostname,
					port: url.port,
					path: url.pathname,
					method: 'POST',
					agent: new Agent(),
					headers: {
						'Api-Key': KEITARO_SANDBOX_KEY,
						'Content-Type': 'application/json',
						'Content-Length': Buffer.byteLength(body),
					},
				},
				(res) => {
					res.resume();
					res.on('end', resolve);
				},
			);
			req.on('error', reject);
			req.end(body);
		});
	let next = 0;
	const { ms } = await timed(async () => {
		await Promise.all(
			Array.from({ length: concurrency }, async () => {
				while (next < n) await one(next++);
			}),
		);
	});
	return (n / ms) * 1000;
}
