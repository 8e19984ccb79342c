import type { INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { KeepnetOAuth2Api } from '../../../credentials/KeepnetOAuth2Api.credentials';
import { keepnetBaseUrl } from '../../../nodes/Keepnet/transport';
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
const credential = new KeepnetOAuth2Api();
const tokenUrlField = String(
	credential.properties.find((p) => p.name === 'accessTokenUrl')?.default,
);

/** The credential test's base URL, resolved as n8n does for "Test credential" (over `$credentials`). */
const testBaseUrl = (baseUrl: string) =>
	String(
		workflow.expression.getSimpleParameterValue(
			node,
			String(credential.test.request.baseURL),
			'internal',
			{ $credentials: { baseUrl } },
			undefined,
			'',
		),
	);

/** The hidden token URL, resolved as n8n resolves a credential's own fields (over `$self`). */
const tokenUrl = (baseUrl: string) =>
	String(
		workflow.expression.getComplexParameterValue(
			node,
			tokenUrlField,
			'internal',
			{},
			undefined,
			undefined,
			{ baseUrl },
		),
	);

/** Pasted URLs and the API root they mean. */
const TABLE: Array<[pasted: string, root: string]> = [
	['https://api.corp.example', 'https://api.corp.example'],
	['https://api.corp.example/', 'https://api.corp.example'],
	['https://api.corp.example//', 'https://api.corp.example'],
	['https://api.corp.example/api', 'https://api.corp.example'],
	['https://api.corp.example/api/', 'https://api.corp.example'],
	['  https://api.corp.example/api/ \t', 'https://api.corp.example'],
	['http://10.0.0.5:8080/api', 'http://10.0.0.5:8080'],
	['https://corp.example/keepnet/api/', 'https://corp.example/keepnet'],
	['https://api.corp.example/apiv2', 'https://api.corp.example/apiv2'],
	['', 'https://api.keepnetlabs.com'],
	['   ', 'https://api.keepnetlabs.com'],
];

describe('Keepnet base URL: transport, credential test and token URL read a pasted URL alike', () => {
	it.each(TABLE)('%j means %s', (pasted, root) => {
		expect(keepnetBaseUrl(pasted)).toBe(root);
		expect(testBaseUrl(pasted)).toBe(root);
		expect(tokenUrl(pasted)).toBe(`${root}/connect/token`);
	});

	it('a credential without the field at all falls back to the cloud too', () => {
		expect(keepnetBaseUrl(undefined)).toBe('https://api.keepnetlabs.com');
		expect(
			String(
				workflow.expression.getComplexParameterValue(
					node,
					tokenUrlField,
					'internal',
					{},
					undefined,
					undefined,
					{},
				),
			),
		).toBe('https://api.keepnetlabs.com/connect/token');
	});
});
