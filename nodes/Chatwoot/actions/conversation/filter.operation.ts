import { defineOperation } from '../../../shared/operation';
import { filterBody, type FilterInput, filterInput, filterProperties } from '../../helpers/filters';
import { listAt } from '../../helpers/responses';

export const filter = defineOperation({
	resource: 'conversation',
	operation: 'filter',
	name: 'Filter',
	action: 'Filter conversations',
	description: 'Find conversations by conditions on their attributes, including custom attributes',
	properties: filterProperties({
		displayName: 'Attribute',
		name: 'attributeKey',
		type: 'string',
		default: 'status',
		placeholder:
			'e.g. status, assignee_id, inbox_id, team_id, priority, browser_language, or a custom attribute key',
		description: 'A standard conversation attribute or the key of a custom attribute',
	}),
	input: filterInput,
	// Conversations come 25 to a page ({meta, payload}); a filter is a read sent as POST: safe to repeat.
	paging: {
		by: 'page',
		what: 'conversations',
		pageSize: 25,
		request: (value: FilterInput, at) => ({
			method: 'POST',
			path: '/conversations/filter',
			qs: { page: at.page },
			body: filterBody(value),
			idempotent: true,
		}),
		read: (body) => ({ items: listAt(body, 'payload') }),
	},
});
