import { z } from 'zod';

import { requiredString } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { contactSearchRequest } from '../../helpers/contact-search';
import { pagedList } from '../../helpers/lists';

const SORTS = [
	'',
	'name',
	'-name',
	'email',
	'-email',
	'phone_number',
	'-phone_number',
	'last_activity_at',
	'-last_activity_at',
] as const;

const input = z.object({
	query: requiredString('the search text'),
	sort: z
		.enum(SORTS, { errorMap: () => ({ message: 'is not a sort order Chatwoot knows' }) })
		.default(''),
});

type Input = z.output<typeof input>;

export const search = defineOperation({
	resource: 'contact',
	operation: 'search',
	name: 'Search',
	action: 'Search contacts',
	description: 'Find contacts whose name, email, phone number or identifier contains the text',
	properties: [
		{
			displayName: 'Search Text',
			name: 'query',
			type: 'string',
			required: true,
			default: '',
			description:
				'Matched as a part of the name, email, phone number or identifier (case-insensitive)',
		},
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'options',
			options: [
				{ name: 'Chatwoot Default', value: '' },
				{ name: 'Email (A-Z)', value: 'email' },
				{ name: 'Email (Z-A)', value: '-email' },
				{ name: 'Last Activity (Newest First)', value: '-last_activity_at' },
				{ name: 'Last Activity (Oldest First)', value: 'last_activity_at' },
				{ name: 'Name (A-Z)', value: 'name' },
				{ name: 'Name (Z-A)', value: '-name' },
				{ name: 'Phone Number (Ascending)', value: 'phone_number' },
				{ name: 'Phone Number (Descending)', value: '-phone_number' },
			],
			default: '',
		},
	],
	input,
	paging: pagedList<Input>('contacts', ({ query, sort }, page) =>
		contactSearchRequest(query, page, sort),
	),
});
