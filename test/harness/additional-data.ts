import type { ExecutionLifecycleHooks } from 'n8n-core';
import type { ICredentialsHelper, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { externalSecrets } from './version-adapters';

const unsupported = (what: string) => async (): Promise<never> => {
	throw new UnexpectedError(`Harness: ${what} is not supported`);
};

/** The per-execution services n8n's CLI would wire in; sub-workflows and runners are not. */
export function buildAdditionalData(
	hooks: ExecutionLifecycleHooks,
	credentialsHelper: ICredentialsHelper,
	executionId: string,
): IWorkflowExecuteAdditionalData {
	const baseUrl = 'http://127.0.0.1:5678/';
	const data: Omit<IWorkflowExecuteAdditionalData, 'externalSecretsProxy'> = {
		hooks,
		credentialsHelper,
		executionId,
		workflowId: hooks.workflowData.id,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${baseUrl}rest`,
		instanceBaseUrl: baseUrl,
		formBaseUrl: `${baseUrl}form`,
		formWaitingBaseUrl: `${baseUrl}form-waiting`,
		formTestBaseUrl: `${baseUrl}form-test`,
		webhookBaseUrl: `${baseUrl}webhook`,
		webhookWaitingBaseUrl: `${baseUrl}webhook-waiting`,
		webhookTestBaseUrl: `${baseUrl}webhook-test`,
		mcpBaseUrl: `${baseUrl}mcp`,
		mcpTestBaseUrl: `${baseUrl}mcp-test`,
		variables: {},
		logAiEvent: () => {},
		executeWorkflow: unsupported('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: unsupported('startRunnerTask'),
	};
	// The secrets member is named and shaped differently across n8n lines.
	return { ...data, ...externalSecrets() } as IWorkflowExecuteAdditionalData;
}
