import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { requiredString } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { pagedList } from '../../helpers/lists';

const OPERATORS = ['equal_to', 'not_equal_to', 'contains', 'does_not_contain'] as const;

const condition = z.object({
	attributeKey: requiredString('the attribute'),
	operator: z.enum(OPERATORS, { errorMap: () => ({ message: `must be one of ${OPERATORS.join(', ')}` }) }),
	value: z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v)),
});

const input = z.object({
	conditions: z
		.object({ condition: z.array(condition).default([]) })
		.default({})
		.refine((c) => c.condition.length > 0, { message: 'add at least one condition' }),
	match: z.enum(['AND', 'OR']).default('AND'),
});

type Input = z.output<typeof input>;

/** Chatwoot chains conditions left to right: each carries the operator that joins it to the next. */
export function filterBody(value: Input): IDataObject {
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

export const filter = defineOperation({
	resource: 'contact',
	operation: 'filter',
	name: 'Filter',
	action: 'Filter contacts',
	description: 'Find contacts by conditions on their attributes, including custom attributes',
	properties: [
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
						{
							displayName: 'Attribute',
							name: 'attributeKey',
							type: 'string',
							default: 'email',
							placeholder: 'e.g. email, name, phone_number, identifier, country_code, or a custom attribute key',
							description: 'A standard contact attribute or the key of a custom attribute',
						},
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
	],
	input,
	// A filter is a read sent as POST: safe to repeat.
	paging: pagedList<Input>('contacts', (value, page) => ({
		method: 'POST',
		path: '/contacts/filter',
		qs: { page },
		body: filterBody(value),
		idempotent: true,
	})),
});
