import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ActivePlatformApi } from '../../../credentials/ActivePlatformApi.credentials';
import { ActivePlatform } from '../../../nodes/ActivePlatform/ActivePlatform.node';
import { runNode, type RunNodeOptions } from '../../harness/engine';
import type { Sandbox } from '../../sandbox';
import { ACTIVEPLATFORM_SANDBOX_TOKEN } from '../../sandbox/platforms/activeplatform';

/** Run the ActivePlatform node in n8n's engine against the sandbox. */
export function runActivePlatform(
	sandbox: Sandbox,
	parameters: INodeParameters,
	extra: Partial<RunNodeOptions> & { apiToken?: string; items?: INodeExecutionData[] } = {},
) {
	const { apiToken, ...rest } = extra;
	return runNode({
		node: new ActivePlatform(),
		parameters: { resource: 'user', ...parameters },
		credentialTypes: [new ActivePlatformApi()],
		credentials: {
			activePlatformApi: {
				url: sandbox.urlOf('/activeplatform'),
				apiToken: apiToken ?? ACTIVEPLATFORM_SANDBOX_TOKEN,
			},
		},
		...rest,
	});
}

export const jsonOf = (items: INodeExecutionData[] | undefined) => (items ?? []).map((i) => i.json);

/** Requests as "METHOD path", for asserting the sequence sent. */
export const calls = (sandbox: Sandbox) =>
	sandbox.requests('activeplatform').map((r) => `${r.method} ${r.path}`);

/** The users list (and search) path; creates POST to it too. */
export const USERS = '/api/vendor/v1/users.json';

/** A complete Create, with a middle name and two custom attributes. */
export const create = {
	operation: 'create',
	firstName: 'Olena',
	lastName: 'Koval',
	email: 'olena@example.com',
	password: 'Xy7!pass-word',
	additionalFields: { middleName: 'Petrivna' },
	customAttributes: {
		attribute: [
			{ key: 'crm_id', value: '42' },
			{ key: 'department', value: 'R&D; Ops' },
		],
	},
};

/** The sandbox token appears nowhere in the value, plain or URL-encoded. */
export const secretFree = (value: unknown) => {
	const text = JSON.stringify(value);
	expect(text).not.toContain(ACTIVEPLATFORM_SANDBOX_TOKEN);
	expect(text).not.toContain(encodeURIComponent(ACTIVEPLATFORM_SANDBOX_TOKEN));
};
