import type { INode, INodeProperties, INodePropertyCollection } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

import { htmlList } from './html';

/** The label a user sees for a parameter path, e.g. ["additionalFields","timezone"] -> "Additional Fields > Timezone". */
export function fieldLabel(properties: INodeProperties[], path: Array<string | number>): string {
	const labels: string[] = [];
	let level: Array<INodeProperties | INodePropertyCollection> = properties;
	for (const segment of path) {
		if (typeof segment === 'number') {
			labels[labels.length - 1] = `${labels[labels.length - 1] ?? ''} #${segment + 1}`;
			continue;
		}
		const found = level.find((p) => p.name === segment);
		if (!found) {
			labels.push(segment);
			level = [];
			continue;
		}
		labels.push(found.displayName);
		const nested = 'options' in found && Array.isArray(found.options) ? found.options : undefined;
		const values = 'values' in found && Array.isArray(found.values) ? found.values : undefined;
		level =
			values ??
			(nested?.filter((o) => typeof o === 'object' && 'displayName' in o) as Array<
				INodeProperties | INodePropertyCollection
			>) ??
			[];
	}
	return labels.join(' > ');
}

function issueText(properties: INodeProperties[], issue: z.ZodIssue): string {
	const path = issue.path.filter((p) => p !== '');
	const label = path.length ? fieldLabel(properties, path) : 'Input';
	const key = path.join('.');
	const message =
		issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is required' : issue.message;
	return `${label}${key && label !== key ? ` (${key})` : ''}: ${message}`;
}

/** Invalid input: one error naming the item and the field (and every problem, one a line); the caller sends nothing. */
export function invalidInputError(
	node: INode,
	itemIndex: number,
	properties: INodeProperties[],
	issues: z.ZodIssue[],
): NodeOperationError {
	const texts = issues.map((i) => issueText(properties, i));
	const message = `Item ${itemIndex}: ${texts[0]}`;
	const description =
		texts.length > 1
			? `All ${texts.length} problems in this item:${htmlList(texts)}Nothing was sent.`
			: 'Nothing was sent.';
	return new NodeOperationError(node, message, { itemIndex, description });
}
