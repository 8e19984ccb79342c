import type { INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ActivePlatformApi } from '../../../credentials/ActivePlatformApi.credentials';
import { activePlatformBaseUrl } from '../../../nodes/ActivePlatform/transport';
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

/** The credential test's base URL as n8n resolves it, with n8n's own expression engine. */
function credentialTestBase(url: string): string {
	const expression = String(new ActivePlatformApi().test.request.baseURL);
	return String(
		workflow.expression.getSimpleParameterValue(
			node,
			expression,
			'internal',
			{ $credentials: { url } },
			undefined,
			'',
		),
	);
}

// [pasted, the installation root both must read from it]
const PASTED: Array<[string, string]> = [
	['https://billing.example.com', 'https://billing.example.com'],
	['https://billing.example.com/', 'https://billing.example.com'],
	['https://billing.example.com///', 'https://billing.example.com'],
	['  https://billing.example.com/ \n', 'https://billing.example.com'],
	['\thttps://billing.example.com/api/vendor/v1/ ', 'https://billing.example.com'],
	['https://billing.example.com/api', 'https://billing.example.com'],
	['https://billing.example.com/api/', 'https://billing.example.com'],
	['https://billing.example.com/api/vendor/v1', 'https://billing.example.com'],
	['https://billing.example.com/api/vendor/v1/', 'https://billing.example.com'],
	['http://billing.activeplatform.com:80', 'http://billing.activeplatform.com:80'],
	['http://billing.activeplatform.com:80/api/vendor/v1', 'http://billing.activeplatform.com:80'],
	// An installation under a path keeps it; only the API endings go.
	['https://example.com/billing/api/vendor/v1/', 'https://example.com/billing'],
	['http://billing.activeplatform.com:80/ap', 'http://billing.activeplatform.com:80/ap'],
	// Look-alike endings are not API paths.
	['https://example.com/rapi', 'https://example.com/rapi'],
	['https://example.com/api/vendor/v2', 'https://example.com/api/vendor/v2'],
];

describe('ActivePlatform base URL: the transport and the credential test read a pasted URL alike', () => {
	it.each(PASTED)('%j → %s', (pasted, root) => {
		expect(activePlatformBaseUrl(pasted)).toBe(root);
		expect(credentialTestBase(pasted)).toBe(root);
	});

	it('an empty URL gives an empty root in both, not an error', () => {
		expect(activePlatformBaseUrl(undefined)).toBe('');
		expect(credentialTestBase('')).toBe('');
	});
});
