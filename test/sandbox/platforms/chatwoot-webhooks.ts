/**
 * Webhook deliveries as Chatwoot makes them (Webhooks::Trigger): a JSON POST per subscribed
 * account webhook, signed since 4.11.2 with the webhook's secret:
 * `X-Chatwoot-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`,
 * `X-Chatwoot-Timestamp` and `X-Chatwoot-Delivery`. Only 127.0.0.1 / localhost URLs are called.
 */
import { createHmac, randomUUID } from 'node:crypto';

import type { ChatwootSandbox } from './chatwoot';
import { contactWebhookData, conversationJson, messageWebhookData } from './chatwoot-json';
import type { Body } from './chatwoot-store';

export interface Delivery {
	webhookId: number;
	url: string;
	event: string;
	/** HTTP status of the receiver's answer; 0 when it could not be reached; -1 when skipped (not local). */
	status: number;
	signed: boolean;
	body: string;
	headers: Record<string, string>;
}

/**
 * JSON as Rails writes it (ActiveSupport::JSON escapes <, >, & and the line separators), so a
 * receiver that re-serialises the parsed body instead of checking the raw bytes fails, as it
 * would with a real Chatwoot.
 */
export function railsJson(value: unknown): string {
	return JSON.stringify(value).replace(
		/[<>&\u2028\u2029]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}

export function signature(secret: string, timestamp: string, body: string): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const LOCAL = /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;

export class WebhookDeliverer {
	readonly deliveries: Delivery[] = [];

	constructor(private readonly cw: ChatwootSandbox) {}

	clear(): void {
		this.deliveries.length = 0;
	}

	/** Posts the event to every account webhook subscribed to it; resolves when all have answered. */
	async deliver(accountId: number, event: string, payload: Body): Promise<Delivery[]> {
		const hooks = [...this.cw.webhooks.values()].filter(
			(w) => w.account_id === accountId && w.subscriptions.includes(event),
		);
		return await Promise.all(
			hooks.map((hook) => this.post(hook.id, hook.url, hook.secret, event, payload)),
		);
	}

	private async post(
		webhookId: number,
		url: string,
		secret: string,
		event: string,
		payload: Body,
	): Promise<Delivery> {
		const body = railsJson({ ...payload, event });
		const headers: Record<string, string> = {
			'content-type': 'application/json',
			accept: 'application/json',
		};
		if (this.cw.signWebhooks) {
			const timestamp = String(Math.floor(Date.now() / 1000));
			headers['x-chatwoot-timestamp'] = timestamp;
			headers['x-chatwoot-signature'] = signature(secret, timestamp, body);
			headers['x-chatwoot-delivery'] = randomUUID();
		}
		const delivery: Delivery = {
			webhookId,
			url,
			event,
			status: -1,
			signed: this.cw.signWebhooks,
			body,
			headers,
		};
		this.deliveries.push(delivery);
		if (!LOCAL.test(url)) return delivery;
		try {
			const res = await fetch(url, {
				method: 'POST',
				headers,
				body,
				signal: AbortSignal.timeout(5000),
			});
			delivery.status = res.status;
			await res.arrayBuffer();
		} catch {
			delivery.status = 0;
		}
		return delivery;
	}

	/** A realistic payload for an event, from the seeded records (the /__sandbox/emit default). */
	samplePayload(event: string): Body {
		const cw = this.cw;
		const conversation = [...cw.conversations.values()][0];
		const contact = [...cw.contacts.values()][0];
		const account = { id: 1, name: cw.accounts.get(1)?.name };
		if (event.startsWith('message_') && conversation) {
			const message = [...cw.messages.values()]
				.filter((m) => m.conversation_id === conversation.id)
				.pop();
			if (message) return messageWebhookData(cw, message);
		}
		if (event.startsWith('conversation_') && conversation) {
			if (event.startsWith('conversation_typing'))
				return {
					conversation: conversationJson(cw, conversation),
					user: { id: 1, name: 'Olena Owner', type: 'user' },
					is_private: false,
				};
			return {
				...conversationJson(cw, conversation),
				changed_attributes:
					event === 'conversation_created'
						? undefined
						: [{ status: { previous_value: 'open', current_value: 'resolved' } }],
			};
		}
		if (event.startsWith('contact_') && contact) return contactWebhookData(cw, contact);
		return { account };
	}
}
