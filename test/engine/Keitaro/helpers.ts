import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { KeitaroApi } from '../../../credentials/KeitaroApi.credentials';
import { Keitaro } from '../../../nodes/Keitaro/Keitaro.node';
import { runNode, type RunNodeOptions } from '../../harness/engine';
import type { Sandbox } from '../../sandbox';
import { KEITARO_SANDBOX_KEY } from '../../sandbox/platforms/keitaro';

/** Run the Keitaro node in n8n's engine against the sandbox. */
export function runKeitaro(
	sandbox: Sandbox,
	parameters: INodeParameters,
	extra: Partial<RunNodeOptions> & { apiKey?: string; items?: INodeExecutionData[] } = {},
) {
	return runNode({
		node: new Keitaro(),
		parameters: { resource: 'user', ...parameters },
		credentialTypes: [new KeitaroApi()],
		credentials: {
			keitaroApi: { url: sandbox.urlOf('/keitaro'), apiKey: extra.apiKey ?? KEITARO_SANDBOX_KEY },
		},
		...extra,
	});
}

export const jsonOf = (items: INodeExecutionData[] | undefined) => (items ?? []).map((i) => i.json);
