import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { requiredString } from '../../shared/checks';

/** The operators Chatwoot's filter endpoints take (contacts and conversations alike). */
const OPERATORS = ['equal_to', 'not_equal_to', 'contains', 'does_not_contain'] as const;

const condition = z.object({
	attributeKey: requiredString('the attribute'),
	operator: z.enum(OPERATORS, {
		errorMap: () => ({ message: `must be one of ${OPERATORS.join(', ')}` }),
	}),
	value: z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v)),
});

/** Conditions and how they combine, as the filter operations read them. */
export const filterInput = z.object({
	conditions: z
		.object({ condition: z.array(condition).default([]) })
		.default({})
		.refine((c) => c.condition.length > 0, { message: 'add at least one condition' }),
	match: z.enum(['AND', 'OR']).default('AND'),
});

export type FilterInput = z.output<typeof filterInput>;

/** Chatwoot chains conditions left to right: each carries the operator that joins it to the next. */
export function filterBody(value: FilterInput): IDataObject {
	const list = value.conditions.condition;
	return {
		payload: list.map((c, i) => ({
			attribute_key: c.attributeKey,
			filter_operator: c.operator,
			values: [c.value],
			query_operator: i < list.length - 1 ? value.match : null,
		})),
	};
}

/** The Conditions and Match parameters, around the operation's own Attribute field. */
export function filterProperties(attribute: INodeProperties): INodeProperties[] {
	return [
		{
			displayName: 'Conditions',
			name: 'conditions',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Condition',
			default: {},
			options: [
				{
					displayName: 'Condition',
					name: 'condition',
					values: [
						attribute,
						{
							displayName: 'Operator',
							name: 'operator',
							type: 'options',
							options: [
								{ name: 'Contains', value: 'contains' },
								{ name: 'Does Not Contain', value: 'does_not_contain' },
								{ name: 'Equal To', value: 'equal_to' },
								{ name: 'Not Equal To', value: 'not_equal_to' },
							],
							default: 'equal_to',
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Match',
			name: 'match',
			type: 'options',
			options: [
				{ name: 'All Conditions (AND)', value: 'AND' },
				{ name: 'Any Condition (OR)', value: 'OR' },
			],
			default: 'AND',
		},
	];
}
