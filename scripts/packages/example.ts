/**
 * The example workflows in examples/*.json use the all-in-one package's node types
 * (`n8n-nodes-user-provisioning.<node>`); a single-service package names them after itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IConnections, INode } from 'n8n-workflow';

export interface ExampleWorkflow {
	id: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	[key: string]: unknown;
}

export function readExample(root: string, file: string): ExampleWorkflow {
	return JSON.parse(
		readFileSync(join(root, 'examples', `${file}.json`), 'utf8'),
	) as ExampleWorkflow;
}

/** A copy whose nodes of package `from` are typed as nodes of package `to`. */
export function retarget<T extends { nodes: INode[] }>(wf: T, from: string, to: string): T {
	const prefix = `${from}.`;
	return {
		...wf,
		nodes: wf.nodes.map((n) =>
			n.type.startsWith(prefix) ? { ...n, type: `${to}.${n.type.slice(prefix.length)}` } : n,
		),
	};
}

/** Node names in the order the main connections run them, starting at the node nothing feeds. */
export function runOrder(wf: { nodes: INode[]; connections: IConnections }): INode[] {
	const fed = new Set(
		Object.values(wf.connections).flatMap((c) => (c.main ?? []).flat().map((t) => t?.node)),
	);
	const byName = new Map(wf.nodes.map((n) => [n.name, n]));
	const order: INode[] = [];
	const queue = wf.nodes.filter((n) => !fed.has(n.name));
	while (queue.length) {
		const node = queue.shift() as INode;
		if (order.includes(node)) continue;
		order.push(node);
		for (const t of (wf.connections[node.name]?.main ?? []).flat()) {
			const next = t && byName.get(t.node);
			if (next) queue.push(next);
		}
	}
	return order;
}
