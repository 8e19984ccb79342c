import type {
	ICredentialDataDecryptedObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { KeepnetBaseApi } from '../../../credentials/KeepnetBaseApi.credentials';
import { KeepnetOAuth2Api } from '../../../credentials/KeepnetOAuth2Api.credentials';
import { Keepnet } from '../../../nodes/Keepnet/Keepnet.node';
import { runNode, type RunNodeOptions } from '../../harness/engine';
import type { Sandbox } from '../../sandbox';
import { KEEPNET_CLIENT_ID, KEEPNET_CLIENT_SECRET } from '../../sandbox/platforms/keepnet';

export interface KeepnetRunExtra extends Partial<RunNodeOptions> {
	/** Overrides of the stored credential (client, secret, companyId, oauthTokenData…). */
	credential?: ICredentialDataDecryptedObject;
	items?: INodeExecutionData[];
}

export function keepnetCredential(
	sandbox: Sandbox,
	extra: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		baseUrl: sandbox.urlOf('/keepnet'),
		clientId: KEEPNET_CLIENT_ID,
		clientSecret: KEEPNET_CLIENT_SECRET,
		...extra,
	};
}

/** Run the Keepnet node in n8n's engine against the sandbox, with n8n's own OAuth2 token handling. */
export function runKeepnet(
	sandbox: Sandbox,
	parameters: INodeParameters,
	extra: KeepnetRunExtra = {},
) {
	const { credential, ...rest } = extra;
	return runNode({
		node: new Keepnet(),
		parameters: { resource: 'targetUser', ...parameters },
		credentialTypes: [new KeepnetBaseApi(), new KeepnetOAuth2Api()],
		credentials: { keepnetOAuth2Api: keepnetCredential(sandbox, credential) },
		...rest,
	});
}

export const jsonOf = (items: INodeExecutionData[] | undefined) => (items ?? []).map((i) => i.json);

/** "METHOD /path" of every request the sandbox saw, token calls included. */
export const calls = (sandbox: Sandbox) =>
	sandbox.requests('keepnet').map((r) => `${r.method} ${r.path}`);

/** The API requests the sandbox saw, without n8n's token calls. */
export const apiRequestsOf = (sandbox: Sandbox) =>
	sandbox.requests('keepnet').filter((r) => r.path !== '/connect/token');

/** Create's parameters for the user most tests make. */
export const createJane = {
	operation: 'create',
	email: 'jane.doe@example.com',
	phoneNumber: '+447700900123',
};
