/**
 * Chatwoot (4.11.2 and later) signs each webhook delivery with the webhook's secret:
 * `X-Chatwoot-Signature: sha256=<hex of HMAC-SHA256(secret, "<X-Chatwoot-Timestamp>.<raw body>")>`.
 * Checked with the Web Crypto API (constant-time `verify`), which needs no import.
 */

/** Deliveries older or newer than this are refused (a captured delivery cannot be replayed later). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

function hexBytes(hex: string): Uint8Array | undefined {
	if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return undefined;
	const out = new Uint8Array(hex.length / 2);
	for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
	return out;
}

export async function verifyChatwootSignature(
	secret: string,
	headers: { signature?: string; timestamp?: string },
	rawBody: Uint8Array,
	nowSeconds: number,
): Promise<SignatureVerdict> {
	const { signature, timestamp } = headers;
	if (!signature || !timestamp)
		return {
			ok: false,
			reason: 'the delivery is not signed (no X-Chatwoot-Signature / X-Chatwoot-Timestamp)',
		};
	const sentAt = Number(timestamp);
	if (!Number.isInteger(sentAt)) return { ok: false, reason: 'X-Chatwoot-Timestamp is not a time' };
	if (Math.abs(nowSeconds - sentAt) > SIGNATURE_TOLERANCE_SECONDS)
		return { ok: false, reason: 'the delivery is more than 5 minutes old (or from the future)' };
	const bytes = hexBytes(signature.replace(/^sha256=/, ''));
	if (!bytes) return { ok: false, reason: 'X-Chatwoot-Signature is not a sha256 signature' };
	const encoder = new TextEncoder();
	const prefix = encoder.encode(`${timestamp}.`);
	const signed = new Uint8Array(prefix.length + rawBody.length);
	signed.set(prefix);
	signed.set(rawBody, prefix.length);
	const key = await crypto.subtle.importKey(
		'raw',
		encoder.encode(secret),
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['verify'],
	);
	const valid = await crypto.subtle.verify('HMAC', key, bytes, signed);
	return valid
		? { ok: true }
		: { ok: false, reason: 'X-Chatwoot-Signature does not match the body' };
}
