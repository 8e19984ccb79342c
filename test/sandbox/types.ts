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

/** A credential that points a node at the sandbox (npm start and the e2e suite import these). */
export interface SandboxCredential {
	/** Credential name as shown in n8n. */
	name: string;
	/** n8n credential type. */
	type: string;
	data: Record<string, string | number | boolean>;
}

export interface SandboxPlatform {
	/** Path prefix on the shared server, e.g. "/keitaro". */
	prefix: string;
	name: string;
	handle(req: SandboxRequest): SandboxResponse | Promise<SandboxResponse>;
	reset(): void;
	/** n8n credentials for this platform, given the sandbox's own URL (http://127.0.0.1:port). */
	credentials(sandboxUrl: string): SandboxCredential[];
	/** The platform's stored records, for tests and the /__sandbox/state control endpoint. */
	snapshot(): unknown;
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
	/** Form and multipart fields in wire order, repeated keys kept. */
	form?: Array<[string, string]>;
}
