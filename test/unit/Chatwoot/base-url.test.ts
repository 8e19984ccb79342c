import type { ICredentialDataDecryptedObject, ICredentialType, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ChatwootApi } from '../../../credentials/ChatwootApi.credentials';
import { ChatwootPlatformApi } from '../../../credentials/ChatwootPlatformApi.credentials';
import { chatwootBaseUrl, chatwootPlatform, chatwootRoot } from '../../../nodes/Chatwoot/transport';
import { HarnessNodeTypes, HarnessStart, START_NODE_TYPE } from '../../harness/node-types';

const node: INode = {
	id: 'n',
	name: 'N',
	type: START_NODE_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const workflow = new Workflow({
	nodes: [node],
	connections: {},
	active: false,
	nodeTypes: new HarnessNodeTypes({ [START_NODE_TYPE]: new HarnessStart() }),
});

/** The credential test's base URL as n8n's expression engine resolves it. */
function testBaseUrl(type: ICredentialType, credentials: ICredentialDataDecryptedObject): string {
	const expression = String(type.test?.request.baseURL);
	return String(
		workflow.expression.getSimpleParameterValue(
			node,
			expression,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		),
	);
}

const ROOT = 'https://chat.example.com';

/** URLs as people paste them, and the installation root each one means. */
const PASTED: Array<[pasted: string, root: string]> = [
	[ROOT, ROOT],
	[`${ROOT}/`, ROOT],
	[`  ${ROOT}/ `, ROOT],
	[`${ROOT}//`, ROOT],
	['http://chat.example.com/', 'http://chat.example.com'],
	['http://localhost:3000', 'http://localhost:3000'],
	[`${ROOT}/platform/api/v1`, ROOT],
	[`${ROOT}/platform/api/v1/`, ROOT],
	[`${ROOT}/api/v1`, ROOT],
	[`${ROOT}/api/v1/`, ROOT],
	[`${ROOT}/api/v1/accounts/3`, ROOT],
	[` ${ROOT}/api/v1/accounts/12/ `, ROOT],
	[`${ROOT}/app`, ROOT],
	[`${ROOT}/app/`, ROOT],
	// Installed below a path: only the API or app ending goes.
	[`${ROOT}/support/api/v1/accounts/3`, `${ROOT}/support`],
	[`${ROOT}/support/app`, `${ROOT}/support`],
	// Not an ending we know: kept as typed.
	[`${ROOT}/apps`, `${ROOT}/apps`],
];

describe('Chatwoot base URLs: the transport and the credential tests read a pasted URL alike', () => {
	it.each(PASTED)('%j is the installation %j', (pasted, root) => {
		expect(chatwootRoot(pasted)).toBe(root);
	});

	it.each(PASTED)(
		'platform API: the node and the credential test call one address for %j',
		(url, root) => {
			const credentials = { url, platformToken: 't' };
			expect(chatwootPlatform.baseUrl(credentials, 'platformUser')).toBe(`${root}/platform/api/v1`);
			expect(testBaseUrl(new ChatwootPlatformApi(), credentials)).toBe(`${root}/platform/api/v1`);
		},
	);

	it.each(PASTED)(
		'account API: the node and the credential test call one address for %j',
		(url, root) => {
			for (const accountId of [7, ' 7 ']) {
				const credentials = { url, accountId, accessToken: 't' };
				expect(chatwootPlatform.baseUrl(credentials, 'contact')).toBe(`${root}/api/v1/accounts/7`);
				expect(testBaseUrl(new ChatwootApi(), credentials)).toBe(`${root}/api/v1/accounts/7`);
			}
		},
	);

	it('each resource goes to its own API', () => {
		expect(chatwootBaseUrl({ url: 'https://c.test/' }, 'platformUser')).toBe(
			'https://c.test/platform/api/v1',
		);
		expect(chatwootBaseUrl({ url: 'https://c.test', accountId: 7 }, 'agent')).toBe(
			'https://c.test/api/v1/accounts/7',
		);
		expect(chatwootBaseUrl({ url: 'https://c.test', accountId: 7 }, 'contact')).toBe(
			'https://c.test/api/v1/accounts/7',
		);
	});
});
