import type { INodeExecutionData } from 'n8n-workflow';

import { DavintooApi } from '../credentials/DavintooApi.credentials';
import { Davintoo } from '../nodes/Davintoo/Davintoo.node';
import { runNode } from '../test/harness/engine';
import { DAVINTOO_SANDBOX_TOKEN } from '../test/sandbox/platforms/davintoo';
import { peakMemory, timed } from './measure';
import type { RemoteSandbox } from './remote-sandbox';

export interface ImportResult {
	ms: number;
	dataBytes: number;
	peakGrowthBytes: number;
	created: number;
	outputs: number;
}

/** Warm n8n's engine and our modules up, so their one-time allocations do not count as growth. */
export async function davintooWarmUp(sandbox: RemoteSandbox): Promise<void> {
	await davintooImport(sandbox, hrUsers(20), 'json', false);
	await davintooImport(sandbox, hrUsers(20), 'csvFromItems', false);
}

/** HR-export-like users, as Import Many takes them. */
export function hrUsers(n: number): INodeExecutionData[] {
	return Array.from({ length: n }, (_, i) => ({
		json: {
			uid: `EMP-${i}`,
			secondname: `Kovalenko${i}`,
			firstname: 'Olena',
			patronymic: 'Petrivna',
			login: `o.kovalenko${i}`,
			email: `olena.kovalenko${i}@acme.example`,
			department: `Department ${i % 40}`,
			position: 'Sales manager; regional',
			city: 'Kyiv',
			phone: `+380 44 ${String(i).padStart(7, '0')}`,
		},
	}));
}

/** Import Many of N users through the Davintoo node; time and peak memory growth of this process. */
export async function davintooImport(
	sandbox: RemoteSandbox,
	items: INodeExecutionData[],
	source: 'json' | 'csvFromItems',
	live: boolean,
): Promise<ImportResult> {
	const dataBytes = Buffer.byteLength(JSON.stringify(items.map((i) => i.json)));
	const { peakGrowthBytes, value } = await peakMemory(
		() =>
			timed(() =>
				runNode({
					node: new Davintoo(),
					parameters: {
						resource: 'user',
						operation: 'importMany',
						source,
						batchSize: 500,
						confirmBlockMissing: source === 'csvFromItems',
					},
					items,
					shareItems: true,
					credentialTypes: [new DavintooApi()],
					credentials: {
						davintooApi: { url: sandbox.urlOf('/davintoo'), apiToken: DAVINTOO_SANDBOX_TOKEN },
					},
				}),
			),
		live,
	);
	const { ms, value: run } = value;
	if (run.error) throw new Error(`import failed: ${run.error.message}`);
	const last = run.outputs[0]?.[run.outputs[0].length - 1]?.json as
		{ total?: { created_count?: number } } | undefined;
	return {
		ms,
		dataBytes,
		peakGrowthBytes,
		created: Number(last?.total?.created_count ?? 0),
		outputs: run.outputs[0]?.length ?? 0,
	};
}
