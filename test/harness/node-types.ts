import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
} from 'n8n-workflow';
import { BINARY_ENCODING, NodeConnectionTypes, UnexpectedError } from 'n8n-workflow';

export const START_NODE_TYPE = 'harness.start';

/**
 * Stands in for the Manual Trigger: the engine hands it the run's input items on the
 * execution stack and it passes them on, so the node under test receives them exactly
 * as it would from an upstream node. With `storeBinary` it first moves inline base64
 * binary data into the binary data store, as an upstream node in filesystem mode would.
 */
export class HarnessStart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Start',
		name: 'harnessStart',
		group: ['input'],
		version: 1,
		description: 'Emits the items given to runNode',
		defaults: { name: 'Start' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Store Binary', name: 'storeBinary', type: 'hidden', default: false },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (this.getNodeParameter('storeBinary', 0) !== true) return [items];
		for (const { binary } of items) {
			for (const [key, data] of Object.entries(binary ?? {})) {
				if (data.id || !binary) continue;
				const buffer = Buffer.from(data.data, BINARY_ENCODING);
				binary[key] = await this.helpers.setBinaryDataBuffer({ ...data, data: '' }, buffer);
			}
		}
		return [items];
	}
}

/** The INodeTypes registry the Workflow resolves node types through. */
export class HarnessNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}

	getByName(nodeType: string): INodeType {
		const type = this.types[nodeType];
		if (!type) throw new UnexpectedError(`Harness: unknown node type "${nodeType}"`);
		return type;
	}

	getByNameAndVersion(nodeType: string): INodeType {
		return this.getByName(nodeType);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/** Highest version a node description declares (workflow JSON would pin one). */
export function latestVersion(node: INodeType): number {
	const { version } = node.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}
