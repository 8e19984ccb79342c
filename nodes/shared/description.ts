import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Operation } from './operation';
import { sharedOptions } from './options';

export interface ResourceOption {
	name: string;
	value: string;
	description?: string;
	/** The operation selected when the node is added; else Create, else the first one. */
	defaultOperation?: string;
}

/**
 * Builds the node's properties from the operations: the Resource dropdown, one Operation
 * dropdown per resource, each operation's fields, and the shared Options at the end.
 */
export function buildProperties(
	resources: ResourceOption[],
	operations: Operation[],
): INodeProperties[] {
	const defaultResource = resources[0].value;
	const props: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [...resources].sort((a, b) => a.name.localeCompare(b.name)),
			default: defaultResource,
		},
	];
	for (const resource of resources) {
		const ops = operations
			.filter((o) => o.resource === resource.value)
			.sort((a, b) => a.name.localeCompare(b.name));
		const defaultOperation =
			resource.defaultOperation ??
			ops.find((o) => o.operation === 'create')?.operation ??
			ops[0].operation;
		const options: INodePropertyOptions[] = ops.map((o) => ({
			name: o.name,
			value: o.operation,
			description: o.description,
			action: o.action,
		}));
		props.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options,
			default: defaultOperation,
		});
	}
	for (const op of operations) {
		props.push(
			...updateDisplayOptions(
				{ show: { resource: [op.resource], operation: [op.operation] } },
				op.properties,
			),
		);
	}
	props.push(sharedOptions);
	return props;
}

export function findOperation(
	operations: Operation[],
	resource: string,
	operation: string,
): Operation | undefined {
	return operations.find((o) => o.resource === resource && o.operation === operation);
}

/**
 * The canvas subtitle: the operation's action in words ("Create a user"), not its internal value.
 * n8n evaluates it as an expression over the node's parameters, so the lookup table goes inline.
 */
export function operationSubtitle(operations: Operation[]): string {
	const actions = Object.fromEntries(
		operations.map((o) => [`${o.resource}:${o.operation}`, o.action]),
	);
	return `={{(${JSON.stringify(actions)})[$parameter["resource"] + ":" + $parameter["operation"]] ?? $parameter["operation"]}}`;
}
