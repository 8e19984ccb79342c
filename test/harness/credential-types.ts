import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

/**
 * The fields of n8n-nodes-base's `oAuth2Api` that n8n-core's OAuth2 code reads, with the
 * same names and defaults. Our credentials extend `oAuth2Api` but this package does not
 * depend on n8n-nodes-base, so the harness supplies the parent when a test does not.
 */
export class HarnessOAuth2Api implements ICredentialType {
	name = 'oAuth2Api';
	displayName = 'OAuth2 API (harness)';
	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
				{ name: 'PKCE', value: 'pkce' },
			],
			default: 'authorizationCode',
		},
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'string', default: '' },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', default: '' },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Scope', name: 'scope', type: 'string', default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Body', value: 'body' },
				{ name: 'Header', value: 'header' },
			],
			default: 'header',
		},
		{ displayName: 'Ignore SSL Issues', name: 'ignoreSSLIssues', type: 'boolean', default: false },
		{
			displayName: 'Token Expired Status Code',
			name: 'tokenExpiredStatusCode',
			type: 'number',
			default: 401,
		},
	];
}

/** Credential types by name, with n8n's inheritance rules (`extends`). */
export class CredentialTypeRegistry {
	private readonly byName = new Map<string, ICredentialType>();

	constructor(types: ICredentialType[]) {
		for (const type of [new HarnessOAuth2Api(), ...types]) this.byName.set(type.name, type);
	}

	getByName(name: string): ICredentialType {
		const type = this.byName.get(name);
		if (!type) throw new UnexpectedError(`Harness: unknown credential type "${name}"`);
		return type;
	}

	has(name: string): boolean {
		return this.byName.has(name);
	}

	/** All ancestors, nearest first, as n8n's CredentialTypes.getParentTypes returns them. */
	getParentTypes(name: string): string[] {
		const parents = this.byName.get(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	/** Parent properties first, the type's own win (n8n's getCredentialsProperties). */
	getProperties(name: string): INodeProperties[] {
		const type = this.getByName(name);
		if (type.extends === undefined) {
			if (name !== 'oAuth2Api' && name !== 'oAuth1Api') return type.properties;
			// n8n adds the token store field to the OAuth roots so it survives defaulting.
			const tokenData: INodeProperties = {
				displayName: 'oauthTokenData',
				name: 'oauthTokenData',
				type: 'json',
				default: {},
			};
			return [...type.properties, tokenData];
		}
		const combined: INodeProperties[] = [];
		for (const parent of type.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}
}
