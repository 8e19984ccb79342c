/**
 * The same faults against every node's create: each input item must end as exactly one success
 * or one error item (continueOnFail), nothing lost, nobody created twice, no secret in sight.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { RunNodeResult } from '../harness/engine';
import { startSandbox, type Platforms, type Sandbox } from '../sandbox';
import type { FaultRule } from '../sandbox/faults';
import { ACTIVEPLATFORM_SANDBOX_TOKEN } from '../sandbox/platforms/activeplatform';
import { CHATWOOT_PLATFORM_TOKEN, CHATWOOT_USER_TOKEN } from '../sandbox/platforms/chatwoot';
import { DAVINTOO_SANDBOX_TOKEN } from '../sandbox/platforms/davintoo';
import { KEEPNET_CLIENT_SECRET } from '../sandbox/platforms/keepnet';
import { KEITARO_SANDBOX_KEY } from '../sandbox/platforms/keitaro';
import { runActivePlatform } from './ActivePlatform/helpers';
import { runChatwoot } from './Chatwoot/helpers';
import { runDavintoo } from './Davintoo/helpers';
import { runKeepnet } from './Keepnet/helpers';
import { runKeitaro } from './Keitaro/helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

interface Subject {
	name: string;
	platform: string;
	createPath: string;
	run: (params: INodeParameters, items: INodeExecutionData[]) => Promise<RunNodeResult>;
	create: INodeParameters;
	key: (i: number) => string;
	stored: () => string[];
	secrets: string[];
}

const each = { onError: 'continueRegularOutput' as const };

const subjects: Subject[] = [
	{
		name: 'Keitaro',
		platform: 'keitaro',
		createPath: '/admin_api/v1/users',
		run: (p, items) => runKeitaro(sandbox, p, { items, ...each }),
		create: {
			operation: 'create',
			inputMode: 'fields',
			login: '={{ $json.key }}',
			password: 'S3cret-pass',
			type: 'USER',
		},
		key: (i) => `user.${i}`,
		stored: () => [...platforms.keitaro.users.values()].map((u) => u.login),
		secrets: [KEITARO_SANDBOX_KEY, 'S3cret-pass'],
	},
	{
		name: 'Keepnet',
		platform: 'keepnet',
		createPath: '/api/target-users',
		run: (p, items) => runKeepnet(sandbox, p, { items, ...each }),
		create: { operation: 'create', email: '={{ $json.key }}', phoneNumber: '+447700900123' },
		key: (i) => `person${i}@example.com`,
		stored: () => [...platforms.keepnet.users.values()].map((u) => u.email),
		secrets: [KEEPNET_CLIENT_SECRET],
	},
	{
		name: 'Chatwoot',
		platform: 'chatwoot',
		createPath: '/contacts',
		run: (p, items) => runChatwoot(sandbox, p, { items, ...each }),
		create: {
			resource: 'contact',
			operation: 'create',
			fields: { name: 'Mia', email: '={{ $json.key }}' },
		},
		key: (i) => `mia${i}@shop.test`,
		stored: () => [...platforms.chatwoot.contacts.values()].map((c) => String(c.email)),
		secrets: [CHATWOOT_USER_TOKEN, CHATWOOT_PLATFORM_TOKEN],
	},
	{
		name: 'ActivePlatform',
		platform: 'activeplatform',
		createPath: '/users.json',
		run: (p, items) => runActivePlatform(sandbox, p, { items, ...each }),
		create: {
			operation: 'create',
			firstName: 'Olena',
			lastName: 'Koval',
			email: '={{ $json.key }}',
			password: 'Xy7!pass-word',
		},
		key: (i) => `olena${i}@example.com`,
		stored: () => [...platforms.activeplatform.users.values()].map((u) => u.email),
		secrets: [ACTIVEPLATFORM_SANDBOX_TOKEN, 'Xy7!pass-word'],
	},
	{
		name: 'Davintoo',
		platform: 'davintoo',
		createPath: '/users-import/single',
		run: (p, items) => runDavintoo(sandbox, p, { items, ...each }),
		create: {
			operation: 'importOne',
			uid: '={{ $json.key }}',
			secondname: 'Koval',
			firstname: 'Olena',
			login: '={{ "l." + $json.key }}',
			email: '={{ $json.key + "@acme.example" }}',
		},
		key: (i) => `EMP-${i}`,
		stored: () => [...platforms.davintoo.users.keys()],
		secrets: [DAVINTOO_SANDBOX_TOKEN],
	},
];

const items = (s: Subject, n: number) =>
	Array.from({ length: n }, (_, i) => ({ json: { key: s.key(i) } }));

/** The invariants every fault run must keep. */
function expectAccountedFor(s: Subject, run: RunNodeResult, n: number) {
	expect(run.error).toBeUndefined();
	const out = run.outputs[0] ?? [];
	expect(out).toHaveLength(n);
	expect(out.map((i) => i.pairedItem)).toEqual(Array.from({ length: n }, (_, item) => ({ item })));
	const stored = s.stored();
	expect(new Set(stored).size).toBe(stored.length); // nobody twice
	for (const [i, item] of out.entries()) {
		// A success means the record exists; an error item holds only error + details.
		if ('error' in item.json) expect(Object.keys(item.json).sort()).toEqual(['details', 'error']);
		else expect(stored.map((k) => k.toLowerCase())).toContain(s.key(i).toLowerCase());
	}
	const text = JSON.stringify(run.outputs) + JSON.stringify(run.error ?? null);
	for (const secret of s.secrets) expect(text).not.toContain(secret);
}

const scenarios: Array<{
	name: string;
	faults: FaultRule[];
	allSucceed: boolean;
	latencyMs?: number;
}> = [
	{
		name: '429 burst without Retry-After',
		faults: [{ kind: 'status', status: 429, times: 3 }],
		allSucceed: true,
	},
	{
		name: '429 burst with Retry-After',
		faults: [{ kind: 'status', status: 429, times: 2, retryAfter: '1' }],
		allSucceed: true,
	},
	// Creates look the record up before sending again (or are upserts): these all recover.
	{
		name: '502, 503 and 504 on creates',
		faults: [502, 503, 504].map((status) => ({
			kind: 'status' as const,
			status,
			times: 1,
			retryAfter: '0',
		})),
		allSucceed: true,
	},
	{
		name: 'a 500 on a create',
		faults: [{ kind: 'status', status: 500, times: 1 }],
		allSucceed: false,
	},
	{
		name: 'dropped connections, before and after the server acted',
		faults: [
			{ kind: 'drop', times: 1 },
			{ kind: 'dropAfter', times: 1 },
		],
		allSucceed: true,
	},
	{ name: 'a malformed JSON answer', faults: [{ kind: 'malformed', times: 1 }], allSucceed: false },
	{ name: 'latency on every answer', faults: [], allSucceed: true, latencyMs: 80 },
];

describe.each(subjects)('$name create under faults', (s) => {
	it.each(scenarios)(
		'$name: every item ends as one success or one error, no duplicates, no secrets',
		async ({ faults, allSucceed, latencyMs }) => {
			const n = 4;
			for (const f of faults)
				sandbox.fault({ ...f, platform: s.platform, method: 'POST', path: s.createPath });
			if (latencyMs) sandbox.settings.latencyMs = latencyMs;
			const run = await s.run({ ...s.create, options: { concurrency: 2 } }, items(s, n));
			expectAccountedFor(s, run, n);
			const failed = (run.outputs[0] ?? []).filter((i) => 'error' in i.json);
			if (allSucceed) expect(failed).toEqual([]);
			// A 500 or a broken answer to a create is reported, not guessed at: at most that one item fails.
			else expect(failed.length).toBeLessThanOrEqual(1);
		},
		30000,
	);
});
