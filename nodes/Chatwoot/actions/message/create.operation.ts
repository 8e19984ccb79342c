import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { jsonObject, optionalId, positiveId, stringList } from '../../../shared/checks';
import { defineOperation } from '../../../shared/operation';
import type { RequestSpec } from '../../../shared/types';
import { botAuthentication, botAuthenticationProperty } from '../../helpers/authentication';
import { binaryFiles, formPairs } from '../../helpers/binary';
import { oneOf } from '../../helpers/checks';
import { idProperty } from '../../helpers/locators';
import { compact } from '../../helpers/wire';

const file = z.object({
	field: z.string(),
	filename: z.string(),
	contentType: z.string(),
	data: z.custom<Buffer>((v) => Buffer.isBuffer(v)),
});

const input = z
	.object({
		authenticateAs: botAuthentication,
		conversationId: positiveId,
		content: z.string().default(''),
		additionalFields: z
			.object({
				messageType: oneOf(['incoming', 'outgoing']).optional(),
				private: z.boolean().optional(),
				contentType: oneOf([
					'article',
					'cards',
					'form',
					'input_email',
					'input_select',
					'text',
				]).optional(),
				contentAttributes: jsonObject.optional(),
				campaignId: optionalId,
				templateParams: jsonObject.optional(),
				attachments: stringList,
			})
			.default({}),
		files: z.array(file).default([]),
	})
	.superRefine((v, ctx) => {
		if (!v.content.trim() && !v.files.length && !v.additionalFields.templateParams) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['content'],
				message: 'is required (or send an attachment or a WhatsApp template)',
			});
		}
	});

type Input = z.output<typeof input>;

function fields(value: Input): IDataObject {
	const f = value.additionalFields;
	return compact({
		content: value.content || undefined,
		message_type: f.messageType,
		private: f.private,
		content_type: f.contentType,
		content_attributes: f.contentAttributes,
		campaign_id: f.campaignId,
		template_params: f.templateParams,
	});
}

/**
 * With attachments the message goes as multipart/form-data (`attachments[]`), which Chatwoot's
 * MessageBuilder reads; the spec documents only the JSON body.
 */
export function messageRequest(value: Input): RequestSpec {
	const path = `/conversations/${value.conversationId}/messages`;
	const unverifiable =
		'The same text may be sent twice on purpose: nothing tells a new message apart.';
	if (!value.files.length) return { method: 'POST', path, body: fields(value), unverifiable };
	const pairs = Object.entries(fields(value)).flatMap(([key, v]) =>
		// content_attributes goes as JSON text: MessageBuilder parses a string there.
		key === 'content_attributes'
			? [[key, JSON.stringify(v)] as [string, string]]
			: formPairs(key, v),
	);
	return { method: 'POST', path, multipart: { fields: pairs, files: value.files }, unverifiable };
}

export const create = defineOperation({
	resource: 'message',
	operation: 'create',
	name: 'Create',
	action: 'Send a message',
	description:
		'Send a message or a private note in a conversation, with files from binary data if you like',
	properties: [
		botAuthenticationProperty,
		idProperty('conversation'),
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'The text of the message (may be empty when files are attached)',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Attachments (Binary Fields)',
					name: 'attachments',
					type: 'string',
					default: 'data',
					placeholder: 'e.g. data, invoice',
					description: 'The binary fields of the input item to attach, comma-separated',
				},
				{
					displayName: 'Campaign ID',
					name: 'campaignId',
					type: 'number',
					default: 0,
					description: 'The campaign the message belongs to',
				},
				{
					displayName: 'Content Attributes',
					name: 'contentAttributes',
					type: 'json',
					default: '{}',
					description:
						'Attributes for the content type as JSON, e.g. the items of cards or input_select',
				},
				{
					displayName: 'Content Type',
					name: 'contentType',
					type: 'options',
					options: [
						{ name: 'Article', value: 'article' },
						{ name: 'Cards', value: 'cards' },
						{ name: 'Form', value: 'form' },
						{ name: 'Input Email', value: 'input_email' },
						{ name: 'Input Select', value: 'input_select' },
						{ name: 'Text', value: 'text' },
					],
					default: 'text',
					description: 'How Chatwoot shows the message',
				},
				{
					displayName: 'Message Type',
					name: 'messageType',
					type: 'options',
					options: [
						{ name: 'Incoming (From the Contact, API Inboxes Only)', value: 'incoming' },
						{ name: 'Outgoing (To the Contact)', value: 'outgoing' },
					],
					default: 'outgoing',
					description: 'Who the message is from',
				},
				{
					displayName: 'Private Note',
					name: 'private',
					type: 'boolean',
					default: false,
					description: 'Whether the message is a private note that only agents see',
				},
				{
					displayName: 'WhatsApp Template Params',
					name: 'templateParams',
					type: 'json',
					default: '{}',
					description:
						'For a WhatsApp inbox: the approved template as JSON with name, category, language and processed_params',
				},
			],
		},
	],
	// Reads the attachments' bytes from the item's binary data before anything is checked or sent.
	params: async (read, itemIndex, n8n) => {
		const additionalFields = (read('additionalFields', itemIndex, {}) ?? {}) as IDataObject;
		const names = stringList.parse(additionalFields.attachments);
		return {
			authenticateAs: read('authenticateAs', itemIndex, 'userToken') as string,
			conversationId: read('conversationId', itemIndex, '') as string,
			content: read('content', itemIndex, '') as string,
			additionalFields,
			files: (await binaryFiles(
				n8n,
				itemIndex,
				names,
				'attachments[]',
				'Attachments (Binary Fields)',
			)) as unknown as IDataObject[],
		};
	},
	input,
	request: messageRequest,
});
