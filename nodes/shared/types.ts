import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface MultipartFile {
	field: string;
	filename: string;
	contentType: string;
	/** The bytes, or pieces of them: pieces are joined once, straight into the request body. */
	data: Buffer | Buffer[];
}

/** Size in bytes of a file's data, whole or in pieces. */
export function fileSize(file: MultipartFile): number {
	return Array.isArray(file.data) ? file.data.reduce((n, b) => n + b.length, 0) : file.data.length;
}

/** One HTTP request, as a descriptor describes it: pure data, no auth, no base URL. */
export interface RequestSpec {
	method: HttpMethod;
	/** Path below the platform's base URL, starting with `/`. */
	path: string;
	qs?: IDataObject;
	/** JSON body. */
	body?: IDataObject | IDataObject[];
	/** application/x-www-form-urlencoded body; pairs keep order and may repeat (`a[][k]`). */
	form?: Array<[string, string]>;
	/** multipart/form-data body. */
	multipart?: { fields?: Array<[string, string]>; files: MultipartFile[] };
	headers?: Record<string, string>;
	/**
	 * Safe to send twice. Defaults to true for GET/PUT/DELETE and false for POST/PATCH;
	 * searches that POST a filter set it to true.
	 */
	idempotent?: boolean;
	/**
	 * For creates: how to tell whether the record exists after an answer was lost (timeout,
	 * dropped connection, gateway 5xx). With it, the client looks before sending again, so a
	 * retry never makes a duplicate; without it, such a create fails and is not re-sent.
	 */
	verify?: {
		request: RequestSpec;
		/** The record in the lookup's answer, or undefined when it is not there. */
		find: (body: unknown) => unknown;
	};
	/**
	 * For creates that nothing identifies afterwards (e.g. a chat message): why no `verify` is
	 * possible. Such a create is never sent twice; a lost answer fails the item instead.
	 */
	unverifiable?: string;
}

export interface ApiResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
}

/** What the shared core needs to know about one platform. */
export interface Platform {
	/** Display name used in messages, e.g. "Acme CRM". */
	displayName: string;
	/**
	 * The credential type used for a resource (a platform may have several kinds of token);
	 * `parameter` reads a node parameter where the choice also depends on one (e.g. "Authentication").
	 */
	credentialType: (resource: string, parameter?: (name: string) => unknown) => string;
	/** The API base URL from the credential's data (no trailing slash). */
	baseUrl: (credentials: ICredentialDataDecryptedObject, resource: string) => string;
	/** Names of credential fields whose values are secrets, masked wherever they appear. */
	secretCredentialFields: string[];
	/** How the credential's auth shows in a request echo (already masked). */
	authEcho: (resource: string) => { headers?: Record<string, string>; qs?: Record<string, string> };
	/**
	 * One readable sentence from an error response body, or undefined to use the generic text.
	 * `credentialType` is the credential the request went with (platforms with several kinds of token).
	 */
	errorMessage: (
		statusCode: number,
		body: unknown,
		resource: string,
		credentialType?: string,
	) => string | undefined;
	/**
	 * The credential is OAuth2: 401s are left to n8n, which refreshes the token once (under its
	 * lock, safe with queue workers) and repeats the call.
	 */
	oauth2?: boolean;
	/** Headers taken from the credential for every call (e.g. a reseller's company ID). */
	headers?: (
		credentials: ICredentialDataDecryptedObject,
		resource: string,
	) => Record<string, string>;
	/** Extra guidance for a status, e.g. that a 402 means the edition lacks this API. */
	errorHint?: (
		statusCode: number,
		body: unknown,
		resource: string,
		credentialType?: string,
	) => string | undefined;
	/** Whether an answer means the service refused the credential, and which field to check. */
	refusal?: (
		statusCode: number,
		body: unknown,
		resource: string,
		credentialType?: string,
	) => CredentialRefusal | undefined;
}

/** A refused credential in the words of its form: what was refused and what to do about it. */
export interface CredentialRefusal {
	/** What the service refused, e.g. "the API Key". */
	refused: string;
	/** What to do, as a sentence naming the field, e.g. "Check the API Key in the Keitaro credential." */
	fix: string;
}

/** The outcome of a write that may have created, changed or left a record alone. */
export type Outcome = 'created' | 'updated' | 'unchanged' | 'existing' | 'deleted';
