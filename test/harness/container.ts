/**
 * Setup of the @n8n/di Container that n8n-core reaches into while it runs a node.
 *
 * Imports resolve to the copies hoisted next to n8n-core, so this Container is the very
 * singleton n8n-core uses (a second copy of @n8n/di would give it a different Container).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { GlobalConfig } from '@n8n/config';
import { Container } from '@n8n/di';
import { BinaryDataService, InstanceSettings } from 'n8n-core';

import { type BinaryDataMode, loggerClass, newBinaryDataService } from './version-adapters';

export type { BinaryDataMode } from './version-adapters';

let ready = false;
const binaryServices = new Map<BinaryDataMode, BinaryDataService>();

export function setUpContainer(): void {
	if (ready) return;

	// Logger is built from GlobalConfig the first time anyone asks for it; make it silent
	// first. The root Logger also installs itself as n8n-workflow's LoggerProxy.
	Container.get(GlobalConfig).logging.level = 'silent';
	Container.get(loggerClass());

	// The real InstanceSettings reads or creates ~/.n8n/config on disk. Its consumers here
	// read only the ids, secrets and the folder path (StorageConfig), never write to it.
	const settings = Object.create(InstanceSettings.prototype) as InstanceSettings;
	Object.assign(settings, {
		instanceId: 'harness-instance',
		hmacSignatureSecret: 'harness-hmac-secret',
		n8nFolder: join(tmpdir(), 'n8n-harness'),
		settings: { encryptionKey: 'harness-encryption-key' }, // behind the encryptionKey getter
	});
	Container.set(InstanceSettings, settings);

	ready = true;
}

/**
 * Points n8n-core's binary helpers (they Container.get the service) at the chosen mode:
 * `default` without storage (n8n's in-memory mode), `filesystem` a real store under the OS
 * temp folder. runNode deletes each execution's files when the run ends.
 */
export async function useBinaryDataMode(mode: BinaryDataMode): Promise<void> {
	let service = binaryServices.get(mode);
	if (!service) {
		service = await newBinaryDataService(mode);
		binaryServices.set(mode, service);
	}
	Container.set(BinaryDataService, service);
}
