/**
 * Every resource/operation of our nodes, read from the descriptions n8n itself loaded
 * (`n8n export:nodes`), so a new operation gets its panel checked without touching the test.
 * Each node type becomes workflows with one node per operation, as a user would add it from
 * the nodes panel: only Resource and Operation set, everything else at its default.
 */
import type {
	INode,
	INodeCredentialDescription,
	INodeProperties,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { CREDENTIAL_IDS } from '../e2e/examples';
import type { WorkflowFile } from '../e2e/n8n';

export interface PanelCase {
	/** n8n node type, e.g. n8n-nodes-user-provisioning.keitaro */
	type: string;
	nodeDisplayName: string;
	resource: string;
	resourceName: string;
	operation: string;
	operationName: string;
	/** The sentence the nodes panel lists for the operation. */
	action: string;
	/** Canvas node name (unique in its workflow). */
	nodeName: string;
	workflowId: string;
	credentialType?: string;
}

const optionsOf = (
	property: INodeProperties | undefined,
): Array<{ name: string; value: string; action?: string }> =>
	(property?.options ?? []).filter(
		(o): o is { name: string; value: string; action?: string } =>
			'value' in o && typeof o.value === 'string',
	);

/** Each resource's operations, in the order the dropdowns show them. */
export function panelCases(description: INodeTypeDescription): PanelCase[] {
	const resourceProperty = description.properties.find((p) => p.name === 'resource');
	const resources = optionsOf(resourceProperty);
	const cases: PanelCase[] = [];
	const shortName = description.name.split('.').pop() ?? description.name;
	for (const resource of resources) {
		const operationProperty = description.properties.find(
			(p) =>
				p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(resource.value),
		);
		// n8n adds "Custom API Call" to every resource; its panel only points to the HTTP Request node.
		for (const operation of optionsOf(operationProperty).filter(
			(o) => o.value !== '__CUSTOM_API_CALL__',
		)) {
			const parameters = { resource: resource.value, operation: operation.value };
			const credential = (description.credentials ?? []).find((c: INodeCredentialDescription) =>
				NodeHelpers.displayParameter(parameters, c, { typeVersion: 1 }, description),
			);
			cases.push({
				type: description.name,
				nodeDisplayName: description.displayName,
				resource: resource.value,
				resourceName: resource.name,
				operation: operation.value,
				operationName: operation.name,
				action: operation.action ?? operation.name,
				nodeName: `${resource.name}: ${operation.name}`,
				// One workflow per node type and resource: a handful of nodes, all on screen at once.
				workflowId: `bp${shortName}${resource.value}`
					.replace(/[^A-Za-z0-9]/g, '')
					.slice(0, 16)
					.padEnd(16, '0'),
				credentialType: credential?.name,
			});
		}
	}
	return cases;
}

/** Workflows holding one node per case, five to a row. */
export function panelWorkflows(
	cases: PanelCase[],
	credentialNames: Record<string, string>,
): WorkflowFile[] {
	const byWorkflow = new Map<string, PanelCase[]>();
	for (const c of cases) byWorkflow.set(c.workflowId, [...(byWorkflow.get(c.workflowId) ?? []), c]);
	return [...byWorkflow.entries()].map(([id, group]) => ({
		id,
		name: `Panels: ${group[0].nodeDisplayName} / ${group[0].resourceName}`,
		connections: {},
		nodes: group.map((c, i): INode => ({
			id: `${id}-${i}`,
			name: c.nodeName,
			type: c.type,
			typeVersion: 1,
			position: [(i % 5) * 240, Math.floor(i / 5) * 240],
			parameters: { resource: c.resource, operation: c.operation },
			...(c.credentialType
				? {
						credentials: {
							[c.credentialType]: {
								id: CREDENTIAL_IDS[c.credentialType],
								name: credentialNames[c.credentialType],
							},
						},
					}
				: {}),
		})),
	}));
}
