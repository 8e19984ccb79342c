import { defineOperation } from '../../../shared/operation';
import { filterBody, type FilterInput, filterInput, filterProperties } from '../../helpers/filters';
import { pagedList } from '../../helpers/lists';

export const filter = defineOperation({
	resource: 'contact',
	operation: 'filter',
	name: 'Filter',
	action: 'Filter contacts',
	description: 'Find contacts by conditions on their attributes, including custom attributes',
	properties: filterProperties({
		displayName: 'Attribute',
		name: 'attributeKey',
		type: 'string',
		default: 'email',
		placeholder:
			'e.g. email, name, phone_number, identifier, country_code, or a custom attribute key',
		description: 'A standard contact attribute or the key of a custom attribute',
	}),
	input: filterInput,
	// A filter is a read sent as POST: safe to repeat.
	paging: pagedList<FilterInput>('contacts', (value, page) => ({
		method: 'POST',
		path: '/contacts/filter',
		qs: { page },
		body: filterBody(value),
		idempotent: true,
	})),
});
