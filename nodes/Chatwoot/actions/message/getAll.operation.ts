import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { optionalId, positiveId } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import { idProperty } from '../../helpers/locators';
import { listAt } from '../../helpers/responses';

const input = z.object({
	conversationId: positiveId,
	filters: z.object({ after: optionalId }).default({}),
});

type Input = z.output<typeof input>;

/**
 * Chatwoot pages messages by message ID (MessageFinder): the newest 20, then 20 `before` the
 * oldest seen, each page oldest first; or up to 100 `after` a message, oldest first. The node
 * walks back from the newest (output newest first) or, with After Message ID, forward.
 */
const BACK_PAGE = 20;
const FORWARD_PAGE = 100;

const ids = (items: IDataObject[]) =>
	items.map((m) => Number(m.id)).filter((n) => Number.isFinite(n));

export const getAll = defineOperation({
	resource: 'message',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many messages',
	description:
		'List the messages of a conversation, newest first (or oldest first after a given message)',
	properties: [
		idProperty('conversation'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'After Message ID',
					name: 'after',
					type: 'number',
					default: 0,
					description:
						'Only messages after this one, oldest first (e.g. the last message a previous run saw)',
				},
			],
		},
	],
	input,
	paging: {
		by: 'cursor',
		what: 'messages',
		request: (value: Input, at) => {
			const path = `/conversations/${value.conversationId}/messages`;
			if (value.filters.after !== undefined)
				return { method: 'GET', path, qs: { after: at.cursor ?? String(value.filters.after) } };
			return at.cursor
				? { method: 'GET', path, qs: { before: at.cursor } }
				: { method: 'GET', path };
		},
		read: (body, _at, value) => {
			const page = listAt(body, 'payload');
			if (value.filters.after !== undefined) {
				return {
					items: page,
					next: page.length >= FORWARD_PAGE ? String(Math.max(...ids(page))) : undefined,
				};
			}
			return {
				items: [...page].reverse(),
				next: page.length >= BACK_PAGE ? String(Math.min(...ids(page))) : undefined,
			};
		},
	},
});
