import { Credentials, getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { deepCopy, ICredentialsHelper, NodeHelpers, UserError, Workflow } from 'n8n-workflow';

import type { CredentialTypeRegistry } from './credential-types';
import { START_NODE_TYPE } from './node-types';
import { isExpression } from './version-adapters';

type RequestOptions = IHttpRequestOptions | IRequestOptionsSimplified;

/**
 * An in-memory stand-in for n8n's CLI CredentialsHelper (packages/cli/src/credentials-helper.ts):
 * same defaulting, expression resolution, generic/function `authenticate` and preAuthentication
 * rules, but credentials live in a Map by type name instead of an encrypted database.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly store = new Map<string, ICredentialDataDecryptedObject>();
	/** How often credentials were read and decrypted (in a real n8n: a database query and a decryption each). */
	reads = 0;

	constructor(
		private readonly types: CredentialTypeRegistry,
		credentials: Record<string, ICredentialDataDecryptedObject>,
		private readonly nodeTypes: INodeTypes,
	) {
		super();
		for (const [type, data] of Object.entries(credentials)) this.store.set(type, deepCopy(data));
	}

	/** What is stored now, e.g. OAuth2 token data n8n-core wrote back after a fetch/refresh. */
	snapshot(): Record<string, ICredentialDataDecryptedObject> {
		return deepCopy(Object.fromEntries(this.store));
	}

	getParentTypes(name: string): string[] {
		return this.types.getParentTypes(name);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.types.has(credentialType)) return true;
		const type = this.types.getByName(credentialType);
		if (!type.restrictToSupportedNodes) return true;
		return (type.supportedNodes ?? []).some(
			(name) => nodeType === name || nodeType.endsWith(`.${name}`),
		);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.getProperties(type);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: RequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.types.getByName(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			const resolve = this.resolver(credentials, workflow, node);
			requestOptions.headers ??= {};
			// Each of headers/qs/body/auth is a map whose keys and values may be expressions.
			const target = requestOptions as unknown as Record<
				string,
				Record<string, unknown> | undefined
			>;
			for (const [outerKey, inner] of Object.entries(authenticate.properties)) {
				const bucket = (target[outerKey] ??= {});
				for (const [key, value] of Object.entries(inner as Record<string, string>)) {
					bucket[resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	/** Resolves `={{$credentials.x}}` and `=Bearer {{$credentials.x}}` like the CLI does. */
	private resolver(credentials: ICredentialDataDecryptedObject, workflow?: Workflow, node?: INode) {
		const wf = workflow ?? this.mockWorkflow();
		const contextNode = node ?? wf.getNode(MOCK_NODE.name) ?? MOCK_NODE;
		const additionalKeys: IWorkflowDataProxyAdditionalKeys = { $credentials: credentials };
		return (value: string): string => {
			if (!isExpression(value)) return value;
			const resolved = wf.expression.getSimpleParameterValue(
				contextNode,
				value,
				'internal',
				additionalKeys,
				undefined,
				'',
			);
			return resolved ? String(resolved) : '';
		};
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.getByName(typeName);
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) return undefined;
		const nodeCredentials = node.credentials?.[typeName];
		if (!nodeCredentials) return undefined;
		await this.updateCredentials(nodeCredentials, typeName, {
			...this.stored(typeName),
			...output,
		});
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.getByName(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		return (output as ICredentialDataDecryptedObject | undefined) ?? undefined;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<Credentials> {
		// Only a handle: data is kept decrypted in the store, never encrypted with a key.
		return new Credentials(nodeCredentials, type);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		_executeData?: IExecuteData,
		raw?: boolean,
		resolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		this.reads++;
		const stored = this.stored(type);
		if (raw === true) return stored;

		// Defaults of unset fields (parents' too); fields the type does not declare are dropped.
		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (stored.oauthTokenData !== undefined) withDefaults.oauthTokenData = stored.oauthTokenData;

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		const parameters = withDefaults as INodeParameters;
		if (resolveValues) {
			const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } =
				resolveValues;
			return workflow.expression.getParameterValue(
				parameters,
				runExecutionData,
				runIndex,
				itemIndex,
				node.name,
				connectionInputData,
				mode,
				additionalKeys,
				undefined,
				false,
				withDefaults,
			) as ICredentialDataDecryptedObject;
		}
		return this.mockWorkflow().expression.getComplexParameterValue(
			MOCK_NODE,
			parameters,
			mode,
			additionalKeys,
			undefined,
			undefined,
			withDefaults,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.set(type, deepCopy(data));
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.set(type, { ...this.stored(type), oauthTokenData: deepCopy(data.oauthTokenData) });
	}

	private stored(type: string): ICredentialDataDecryptedObject {
		const data = this.store.get(type);
		if (!data)
			throw new UserError(`Harness: no credentials of type "${type}" were given to runNode`);
		return deepCopy(data);
	}

	/** Expression context for resolving outside a node run, as the CLI's mock workflow. */
	private mockWorkflow(): Workflow {
		return new Workflow({
			nodes: [{ ...MOCK_NODE }],
			connections: {},
			active: false,
			nodeTypes: this.nodeTypes,
		});
	}
}

const MOCK_NODE: INode = {
	id: 'harness-credentials',
	name: 'Harness Credentials',
	type: START_NODE_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
