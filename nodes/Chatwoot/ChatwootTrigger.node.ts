import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHookFunctions,
	IHttpRequestMethods,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

import { CHATWOOT_WEBHOOK_EVENTS } from './helpers/webhook-events';
import { verifyChatwootSignature } from './helpers/webhook-signature';
import {
	CHATWOOT_ACCOUNT_CREDENTIAL,
	chatwootBaseUrl,
	chatwootErrorHint,
	chatwootErrorMessage,
} from './transport';

interface WebhookRecord {
	id?: number;
	url?: string;
	subscriptions?: string[];
	secret?: string;
}

/** What the trigger keeps between activation and deliveries (per node, in the workflow's static data). */
interface TriggerState {
	webhookId?: number;
	/** The signing secret Chatwoot (4.11.2+) returned when the webhook was made; absent on older versions. */
	secret?: string;
}

/** One call to the account's webhooks API; a refusal becomes an error in Chatwoot's words. */
async function webhooksApi(
	this: IHookFunctions,
	method: IHttpRequestMethods,
	path: string,
	body?: IDataObject,
): Promise<{ status: number; body: unknown }> {
	const credentials = await this.getCredentials<ICredentialDataDecryptedObject>(
		CHATWOOT_ACCOUNT_CREDENTIAL,
	);
	const response = (await this.helpers.httpRequestWithAuthentication.call(
		this,
		CHATWOOT_ACCOUNT_CREDENTIAL,
		{
			method,
			url: `${chatwootBaseUrl(credentials, 'webhook')}${path}`,
			body,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		},
	)) as { statusCode: number; body: unknown };
	return { status: response.statusCode, body: response.body };
}

function failure(this: IHookFunctions, what: string, status: number, body: unknown): NodeApiError {
	const detail =
		chatwootErrorMessage(status, body, 'webhook', CHATWOOT_ACCOUNT_CREDENTIAL) ?? `HTTP ${status}`;
	const hint = chatwootErrorHint(status, body, 'webhook', CHATWOOT_ACCOUNT_CREDENTIAL);
	return new NodeApiError(
		this.getNode(),
		{ message: detail },
		{
			message: `Chatwoot ${status}: ${detail}`,
			description: [hint, what].filter(Boolean).join(' — '),
			httpCode: String(status),
		},
	);
}

const webhookOf = (body: unknown): WebhookRecord => {
	const payload = (body as { payload?: { webhook?: WebhookRecord } } | null)?.payload;
	return payload?.webhook ?? {};
};

const sameEvents = (a: string[] = [], b: string[] = []) =>
	[...a].sort().join(',') === [...b].sort().join(',');

export class ChatwootTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chatwoot Trigger',
		name: 'chatwootTrigger',
		icon: 'file:chatwoot.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Chatwoot sends an event: conversations, messages, contacts and more',
		defaults: { name: 'Chatwoot Trigger' },
		// n8n's editor opens a node-level URL as it is; to the codex link it appends a query, after the anchor.
		documentationUrl:
			'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning#chatwoot-trigger',
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CHATWOOT_ACCOUNT_CREDENTIAL, required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					"When the workflow is activated, the node adds a webhook to the Chatwoot account (the token's user must be an administrator) and removes it on deactivation",
				name: 'activationNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: CHATWOOT_WEBHOOK_EVENTS,
				default: [],
				description: 'The events that start the workflow',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Inbox IDs',
						name: 'inboxIds',
						type: 'string',
						default: '',
						placeholder: 'e.g. 1, 4',
						description:
							'Only events of these inboxes, comma-separated (contact events belong to no inbox and always pass)',
					},
					{
						displayName: 'Webhook Name',
						name: 'webhookName',
						type: 'string',
						default: 'n8n',
						description:
							'The name the webhook gets in Chatwoot (Settings > Integrations > Webhooks)',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			/** Finds this workflow's webhook by its URL; brings its events in line with the node's. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as TriggerState;
				const url = this.getNodeWebhookUrl('default');
				const events = this.getNodeParameter('events') as string[];
				const list = await webhooksApi.call(this, 'GET', '/webhooks');
				if (list.status !== 200) throw failure.call(this, 'GET /webhooks', list.status, list.body);
				const webhooks = ((list.body as { payload?: { webhooks?: WebhookRecord[] } } | null)
					?.payload?.webhooks ?? []) as WebhookRecord[];
				const existing = webhooks.find((w) => w.url === url);
				if (!existing?.id) {
					delete state.webhookId;
					return false;
				}
				state.webhookId = existing.id;
				if (existing.secret) state.secret = existing.secret;
				if (!sameEvents(existing.subscriptions, events)) {
					const updated = await webhooksApi.call(this, 'PATCH', `/webhooks/${existing.id}`, {
						subscriptions: events,
					});
					if (updated.status !== 200)
						throw failure.call(
							this,
							`PATCH /webhooks/${existing.id}`,
							updated.status,
							updated.body,
						);
				}
				return true;
			},

			/** Adds the webhook; keeps its ID and, where Chatwoot returns one, its signing secret. */
			async create(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as TriggerState;
				const options = this.getNodeParameter('options', {}) as { webhookName?: string };
				const body = {
					url: this.getNodeWebhookUrl('default'),
					name: options.webhookName || 'n8n',
					subscriptions: this.getNodeParameter('events') as string[],
				};
				const created = await webhooksApi.call(this, 'POST', '/webhooks', body);
				if (created.status !== 200)
					throw failure.call(this, 'POST /webhooks', created.status, created.body);
				const webhook = webhookOf(created.body);
				if (!webhook.id)
					throw failure.call(
						this,
						'POST /webhooks answered without a webhook ID',
						created.status,
						created.body,
					);
				state.webhookId = webhook.id;
				if (webhook.secret) state.secret = webhook.secret;
				else delete state.secret;
				return true;
			},

			/** Removes the webhook; one Chatwoot no longer has counts as removed. */
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as TriggerState;
				if (state.webhookId === undefined) return true;
				const removed = await webhooksApi.call(this, 'DELETE', `/webhooks/${state.webhookId}`);
				if (removed.status !== 200 && removed.status !== 204 && removed.status !== 404) {
					throw failure.call(
						this,
						`DELETE /webhooks/${state.webhookId}`,
						removed.status,
						removed.body,
					);
				}
				delete state.webhookId;
				delete state.secret;
				return true;
			},
		},
	};

	/**
	 * Checks each delivery as far as Chatwoot allows: with a signing secret (Chatwoot 4.11.2+) the
	 * signature and its time must be right, or the delivery is refused with 401; older versions
	 * sign nothing, so only the event, the account and the inbox can be checked.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const state = this.getWorkflowStaticData('node') as TriggerState;
		const body = this.getBodyData();
		if (state.secret) {
			const headers = this.getHeaderData();
			const raw =
				(this.getRequestObject() as unknown as { rawBody?: Uint8Array }).rawBody ??
				new TextEncoder().encode(JSON.stringify(body));
			const verdict = await verifyChatwootSignature(
				state.secret,
				{
					signature: headers['x-chatwoot-signature'] as string | undefined,
					timestamp: headers['x-chatwoot-timestamp'] as string | undefined,
				},
				raw,
				Math.floor(Date.now() / 1000),
			);
			if (!verdict.ok) {
				this.getResponseObject()
					.status(401)
					.json({ error: `Refused: ${verdict.reason}` });
				return { noWebhookResponse: true };
			}
		}
		const event = String(body.event ?? '');
		const events = this.getNodeParameter('events') as string[];
		if (!events.includes(event))
			return {
				webhookResponse: { received: true, ignored: `event ${event || '(none)'} is not selected` },
			};
		const credentials = await this.getCredentials<ICredentialDataDecryptedObject>(
			CHATWOOT_ACCOUNT_CREDENTIAL,
		);
		const account = (body.account as IDataObject | undefined)?.id ?? body.account_id;
		if (account !== undefined && String(account) !== String(credentials.accountId).trim()) {
			return { webhookResponse: { received: true, ignored: 'the event is from another account' } };
		}
		const inboxIds = String(
			(this.getNodeParameter('options', {}) as { inboxIds?: string }).inboxIds ?? '',
		)
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
		const inbox =
			(body.inbox as IDataObject | undefined)?.id ??
			body.inbox_id ??
			((body.conversation as IDataObject | undefined)?.inbox_id as unknown);
		if (inboxIds.length && inbox !== undefined && !inboxIds.includes(String(inbox))) {
			return { webhookResponse: { received: true, ignored: 'the event is from another inbox' } };
		}
		return { workflowData: [this.helpers.returnJsonArray(body)] };
	}
}
