import type { IncomingHttpHeaders } from 'node:http';

export interface UploadedFile {
	field: string;
	filename: string;
	contentType: string;
	data: Buffer;
}

/** A request as a platform handler sees it: parsed, with the platform prefix taken off the path. */
export interface SandboxRequest {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	/** JSON body, or form/multipart fields as an object; undefined when there is none. */
	body: unknown;
	/** Form pairs in order (urlencoded and multipart fields). */
	form?: Array<[string, string]>;
	files?: UploadedFile[];
	/** Set when the body claimed to be JSON but did not parse. */
	bodyError?: string;
}

export interface SandboxResponse {
	status: number;
	body?: unknown;
	/** Sent as is instead of JSON (e.g. text or a broken body). */
	raw?: string;
	headers?: Record<string, string>;
}

export interface SandboxPlatform {
	/** Path prefix on the shared server, e.g. "/keitaro". */
	prefix: string;
	name: string;
	handle(req: SandboxRequest): SandboxResponse | Promise<SandboxResponse>;
	reset(): void;
}

/** One line of the request log (SANDBOX_LOG). */
export interface LoggedRequest {
	time: string;
	platform: string;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	body: unknown;
}
