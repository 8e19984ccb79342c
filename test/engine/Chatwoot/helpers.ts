import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ChatwootApi } from '../../../credentials/ChatwootApi.credentials';
import { ChatwootPlatformApi } from '../../../credentials/ChatwootPlatformApi.credentials';
import { Chatwoot } from '../../../nodes/Chatwoot/Chatwoot.node';
import { runNode, type RunNodeOptions } from '../../harness/engine';
import type { Sandbox } from '../../sandbox';
import { CHATWOOT_ACCOUNT_ID, CHATWOOT_PLATFORM_TOKEN, CHATWOOT_USER_TOKEN } from '../../sandbox/platforms/chatwoot';

export interface ChatwootRunExtra extends Partial<RunNodeOptions> {
	platformToken?: string;
	accessToken?: string;
	accountId?: number;
	items?: INodeExecutionData[];
}

/** Run the Chatwoot node in n8n's engine against the sandbox, with both credentials set. */
export function runChatwoot(sandbox: Sandbox, parameters: INodeParameters, extra: ChatwootRunExtra = {}) {
	const url = sandbox.urlOf('/chatwoot');
	const { platformToken, accessToken, accountId, ...rest } = extra;
	return runNode({
		node: new Chatwoot(),
		parameters,
		credentialTypes: [new ChatwootPlatformApi(), new ChatwootApi()],
		credentials: {
			chatwootPlatformApi: { url, platformToken: platformToken ?? CHATWOOT_PLATFORM_TOKEN },
			chatwootApi: { url, accountId: accountId ?? CHATWOOT_ACCOUNT_ID, accessToken: accessToken ?? CHATWOOT_USER_TOKEN },
		},
		...rest,
	});
}

export const jsonOf = (items: INodeExecutionData[] | undefined) => (items ?? []).map((i) => i.json);

/** Method, path and query of each request the sandbox saw, in order. */
export const calls = (sandbox: Sandbox) =>
	sandbox.requests('chatwoot').map((r) => {
		const qs = new URLSearchParams(r.query as Record<string, string>).toString();
		return `${r.method} ${r.path}${qs ? `?${qs}` : ''}`;
	});

/** A valid platform-user create, as the node's parameters. */
export const createUser = {
	resource: 'platformUser',
	operation: 'create',
	name: 'Ana Souza',
	email: 'ana@example.com',
	password: 'Str0ng!pass',
	additionalFields: { displayName: 'Ana', customAttributes: '{"crm_id":"A-17"}' },
};
