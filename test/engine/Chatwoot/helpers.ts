import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ChatwootAgentBotApi } from '../../../credentials/ChatwootAgentBotApi.credentials';
import { ChatwootApi } from '../../../credentials/ChatwootApi.credentials';
import { ChatwootClientApi } from '../../../credentials/ChatwootClientApi.credentials';
import { ChatwootPlatformApi } from '../../../credentials/ChatwootPlatformApi.credentials';
import { Chatwoot } from '../../../nodes/Chatwoot/Chatwoot.node';
import { runNode, type RunNodeOptions } from '../../harness/engine';
import type { Sandbox } from '../../sandbox';
import {
	CHATWOOT_ACCOUNT_ID,
	CHATWOOT_BOT_TOKEN,
	CHATWOOT_PLATFORM_TOKEN,
	CHATWOOT_USER_TOKEN,
} from '../../sandbox/platforms/chatwoot';

export interface ChatwootRunExtra extends Partial<RunNodeOptions> {
	platformToken?: string;
	accessToken?: string;
	botToken?: string;
	accountId?: number;
	items?: INodeExecutionData[];
}

/** Run the Chatwoot node in n8n's engine against the sandbox, with every Chatwoot credential set. */
export function runChatwoot(
	sandbox: Sandbox,
	parameters: INodeParameters,
	extra: ChatwootRunExtra = {},
) {
	const url = sandbox.urlOf('/chatwoot');
	const { platformToken, accessToken, botToken, accountId, ...rest } = extra;
	return runNode({
		node: new Chatwoot(),
		parameters,
		credentialTypes: [
			new ChatwootPlatformApi(),
			new ChatwootApi(),
			new ChatwootAgentBotApi(),
			new ChatwootClientApi(),
		],
		credentials: {
			chatwootPlatformApi: { url, platformToken: platformToken ?? CHATWOOT_PLATFORM_TOKEN },
			chatwootApi: {
				url,
				accountId: accountId ?? CHATWOOT_ACCOUNT_ID,
				accessToken: accessToken ?? CHATWOOT_USER_TOKEN,
			},
			chatwootAgentBotApi: {
				url,
				accountId: accountId ?? CHATWOOT_ACCOUNT_ID,
				botToken: botToken ?? CHATWOOT_BOT_TOKEN,
			},
			chatwootClientApi: { url },
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
