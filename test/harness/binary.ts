import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { INodeExecutionData } from 'n8n-workflow';
import { BINARY_ENCODING } from 'n8n-workflow';

/**
 * Makes output binary data self-contained (base64 in `data`, no store id) and deletes the
 * execution's stored files, so results can be asserted on after the run without a store.
 */
export async function inlineAndRelease(
	outputs: INodeExecutionData[][],
	workflowId: string,
	executionId: string,
): Promise<INodeExecutionData[][]> {
	const service = Container.get(BinaryDataService);
	for (const item of outputs.flat()) {
		for (const [key, binary] of Object.entries(item.binary ?? {})) {
			if (!binary.id || !item.binary) continue;
			const buffer = await service.getAsBuffer(binary);
			const { id: _storedId, ...rest } = binary;
			item.binary[key] = { ...rest, data: buffer.toString(BINARY_ENCODING) };
		}
	}
	await service.deleteMany([{ type: 'execution', workflowId, executionId }]);
	return outputs;
}
