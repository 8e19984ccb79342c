import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { parseJsonText } from './body';
import { answerText, requestLine } from './client/messages';
import { answerFromError, buildRequest } from './client/wire';
import { maskString } from './mask';
import { readRequestOptions } from './options';
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
	/** What the list holds, for its placeholder ("Select a target user..."); else taken from the display name. */
	what?: string;
	placeholder?: string;
	required?: boolean;
}

export function idLocator(o: LocatorOptions): INodeProperties {
	const modes: INodePropertyMode[] = [];
	if (o.searchMethod) {
		modes.push({
			...modeName('From List', 'list'),
			type: 'list',
			placeholder: `Select ${article(o.what ?? o.displayName.replace(/ ID$/, '').toLowerCase())}...`,
			typeOptions: { searchListMethod: o.searchMethod, searchable: true },
		});
	}
	modes.push({
		...modeName('By ID', 'id'),
		type: 'string',
		placeholder: o.placeholder ?? (o.numeric ? 'e.g. 42' : 'e.g. abC123'),
		validation: o.numeric
			? [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[1-9][0-9]*\\s*$',
							errorMessage: 'Enter a whole number greater than 0',
						},
					},
				]
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

const article = (what: string) => `${/^[aeio]/i.test(what) ? 'an' : 'a'} ${what}`;

/** A mode's label and value (kept apart so lint does not take a mode for a parameter). */
function modeName(
	displayName: string,
	name: string,
): Pick<INodePropertyMode, 'displayName' | 'name'> {
	return { displayName, name };
}

/** The ID inside a resource locator value; anything else as it is. */
export function locatorValue(value: unknown): unknown {
	if (value && typeof value === 'object' && '__rl' in value)
		return (value as { value?: unknown }).value;
	return value;
}

/** How a list endpoint answers a picker: one page of choices, and how to ask for the next. */
export interface ListSearch {
	resource: string;
	/**
	 * The request for one page of choices. `param` reads another parameter of the node as it is
	 * set in the editor (a locator's ID unwrapped), e.g. the user whose accounts to offer.
	 */
	request: (
		filter: string | undefined,
		page: number,
		param: (name: string) => unknown,
	) => RequestSpec;
	/** The records of one answer, and whether another page follows. */
	read: (body: unknown, page: number) => { items: IDataObject[]; more?: boolean };
	/** The choice a record becomes: its name as people know it, and its ID. */
	choice: (item: IDataObject) => INodeListSearchItems;
	/** The API does not filter: the node keeps the choices whose name contains the filter. */
	filterLocally?: boolean;
}

/**
 * A listSearch method for a node's `methods.listSearch`, through the platform's credential,
 * base URL and error texts, with the node's Timeout, Proxy and certificate options.
 */
export function listSearchMethod(platform: Platform, search: ListSearch) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const type = platform.credentialType(search.resource, (name) =>
			this.getCurrentNodeParameter(name),
		);
		const credentials = await this.getCredentials<ICredentialDataDecryptedObject>(type);
		const secrets = platform.secretCredentialFields.map((f) => String(credentials[f] ?? ''));
		const page = paginationToken ? Number(paginationToken) : 1;
		const param = (name: string) => locatorValue(this.getCurrentNodeParameter(name));
		let spec: RequestSpec;
		try {
			spec = search.request(filter?.trim() || undefined, page, param);
		} catch (error) {
			// E.g. a list that depends on another field not yet set.
			throw new NodeOperationError(
				this.getNode(),
				error instanceof Error ? error.message : String(error),
			);
		}
		const options = readRequestOptions(
			(name, _item, fallback) => this.getCurrentNodeParameter(name) ?? fallback,
			0,
		);
		const base = platform.baseUrl(credentials, search.resource);
		const request = buildRequest(
			spec,
			base,
			platform.headers?.(credentials, search.resource) ?? {},
			options,
			!!platform.oauth2,
		);
		let answer: { statusCode: number; body: unknown };
		try {
			answer = (await this.helpers.httpRequestWithAuthentication.call(this, type, request)) as {
				statusCode: number;
				body: unknown;
			};
		} catch (error) {
			// A refused OAuth2 token request, or a 401 after n8n's refresh, arrives thrown.
			const thrown = answerFromError(error);
			if (!thrown) {
				const message = `${platform.displayName}: ${requestLine(spec, base)} failed, so the list could not be loaded`;
				const description = maskString(
					error instanceof Error ? error.message : String(error),
					secrets,
				);
				throw new NodeApiError(this.getNode(), { message, description }, { message, description });
			}
			answer = thrown;
		}
		const body = parseBody(answer.body);
		if (answer.statusCode < 200 || answer.statusCode >= 300) {
			const text = answerText(platform, search.resource, answer.statusCode, body, 1, type);
			const message = maskString(text.message, secrets);
			const description = text.hint ? maskString(text.hint, secrets) : undefined;
			throw new NodeApiError(
				this.getNode(),
				{ message },
				{ message, description, httpCode: String(answer.statusCode) },
			);
		}
		const { items, more } = search.read(body, page);
		let results = items.map(search.choice);
		if (search.filterLocally && filter?.trim()) {
			const needle = filter.trim().toLowerCase();
			results = results.filter(
				(r) => r.name.toLowerCase().includes(needle) || String(r.value).toLowerCase() === needle,
			);
		}
		return { results, paginationToken: more ? String(page + 1) : undefined };
	};
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return parseJsonText(body);
	} catch {
		return body;
	}
}
