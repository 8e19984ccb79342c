import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { DavintooApi } from '../../../credentials/DavintooApi.credentials';
import { Davintoo } from '../../../nodes/Davintoo/Davintoo.node';
import { runNode, type RunNodeOptions } from '../../harness/engine';
import type { Sandbox } from '../../sandbox';
import { DAVINTOO_SANDBOX_TOKEN } from '../../sandbox/platforms/davintoo';

/** Run the Davintoo node in n8n's engine against the sandbox. */
export function runDavintoo(
	sandbox: Sandbox,
	parameters: INodeParameters,
	extra: Partial<RunNodeOptions> & { apiToken?: string; items?: INodeExecutionData[] } = {},
) {
	const { apiToken, ...rest } = extra;
	return runNode({
		node: new Davintoo(),
		parameters: { resource: 'user', ...parameters },
		credentialTypes: [new DavintooApi()],
		credentials: {
			davintooApi: {
				url: sandbox.urlOf('/davintoo'),
				apiToken: apiToken ?? DAVINTOO_SANDBOX_TOKEN,
			},
		},
		...rest,
	});
}

export const jsonOf = (items: INodeExecutionData[] | undefined) => (items ?? []).map((i) => i.json);

/** A user item as the import takes it (API field names). */
export const person = (n: number, extra: Record<string, unknown> = {}) => ({
	json: {
		uid: `EMP-${n}`,
		secondname: `Koval${n}`,
		firstname: 'Olena',
		login: `o.koval${n}`,
		email: `olena${n}@acme.example`,
		...extra,
	},
});

export const csvItem = (text: string, fileName = 'users.csv'): INodeExecutionData => ({
	json: {},
	binary: {
		data: { data: Buffer.from(text, 'utf8').toString('base64'), mimeType: 'text/csv', fileName },
	},
});
