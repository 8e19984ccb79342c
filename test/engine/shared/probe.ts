/**
 * A probe node for testing the shared runner and client on their own, through n8n's engine and
 * over real HTTP: a minimal platform and a few operations of each kind, aimed at the sandbox's
 * Keitaro endpoints (any JSON API would do).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { z } from 'zod';

import { KeitaroApi } from '../../../credentials/KeitaroApi.credentials';
import { requiredString } from '../../../nodes/shared/checks';
import { buildProperties } from '../../../nodes/shared/description';
import { defineOperation, OperationFailure } from '../../../nodes/shared/operation';
import { executeOperations } from '../../../nodes/shared/runner';
import type { Platform } from '../../../nodes/shared/types';
import { runNode, type RunNodeOptions } from '../../harness/engine';
import type { Sandbox } from '../../sandbox';
import { KEITARO_SANDBOX_KEY } from '../../sandbox/platforms/keitaro';

export const probePlatform: Platform = {
	displayName: 'Probe',
	credentialType: () => 'keitaroApi',
	baseUrl: (c) => `${String(c.url)}/admin_api/v1`,
	secretCredentialFields: ['apiKey'],
	authEcho: () => ({ headers: { 'Api-Key': '***' } }),
	errorMessage: (_s, body) =>
		body && typeof body === 'object' && 'error' in body
			? String((body as IDataObject).error)
			: undefined,
};

const users = (body: unknown) => (Array.isArray(body) ? (body as IDataObject[]) : []);
const byLogin = (body: unknown, login: string) => users(body).filter((u) => u.login === login);

const operations = [
	defineOperation({
		resource: 'user',
		operation: 'get',
		name: 'Get',
		action: 'Get a user',
		description: 'GET /users/{id}',
		properties: [{ displayName: 'ID', name: 'id', type: 'number', default: 0 }],
		input: z.object({ id: z.number().int().positive('must be a positive number') }),
		request: ({ id }) => ({ method: 'GET', path: `/users/${id}` }),
	}),
	defineOperation({
		resource: 'user',
		operation: 'create',
		name: 'Create',
		action: 'Create a user',
		description: 'POST /users with a lookup by login',
		properties: [{ displayName: 'Login', name: 'login', type: 'string', default: '' }],
		input: z.object({ login: requiredString('the login') }),
		request: ({ login }) => ({
			method: 'POST',
			path: '/users',
			body: {
				login,
				type: 'USER',
				new_password: 'Pw-123456',
				new_password_confirmation: 'Pw-123456',
			},
			verify: {
				request: { method: 'GET', path: '/users' },
				find: (body) => byLogin(body, login)[0],
			},
		}),
		output: (response) => ({ json: response as IDataObject, outcome: 'created' }),
	}),
	defineOperation({
		resource: 'user',
		operation: 'upsert',
		name: 'Create or Update',
		action: 'Create or update a user',
		description: 'Find by login, then create or change the type',
		properties: [
			{ displayName: 'Login', name: 'login', type: 'string', default: '' },
			{ displayName: 'Type', name: 'type', type: 'string', default: 'USER' },
		],
		input: z.object({ login: requiredString('the login'), type: z.enum(['USER', 'ADMIN']) }),
		upsert: {
			what: 'user',
			key: ({ login }) => `"${login}"`,
			find: {
				request: () => ({ method: 'GET', path: '/users' }),
				match: (body, { login }) => byLogin(body, login),
			},
			update: (existing, { type }) =>
				existing.type === type
					? []
					: [{ method: 'PUT', path: `/users/${String(existing.id)}`, body: { type } }],
			create: ({ login, type }) => ({
				method: 'POST',
				path: '/users',
				body: { login, type, new_password: 'Pw-123456', new_password_confirmation: 'Pw-123456' },
			}),
		},
	}),
	defineOperation({
		resource: 'user',
		operation: 'refuse',
		name: 'Refuse',
		action: 'Refuse',
		description: 'Fails mid-way with an input problem',
		properties: [],
		input: z.object({}),
		readThenWrite: {
			read: () => ({ method: 'GET', path: '/users' }),
			write: (current) => {
				if (current)
					throw new OperationFailure('Type (type): the user list says no', 'Nothing was changed.');
				return [];
			},
		},
	}),
];

export class Probe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'Tests the shared core',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'keitaroApi', required: true }],
		properties: buildProperties([{ name: 'User', value: 'user' }], operations),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, probePlatform, operations, { backoffBaseMs: 20 });
	}
}

export function runProbe(
	sandbox: Sandbox,
	parameters: IDataObject,
	extra: Partial<RunNodeOptions> = {},
) {
	return runNode({
		node: new Probe(),
		parameters: { resource: 'user', ...parameters } as RunNodeOptions['parameters'],
		credentialTypes: [new KeitaroApi()],
		credentials: { keitaroApi: { url: sandbox.urlOf('/keitaro'), apiKey: KEITARO_SANDBOX_KEY } },
		...extra,
	});
}
