/**
 * The shape of the curated table the generator reads next to Chatwoot's spec: names, plain-word
 * descriptions, how each field is offered, and what the spec gets wrong against the server.
 */
import type { IdKindName } from '../../nodes/Chatwoot/helpers/locators';
import type { ListPath } from '../../nodes/Chatwoot/helpers/responses';

export type FieldKind =
	| 'string'
	| 'text'
	| 'email'
	| 'password'
	| 'color'
	| 'integer'
	| 'number'
	| 'id'
	| 'locator'
	| 'boolean'
	| 'json'
	| 'jsonList'
	| 'options'
	| 'numberOptions'
	| 'multiOptions'
	| 'textList'
	| 'idList'
	| 'unixTime'
	| 'isoTime';

export interface FieldRule {
	/** The node parameter name (default: the wire name in camelCase). */
	param?: string;
	displayName?: string;
	description?: string;
	kind?: FieldKind;
	/** For options kinds: [label, value]. */
	options?: Array<[string, string | number]>;
	default?: string | number | boolean;
	placeholder?: string;
	/** Overrides the spec's required flag (the server's word, with a note). */
	required?: boolean;
	/** Shown on its own rather than inside the optional fields' collection. */
	top?: boolean;
	/** For `locator`: which kind of record. */
	idKind?: IdKindName;
	/** Where the value goes when the spec does not say (extra fields). */
	in?: 'body' | 'query';
	/** For extra fields: the object the value goes inside. */
	parent?: string;
	/** Send unix times as text (report queries) rather than numbers. */
	asText?: boolean;
	/** Send null when the field is empty (Chatwoot reads null as "remove"). */
	nullWhenEmpty?: boolean;
	/** Required, yet empty is a value (an empty label list takes every label off): n8n must not demand it. */
	allowEmpty?: boolean;
	/** Not a parameter: always this value (e.g. a report type the endpoint allows only one of). */
	fixed?: string | number;
}

/** How a path parameter is offered: an ID kind (a locator) or plain text. */
export type PathRule =
	| IdKindName
	| { kind: IdKindName; displayName?: string; description?: string; param?: string }
	| { text: string; displayName: string; description: string };

export interface ListRule {
	/** Where the records sit in the answer. */
	at: ListPath;
	/** What is listed, for the Limit hint ("labels"). */
	what: string;
	/** Numbered pages (`page` in the query) of this many; otherwise everything comes at once. */
	pageSize?: number;
	/** Where the answer gives the number of records in the whole list. */
	total?: 'meta.count' | 'total_entries';
}

export interface GeneratedOperation {
	/** The spec's operationId. */
	spec: string;
	resource: string;
	operation: string;
	/** Shown in the Operation dropdown. */
	name: string;
	/** n8n's action text, e.g. "Create a label". */
	action: string;
	description: string;
	/** Path parameters (the account ID of application paths comes from the credential). */
	ids?: Record<string, PathRule>;
	/** Per field (wire name, `parent.child` for nested ones): how it is offered, or 'omit' with a reason in `notes`. */
	fields?: Record<string, FieldRule | 'omit'>;
	/** Fields the server reads that the spec leaves out (errata). */
	extra?: Record<string, FieldRule & { kind: FieldKind }>;
	/** Lists: where the records are and how they page. */
	list?: ListRule;
	/** How the answer becomes the item: the record (unwrapped from `payload`, or from `payload.<key>`), `deleted`, or as it comes. */
	output?: 'record' | 'deleted' | 'raw' | { key: string } | { code: string; imports?: string[] };
	/** For a create: look here for the record after a lost answer (Chatwoot keeps `key` unique in the account). */
	lookup?: {
		path: string;
		at: ListPath;
		key: string;
		query?: Record<string, string>;
		why?: string;
	};
	/** A create nothing identifies afterwards: why (it is never sent twice). */
	unverifiable?: string;
	/** A POST or PATCH that is safe to send twice: why. */
	idempotent?: string;
	/** With both `idempotent` and `unverifiable`: the field (wire name) whose presence makes it idempotent. */
	idempotentWhen?: string;
	/** Offers the agent bot token (Authentication). */
	bot?: boolean;
	/** Errata and other remarks, written above the operation. */
	notes?: string[];
	/** The optional fields' collection (default by method: Additional Fields, Update Fields, Filters). */
	collection?: { name: string; displayName: string };
}
