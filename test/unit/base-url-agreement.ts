import type { INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { HarnessNodeTypes, HarnessStart, START_NODE_TYPE } from '../harness/node-types';

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

/** A credential test's baseURL as n8n resolves it (its own expression engine), for these credential values. */
export function resolveCredentialUrl(
	expression: string,
	credentials: Record<string, unknown>,
): string {
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

/** URLs as people paste them: the root with and without the API path, slashes, spaces, http and https. */
export function pastedUrls(root: string, apiPaths: string[]): string[] {
	const roots = [root, root.replace('https://', 'http://'), `${root}/`, `  ${root}  `, `${root}//`];
	return roots.flatMap((r) => [
		r,
		...apiPaths.map((p) => `${r.trimEnd().replace(/\/+$/, '')}${p}`),
		...apiPaths.map((p) => ` ${r.trim().replace(/\/+$/, '')}${p}/ `),
	]);
}
