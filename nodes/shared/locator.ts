import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { parseJsonText } from './body';
import type { Platform, RequestSpec } from './types';

/**
 * IDs as n8n's own nodes offer them: a resource locator with "From List" (when the API can list
 * the records) and "By ID". Operations read the value through the shared id checks, which take
 * a locator value, or a plain ID from older workflows and expressions.
 */
export interface LocatorOptions {
	displayName: string;
	name: string;
	description?: string;
	/** The node's listSearch method; leave out where the API has no list endpoint. */
	searchMethod?: string;
	/** IDs are whole numbers (checked as typed in "By ID"). */
	numeric?: boolean;
	placeholder?: string;
	required?: boolean;
}

export function idLocator(o: LocatorOptions): INodeProperties {
	const modes: INodePropertyMode[] = [];
	if (o.searchMethod) {
		const noun = o.displayName.replace(/ ID$/, '').toLowerCase();
		modes.push({
			...modeName('From List', 'list'),
			type: 'list',
			placeholder: `Select ${/^[aeio]/.test(noun) ? 'an' : 'a'} ${noun}...`,
			typeOptions: { searchListMethod: o.searchMethod, searchable: true },
		});
	}
	modes.push({
		...modeName('By ID', 'id'),
		type: 'string',
		placeholder: o.placeholder ?? (o.numeric ? 'e.g. 42' : 'e.g. abC123'),
		validation: o.numeric
			? [{ type: 'regex', properties: { regex: '^\\s*[1-9][0-9]*\\s*$', errorMessage: 'Enter a whole number greater than 0' } }]
			: undefined,
	});
	return {
		displayName: o.displayName,
		name: o.name,
		type: 'resourceLocator',
		required: o.required ?? true,
		default: { mode: o.searchMethod ? 'list' : 'id', value: '' },
		description: o.description,
		modes,
	};
}

/** A mode's label and value (kept apart so lint does not take a mode for a parameter). */
function modeName(displayName: string, name: string): Pick<INodePropertyMode, 'displayName' | 'name'> {
	return { displayName, name };
}

/** The ID inside a resource locator value; anything else as it is. */
export function locatorValue(value: unknown): unknown {
	if (value && typeof value === 'object' && '__rl' in value) return (value as { value?: unknown }).value;
	return value;
}

/** How a list endpoint answers a picker: one page of choices, and how to ask for the next. */
export interface ListSearch {
	resource: string;
	request: (filter: string | undefined, page: number) => RequestSpec;
	/** The records of one answer, and whether another page follows. */
	read: (body: unknown) => { items: IDataObject[]; more?: boolean };
	/** The choice a record becomes: its name as people know it, and its ID. */
	choice: (item: IDataObject) => INodeListSearchItems;
	/** The API does not filter: the node keeps the choices whose name contains the filter. */
	filterLocally?: boolean;
}

/** A listSearch method for a node's `methods.listSearch`, through the platform's credential and base URL. */
export function listSearchMethod(platform: Platform, search: ListSearch) {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		const type = platform.credentialType(search.resource, (name) => this.getCurrentNodeParameter(name));
		const credentials = await this.getCredentials<ICredentialDataDecryptedObject>(type);
		const page = paginationToken ? Number(paginationToken) : 1;
		const spec = search.request(filter?.trim() || undefined, page);
		const base = platform.baseUrl(credentials, search.resource);
		const raw = (await this.helpers.httpRequestWithAuthentication.call(this, type, {
			method: spec.method,
			url: `${base}${spec.path}`,
			qs: spec.qs,
			body: spec.body,
			json: spec.body !== undefined,
			headers: { Accept: 'application/json', ...(platform.headers?.(credentials, search.resource) ?? {}), ...(spec.headers ?? {}) },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			arrayFormat: 'brackets',
		})) as { statusCode: number; body: unknown };
		const body = typeof raw.body === 'string' ? safeJson(raw.body) : raw.body;
		if (raw.statusCode < 200 || raw.statusCode >= 300) {
			const detail = platform.errorMessage(raw.statusCode, body, search.resource, type) ?? `HTTP ${raw.statusCode}`;
			throw new NodeApiError(this.getNode(), { message: detail }, { message: `${platform.displayName} ${raw.statusCode}: ${detail}`, httpCode: String(raw.statusCode) });
		}
		const { items, more } = search.read(body);
		let results = items.map(search.choice);
		if (search.filterLocally && filter) {
			const needle = filter.trim().toLowerCase();
			results = results.filter((r) => r.name.toLowerCase().includes(needle) || String(r.value).toLowerCase() === needle);
		}
		return { results, paginationToken: more ? String(page + 1) : undefined };
	};
}

function safeJson(text: string): unknown {
	try {
		return parseJsonText(text);
	} catch {
		return text;
	}
}
