/**
 * Where n8n lines differ in what the harness builds around the engine (never in what a node
 * sees). The harness is written against n8n-core 2.40; the engine matrix (test/matrix) runs it on
 * other lines too, and each difference is bridged here, by feature rather than by version number.
 *
 *                              1.85 (core 1.84)         1.123 (core 1.122)     2.40
 *   Logger                     n8n-core                 @n8n/backend-common    @n8n/backend-common
 *   BinaryDataService          init(config), no args    (config, …) + init()   (config, …) + init()
 *   additionalData secrets     secretsHelpers           externalSecretsProxy   externalSecretsProxy
 *   createRunExecutionData     (none: plain object)     n8n-workflow           n8n-workflow
 *   isExpression               (none: '=' prefix)       n8n-workflow           n8n-workflow
 *   SSH sweep timer            not unref'd              not unref'd            unref'd
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import * as core from 'n8n-core';
import { BinaryDataService } from 'n8n-core';
// Not exported from n8n-core's index in any line; the file is there in 1.x and 2.x alike.
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import type { IExecuteData, IRunExecutionData } from 'n8n-workflow';
import * as workflow from 'n8n-workflow';

type LoggerClass = typeof Logger;
/** What only some lines export; read by name so the other lines still load this file. */
const coreExtras = core as unknown as {
	Logger?: LoggerClass;
	BinaryDataConfig?: unknown;
	ExternalSecretsProxy?: unknown;
};

/** n8n's root Logger class: in n8n-core up to 1.8x, in @n8n/backend-common since. */
export function loggerClass(): LoggerClass {
	if (coreExtras.Logger) return coreExtras.Logger;
	// Required only here: on a 1.8x pair this package is not installed at all.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require('@n8n/backend-common') as { Logger: LoggerClass }).Logger;
}

export type BinaryDataMode = 'default' | 'filesystem';

/**
 * BinaryDataService for a mode. `default` keeps base64 in the item (no init, no storage);
 * `filesystem` is a real store under the OS temp folder.
 */
export async function newBinaryDataService(mode: BinaryDataMode): Promise<BinaryDataService> {
	const localStoragePath = join(tmpdir(), 'n8n-harness', 'binary-data');
	if (coreExtras.BinaryDataConfig === undefined) {
		// n8n-core 1.84: no constructor arguments; the mode comes with init().
		const Legacy = BinaryDataService as unknown as new () => BinaryDataService & {
			init(config: {
				mode: string;
				availableModes: string[];
				localStoragePath: string;
			}): Promise<void>;
		};
		const service = new Legacy();
		if (mode === 'filesystem')
			await service.init({ mode, availableModes: [mode], localStoragePath });
		return service;
	}
	const { BinaryDataConfig, ErrorReporter } = core;
	const base = Container.get(BinaryDataConfig);
	const config =
		mode === 'default'
			? base
			: Object.assign(Object.create(BinaryDataConfig.prototype) as typeof base, {
					...base,
					mode,
					localStoragePath,
				});
	const service = new BinaryDataService(
		config,
		Container.get(ErrorReporter),
		Container.get(loggerClass()),
	);
	if (mode === 'filesystem') await service.init();
	return service;
}

/** The external-secrets member of additionalData: a proxy since 1.9x, `secretsHelpers` before. */
export function externalSecrets(): Record<string, unknown> {
	if (coreExtras.ExternalSecretsProxy !== undefined)
		return { externalSecretsProxy: new core.ExternalSecretsProxy() };
	const none = async () => undefined;
	return {
		secretsHelpers: {
			update: none,
			waitForInit: none,
			getSecret: () => undefined,
			hasSecret: () => false,
			hasProvider: () => false,
			listProviders: () => [],
			listSecrets: () => [],
		},
	};
}

/** A fresh run with one node on the execution stack (n8n-workflow's factory where it exists). */
export function newRunExecutionData(nodeExecutionStack: IExecuteData[]): IRunExecutionData {
	const factory = (workflow as { createRunExecutionData?: typeof workflow.createRunExecutionData })
		.createRunExecutionData;
	if (factory) return factory({ executionData: { nodeExecutionStack } });
	return {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			nodeExecutionStack,
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
}

/** Whether a parameter value is an expression (n8n-workflow's helper where it exists). */
export function isExpression(value: unknown): value is string {
	const helper = (workflow as { isExpression?: (v: unknown) => boolean }).isExpression;
	if (helper) return helper(value);
	return typeof value === 'string' && value.startsWith('=');
}

/**
 * n8n-core 1.x starts SSHClientsManager's stale-connection sweep with a plain setInterval
 * (2.x unrefs it). n8n itself ends with process.exit, but a test process would never exit,
 * so after a run (the engine creates the manager for every node it executes) it is unref'd.
 */
export function releaseSshSweepTimer(): void {
	const manager = Container.get(SSHClientsManager) as unknown as {
		cleanupTimer?: { unref?: () => void };
	};
	manager.cleanupTimer?.unref?.();
}
